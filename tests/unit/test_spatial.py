"""Places for the maps: anchors from the outlines, member points, partner countries, seats and arcs."""

from __future__ import annotations

import pytest

from data import queries, spatial


@pytest.mark.parametrize(
    ("code", "west", "east", "south", "north"),
    [("FR", -5, 8, 42, 51), ("US", -125, -66, 25, 49), ("RU", 30, 180, 45, 75), ("NO", 4, 31, 58, 71)],
)
def test_country_anchor_lies_inside_the_country(code, west, east, south, north) -> None:
    anchor = spatial.country_anchors().set_index("country").loc[code]
    assert west <= anchor["lon"] <= east and south <= anchor["lat"] <= north


def test_outlines_crossing_the_antimeridian_are_unwrapped() -> None:
    for feature in spatial.read_outlines()["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            lons = [x for x, _ in polygon[0]]
            assert max(lons) - min(lons) <= 360 and not (min(lons) < -170 and max(lons) > 170)


def test_region_anchor_for_a_region_and_a_country(tiny) -> None:
    lon, lat = spatial.region_anchor("Eastern Asia", tiny.region_groups)
    assert 100 < lon < 140 and 25 < lat < 50
    assert spatial.region_anchor("US", tiny.region_groups) == pytest.approx((-99.06, 39.5), abs=0.5)
    assert spatial.region_anchor("Nowhere", tiny.region_groups) is None


def test_member_points_keep_network_order_and_allowed_countries(tiny) -> None:
    points = spatial.member_points(tiny, ["beta", "alpha"])
    assert points.groupby("network_id")["rank"].first().to_dict() == {"beta": 0, "alpha": 1}
    assert len(points) == 6  # 3 current in beta (one an associate) + 3 current in alpha
    europe = spatial.member_points(tiny, ["alpha"], allowed=frozenset({"BE", "DE"}))
    assert sorted(europe["institution_id"]) == ["heidelberg", "ku-leuven"]


def test_institution_points_count_networks_per_institution(tiny) -> None:
    points = spatial.member_points(tiny, ["alpha", "beta"])
    institutions = spatial.institution_points(points, {"alpha": "ALPHA", "beta": "BETA"}).set_index("institution_id")
    assert institutions.loc["ku-leuven", "network_count"] == 2
    assert institutions.loc["ku-leuven", "networks"] == "ALPHA, BETA"
    assert institutions.loc["yale", "network_count"] == 1


def test_partner_regions_expand_to_countries(tiny) -> None:
    partners = spatial.partner_countries(tiny, ["alpha"])
    assert {"CN", "JP", "KR", "US"} <= set(partners["country"])
    assert set(partners.loc[partners["region"] == "US", "country"]) == {"US"}
    assert spatial.partner_countries(tiny, ["beta"]).empty


def test_seats_use_the_seat_city_or_the_centre_of_members(tiny) -> None:
    seats = spatial.network_seats(tiny, ["alpha", "beta", "prog"]).set_index("network_id")
    assert seats.loc["alpha", "anchor"] == "seat: Leuven"
    assert seats.loc["beta", "anchor"] == "centre of the members"
    assert "prog" not in seats.index  # no seat coordinates and no members


def test_arcs_run_from_the_seat_to_each_partner_region(tiny) -> None:
    arcs = spatial.partner_arcs(tiny, ["alpha"])
    assert sorted(arcs["region"]) == ["Eastern Asia", "US"]
    assert arcs["from_lat"].tolist() == pytest.approx([50.87959, 50.87959])


def test_network_labels_are_unique_and_short(real) -> None:
    labels = queries.network_labels(queries.network_table(real))
    assert len(set(labels.values())) == len(labels)
    assert labels["leru"] == "LERU"
    assert labels["u15-canada"] != labels["german-u15"]
    assert labels["russell-group"] == "Russell Group"


def test_place_points_make_one_dot_per_city(tiny) -> None:
    points = spatial.member_points(tiny, ["alpha", "beta"])
    institutions = spatial.institution_points(points, {"alpha": "ALPHA", "beta": "BETA"})
    # all four in one city, at campuses up to 0.3 degrees apart: one dot at their mean position
    in_one_city = institutions.assign(city="Leuven", country="BE", lat=[50.8, 50.9, 51.0, 51.1], lon=4.7)
    places = spatial.place_points(in_one_city, shown=2)
    assert len(places) == 1
    row = places.iloc[0]
    assert row["institutions"] == 4 and row["most_networks"] == 2
    assert row["lat"] == pytest.approx(50.95) and row["city"] == "Leuven"
    assert row["listed"] == "Heidelberg University; KU Leuven; and 2 more"  # most networks first, then by name
    assert len(spatial.place_points(institutions)) == 4


def test_place_points_keep_same_named_cities_apart(tiny) -> None:
    points = spatial.member_points(tiny, ["alpha", "beta"])
    institutions = spatial.institution_points(points).head(2)
    # two cities called Columbia in one country, told apart by their GeoNames place (data.quality)
    columbias = institutions.assign(city="Columbia", country="US", geonames_id=[4381982, 4575352])
    assert len(spatial.place_points(columbias)) == 2
    assert len(spatial.place_points(columbias.assign(geonames_id=4381982))) == 1
