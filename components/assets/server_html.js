// Shows HTML that this app built on the server, where every text from the data was escaped with
// html.escape (components/overview.py, dotmap.py, render.html_table; unit tests feed them HTML and
// script, and a browser test checks that such text stays text). It stands in for st.html on the
// Overview: st.html passes each block through DOMPurify in the browser on every rerun, about 30 ms of
// a filter change there for the map's dots and the two tables.
export default function ({ data, parentElement }) {
  let root = parentElement.querySelector("div.atlas-blocks");
  if (!root) {
    root = document.createElement("div");
    root.className = "atlas-blocks";
    parentElement.append(root);
  }
  if (root.atlasHtml !== data.html) {
    root.innerHTML = data.html;
    root.atlasHtml = data.html;
  }
}
