"""Alliance Atlas: the router and frame of the dashboard.

Sets the page, loads the validated dataset (a broken dataset stops here with a table of what is
wrong), draws the global filters bound to the URL, runs the chosen page and closes with the footer.
No data work happens here: pages call data/ queries and components/ renderers.
"""

from pathlib import Path

import streamlit as st

from components import frame
from data.loader import load_dataset
from data.schema import DatasetError

PAGES_DIR = Path(__file__).resolve().parent / "pages"

st.set_page_config(
    page_title="Alliance Atlas",
    # A shipped file, not ":material/hub:", which browsers would fetch from fonts.gstatic.com.
    page_icon=str(Path(__file__).resolve().parent / "static" / "favicon.png"),
    layout="wide",
    menu_items={"About": "Alliance Atlas: an open dashboard of international university networks."},
)

# url_path equals each file's stem on purpose: see components.frame.ensure_frame.
networks = st.Page(PAGES_DIR / "networks.py", title="Networks", icon=":material/hub:", url_path="networks")
home = st.Page(
    lambda: frame.open_page(networks), title="Alliance Atlas", url_path="home", default=True, visibility="hidden"
)
page = st.navigation(
    [
        home,
        st.Page(PAGES_DIR / "overview.py", title="Overview", icon=":material/dashboard:", url_path="overview"),
        st.Page(PAGES_DIR / "map.py", title="Map", icon=":material/public:", url_path="map"),
        st.Page(PAGES_DIR / "compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        networks,
        st.Page(
            PAGES_DIR / "institutions.py",
            title="Institutions",
            icon=":material/account_balance:",
            url_path="institutions",
        ),
        st.Page(PAGES_DIR / "data.py", title="Data", icon=":material/table_view:", url_path="data"),
    ]
)

try:
    dataset = load_dataset()
except DatasetError as error:
    frame.render_dataset_error(error)
    st.stop()

frame.render_global_filters(dataset)
page.run()
frame.render_footer(dataset)
frame.freeze_long_lived()
