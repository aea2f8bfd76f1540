// What every page shares: calling the JSON API, the filters in the URL, colours and formats.
// Everything shown comes from /api/…; data is put into the page with textContent only, never as
// HTML, so text from articles cannot inject markup.

/** Event filters the dashboard keeps in the URL (the API's and the CLI's names). */
export const FILTER_KEYS = [
  "actor", "cameo", "cameo_root", "quad_class", "since", "until", "country", "search",
  "include_negated", "exclude_duplicates", "cluster_id",
];

/** Session key of the dashboard's last query string: where the article view's "back" returns. */
export const DASHBOARD_KEY = "eventwire.dashboard";

export const QUAD_CLASSES = [
  { id: 1, key: "verbal_cooperation", label: "Verbal cooperation" },
  { id: 2, key: "material_cooperation", label: "Material cooperation" },
  { id: 3, key: "verbal_conflict", label: "Verbal conflict" },
  { id: 4, key: "material_conflict", label: "Material conflict" },
];

let goldsteinScale = null;

/** The colour of a Goldstein score: -10 (conflict, red) through 0 (grey) to +10 (cooperation, blue). */
export function goldsteinColor(score) {
  goldsteinScale ??= d3
    .scaleLinear()
    .domain([-10, -4, 0, 4, 10])
    .range(["#b2182b", "#e8825f", "#b8b8b8", "#5fa2d0", "#2166ac"])
    .clamp(true);
  return goldsteinScale(score);
}

/** The filters present in ``params`` as a plain object (empty values dropped). */
export function filtersOf(params) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** A query string of ``values`` without empty entries. */
export function queryString(values) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "" && value !== false) query.set(key, String(value));
  }
  return query.toString();
}

export function apiUrl(path, values = {}) {
  const query = queryString(values);
  return `/api/${path}${query ? `?${query}` : ""}`;
}

/** GET a JSON resource of the API; errors carry the API's ``detail``. */
export async function getJson(path, values = {}) {
  const response = await fetch(apiUrl(path, values), { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = Array.isArray(body.detail) // a validation error: one entry per bad parameter
        ? body.detail.map((problem) => `${problem.loc.at(-1)}: ${problem.msg}`).join("; ")
        : String(body.detail);
    } catch {
      // not JSON: keep the status text
    }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

/** ``el("td", {class: "num"}, "12", child)``: an element with attributes and text/element children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function formatScore(value) {
  return `${value > 0 ? "+" : ""}${value.toFixed(1)}`;
}

/** A coloured Goldstein pill. */
export function scoreBadge(value) {
  const badge = el("span", { class: `score${Math.abs(value) < 2 ? " neutral" : ""}` }, formatScore(value));
  badge.style.background = goldsteinColor(value);
  return badge;
}

export function actorLabel(actor) {
  if (!actor) return "—";
  return actor.code || actor.text || "?";
}

/** The UTC [start, end) of a period label: 2015-10-15, 2015-W42 or 2015-10. */
export function periodRange(period) {
  const DAY = 864e5;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (match) {
    const start = Date.UTC(+match[1], +match[2] - 1, +match[3]);
    return [new Date(start), new Date(start + DAY)];
  }
  match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (match) {
    const january4 = Date.UTC(+match[1], 0, 4);
    const weekday = (new Date(january4).getUTCDay() + 6) % 7; // Monday = 0
    const start = january4 - weekday * DAY + (+match[2] - 1) * 7 * DAY;
    return [new Date(start), new Date(start + 7 * DAY)];
  }
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) return [new Date(Date.UTC(+match[1], +match[2] - 1, 1)), new Date(Date.UTC(+match[1], +match[2], 1))];
  return null;
}

export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** One floating tooltip per page, filled with text lines. */
export const tooltip = {
  show(event, lines) {
    const box = document.getElementById("tooltip");
    if (!box) return;
    box.textContent = lines.join("\n");
    box.hidden = false;
    this.move(event);
  },
  move(event) {
    const box = document.getElementById("tooltip");
    if (!box || box.hidden) return;
    const x = Math.min(event.clientX + 14, window.innerWidth - box.offsetWidth - 8);
    box.style.left = `${x}px`;
    box.style.top = `${event.clientY + 14}px`;
  },
  hide() {
    const box = document.getElementById("tooltip");
    if (box) box.hidden = true;
  },
};

/** Attach the tooltip to a d3 selection; ``lines(d)`` gives its text. */
export function withTooltip(selection, lines) {
  selection
    .on("mouseenter", (event, d) => tooltip.show(event, lines(d)))
    .on("mousemove", (event) => tooltip.move(event))
    .on("mouseleave", () => tooltip.hide());
}

/** Show a message in place of a chart. */
export function showMessage(container, text, kind = "empty") {
  container.replaceChildren(el("p", { class: kind }, text));
}
