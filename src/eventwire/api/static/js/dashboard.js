// The dashboard: filters in the URL query string drive four views, each one API call away.
// Changing a filter (form, brush, map click, network click, chip) rewrites the URL and redraws,
// so every state can be bookmarked or shared, and Back undoes the last change.
import { DASHBOARD_KEY, FILTER_KEYS, apiUrl, el, filtersOf, getJson, showMessage } from "./common.js";
import { drawMap } from "./map.js";
import { drawNetwork } from "./network.js";
import { drawTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

const PAGE_SIZE = 25;
const TOP_DYADS = 30;

const form = document.getElementById("filters");
const cameo = new Map();
let generation = 0;

function params() {
  return new URLSearchParams(window.location.search);
}

/** Apply ``changes`` (null or "" removes a key) to the URL and redraw; paging restarts. */
function navigate(changes, { keepOffset = false } = {}) {
  const next = params();
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "" || value === false) next.delete(key);
    else next.set(key, String(value));
  }
  if (!keepOffset) next.delete("offset");
  const query = next.toString();
  window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  render();
}

function fillForm(current) {
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") element.checked = current.get(element.name) === "true";
    else element.value = current.get(element.name) || "";
  }
  document.getElementById("period").value = current.get("by") || "month";
}

function showChips(filters) {
  const chips = Object.entries(filters).map(([key, value]) =>
    el(
      "span",
      { class: "chip", "data-filter": key },
      `${key.replace("_", " ")}: ${value}`,
      el("button", { type: "button", "aria-label": `Remove ${key} filter`, "data-remove": key }, "×"),
    ),
  );
  document.getElementById("active-filters").replaceChildren(...chips);
}

function setJsonLink(panelId, url) {
  document.querySelector(`#${panelId} .json`).href = url;
}

function setState(panelId, state) {
  document.getElementById(panelId).dataset.state = state;
}

async function render() {
  const current = params();
  const filters = filtersOf(current);
  const by = current.get("by") || "month";
  const offset = Number(current.get("offset") || 0);
  const mine = ++generation;
  const stale = () => mine !== generation;
  fillForm(current);
  showChips(filters);
  sessionStorage.setItem(DASHBOARD_KEY, window.location.search);
  for (const panel of ["timeline-panel", "map-panel", "network-panel", "events-panel"]) setState(panel, "loading");

  // The timeline keeps its full date range (it shows the selected dates as a brush).
  const { since, until, ...undated } = filters;
  const timelineQuery = { ...undated, by, top: 0, places: 0 };
  const statsQuery = { ...filters, top: TOP_DYADS };
  const pageQuery = { ...filters, limit: PAGE_SIZE, offset };
  setJsonLink("timeline-panel", apiUrl("stats", timelineQuery));
  setJsonLink("map-panel", apiUrl("stats", statsQuery));
  setJsonLink("network-panel", apiUrl("stats", statsQuery));
  setJsonLink("events-panel", apiUrl("events", pageQuery));
  document.getElementById("download-csv").href = apiUrl("events", { ...filters, format: "csv" });
  document.getElementById("download-jsonl").href = apiUrl("events", { ...filters, format: "jsonl" });

  const views = [
    getJson("stats", timelineQuery).then((stats) => {
      if (stale()) return;
      drawTimeline(document.getElementById("timeline"), stats.periods, [since, until], (from, to) =>
        navigate({ since: from, until: to }),
      );
      setState("timeline-panel", "ready");
    }).catch(failed("timeline-panel")),
    getJson("stats", statsQuery).then(async (stats) => {
      if (stale()) return;
      const located = stats.locations.reduce((sum, place) => sum + place.events, 0);
      document.getElementById("map-caption").textContent = `${located} of ${stats.total} events located`;
      await drawMap(document.getElementById("map"), stats.locations, (place) => navigate({ country: place.country }));
      setState("map-panel", "ready");
      drawNetwork(document.getElementById("network"), stats.dyads, filters.actor, (code) => navigate({ actor: code }));
      setState("network-panel", "ready");
    }).catch(failed("map-panel", "network-panel")),
    getJson("events", pageQuery).then((page) => {
      if (stale()) return;
      drawTable(document.querySelector("#events tbody"), page.items, cameo);
      const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : "0";
      document.getElementById("event-count").textContent = `${page.total} matching`;
      document.getElementById("page-info").textContent = `${shown} of ${page.total}`;
      document.getElementById("prev-page").disabled = !page.previous;
      document.getElementById("next-page").disabled = !page.next;
      setState("events-panel", "ready");
    }).catch(failed("events-panel")),
  ];
  await Promise.all(views);
}

/** An error handler that shows the API's message in the named panels. */
function failed(...panelIds) {
  return (error) => {
    for (const panelId of panelIds) {
      const panel = document.getElementById(panelId);
      const message = `Could not load: ${error.message}`;
      const chart = panel.querySelector(".chart");
      if (chart) showMessage(chart, message, "error");
      const rows = panel.querySelector("tbody");
      if (rows) rows.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "error" }, message)));
      for (const button of panel.querySelectorAll(".pager button")) button.disabled = true;
      panel.dataset.state = "error";
    }
  };
}

async function loadReferenceData() {
  const [codes, actors] = await Promise.all([getJson("cameo"), getJson("actors", { limit: 500 })]);
  const roots = document.querySelector("select[name=cameo_root]");
  for (const code of codes) {
    cameo.set(code.code, code.description);
    if (code.code.length === 2) roots.append(el("option", { value: code.code }, `${code.code} ${code.description}`));
  }
  document
    .getElementById("actor-codes")
    .replaceChildren(...actors.items.map((actor) => el("option", { value: actor.actor_code }, actor.actor_name || "")));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const changes = {};
  for (const key of FILTER_KEYS) {
    const element = form.elements.namedItem(key);
    if (!element) continue;
    changes[key] = element.type === "checkbox" ? (element.checked ? "true" : null) : element.value.trim();
  }
  navigate(changes);
});
document.getElementById("clear-filters").addEventListener("click", () =>
  navigate(Object.fromEntries(FILTER_KEYS.map((key) => [key, null]))),
);
document.getElementById("active-filters").addEventListener("click", (event) => {
  const key = event.target.dataset && event.target.dataset.remove;
  if (key) navigate({ [key]: null });
});
document.getElementById("period").addEventListener("change", (event) => navigate({ by: event.target.value }, { keepOffset: true }));
document.getElementById("prev-page").addEventListener("click", () =>
  navigate({ offset: Math.max(0, Number(params().get("offset") || 0) - PAGE_SIZE) }, { keepOffset: true }),
);
document.getElementById("next-page").addEventListener("click", () =>
  navigate({ offset: Number(params().get("offset") || 0) + PAGE_SIZE }, { keepOffset: true }),
);
window.addEventListener("popstate", render);
let resizeTimer;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(render, 250);
});

loadReferenceData()
  .catch(() => {}) // the views still work without descriptions
  .then(render);
