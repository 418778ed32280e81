// The Networks catalogue: a page of cards drawn from plain data in one element.
// Every text is set with textContent, never as HTML, so text from the data shows literally.
// Each card's link is a real link (?network=<id>): it can be opened in a new tab, copied or shared;
// a plain click opens the profile in the running app (a trigger value, no page reload).

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = text;
  return element;
}

function card(item) {
  const article = node("article", "card");
  article.setAttribute("aria-labelledby", `card-${item.id}`);
  const heading = node("h3", "heading", item.heading);
  heading.id = `card-${item.id}`;
  article.append(heading);
  if (item.name) article.append(node("p", "name", item.name));
  const facts = node("p", "facts");
  facts.append(node("span", `badge badge-${item.status}`, item.status_label), " ", item.facts);
  article.append(facts, node("p", "summary", item.summary));
  if (item.themes) article.append(node("p", "themes", item.themes));
  const link = node("a", "open");
  link.href = `?network=${encodeURIComponent(item.id)}`;
  link.dataset.network = item.id;
  link.append(node("span", "arrow", "→"), node("span", null, `${item.heading} profile`));
  link.firstChild.setAttribute("aria-hidden", "true");
  article.append(link);
  const entry = node("li");
  entry.append(article);
  return entry;
}

export default function ({ data, parentElement, setTriggerValue }) {
  let list = parentElement.querySelector("ul.cards");
  if (!list) {
    const frame = node("div", "catalogue");
    list = node("ul", "cards");
    frame.append(list);
    parentElement.append(frame);
  }
  list.setAttribute("aria-label", data.label);
  list.replaceChildren(...data.cards.map(card));
  list.onclick = (event) => {
    const link = event.target.closest("a[data-network]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setTriggerValue("open", link.dataset.network);
  };
}
