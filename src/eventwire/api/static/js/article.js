// The article view: the cleaned text with every layer highlighted by its offsets, the article's
// events, and for the selected event a "why" panel that says what produced it.
import { DASHBOARD_KEY, QUAD_CLASSES, actorLabel, el, getJson, scoreBadge } from "./common.js";

const params = new URLSearchParams(window.location.search);
const articleId = params.get("id");
const textBox = document.getElementById("article-text");
const DATE_BASIS = {
  text: "a time expression in the text",
  dateline: "the article's dateline",
  published: "the publication date",
};
let article = null;
let cameo = new Map();
let selectedId = params.get("event");

/** Highlight spans of every layer: {start, end, kind, title, events?}. */
function layerSpans() {
  const spans = [];
  for (const mention of article.mentions) {
    if (!mention.actor) continue;
    const who = [mention.actor.code, mention.actor.name].filter(Boolean).join(" — ");
    spans.push({ start: mention.start, end: mention.end, kind: "actor", title: `actor: ${who}` });
  }
  for (const quote of article.quotes) {
    const speaker = quote.speaker ? quote.speaker.name || quote.speaker.text || "?" : "unknown speaker";
    spans.push({ start: quote.start, end: quote.end, kind: "quote", title: `${quote.kind} quote, ${speaker}` });
  }
  for (const time of article.times) {
    spans.push({ start: time.start, end: time.end, kind: "time", title: `time: ${time.value || "?"} (${time.type})` });
  }
  for (const place of article.places) {
    const where = place.name ? `${place.name}, ${place.country || "?"} (${place.precision})` : "unresolved";
    spans.push({ start: place.start, end: place.end, kind: "place", title: `place: ${where}` });
  }
  for (const event of article.events) {
    spans.push({ start: event.evidence.start, end: event.evidence.end, kind: "evidence", event });
  }
  const selected = selectedEvent();
  if (selected) {
    for (const [role, actor] of [["source", selected.source], ["target", selected.target]]) {
      const found = actor && actor.text ? findIn(actor.text, selected.evidence) : -1;
      if (found >= 0) spans.push({ start: found, end: found + actor.text.length, kind: `role-${role}`, title: `${role}: ${actorLabel(actor)}` });
    }
  }
  return spans.filter((span) => span.end > span.start);
}

/** Offset of ``needle`` inside the evidence sentence's stretch of the text, or -1. */
function findIn(needle, evidence) {
  const found = article.text.indexOf(needle, evidence.start);
  return found >= 0 && found + needle.length <= evidence.end ? found : -1;
}

function selectedEvent() {
  return article.events.find((event) => event.event_id === selectedId) || null;
}

/** The text cut at every span boundary; each piece carries the classes of the spans over it. */
function renderText() {
  const spans = layerSpans();
  const cuts = new Set([0, article.text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, span.start));
    cuts.add(Math.min(article.text.length, span.end));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const [start, end] = [bounds[index], bounds[index + 1]];
    const over = spans.filter((span) => span.start <= start && span.end >= end);
    const text = article.text.slice(start, end);
    if (!over.length) {
      pieces.push(text);
      continue;
    }
    const kinds = new Set(over.map((span) => span.kind));
    const events = over.filter((span) => span.event).map((span) => span.event.event_id);
    if (events.includes(selectedId)) kinds.add("selected");
    if (kinds.has("role-source") || kinds.has("role-target")) kinds.add("evidence");
    const piece = el(
      "span",
      {
        class: [...kinds].join(" "),
        title: over.filter((span) => span.title).map((span) => span.title).join("\n") || null,
        "data-events": events.join(" ") || null,
      },
      text,
    );
    pieces.push(piece);
  }
  textBox.replaceChildren(...pieces);
}

function select(eventId, { scroll = true } = {}) {
  selectedId = eventId;
  const next = new URLSearchParams(window.location.search);
  next.set("event", eventId);
  window.history.replaceState(null, "", `?${next}`);
  renderText();
  renderEventList();
  renderWhy();
  const first = textBox.querySelector(".selected");
  if (scroll && first) first.scrollIntoView({ block: "center" });
}

function describeCode(code) {
  return cameo.get(code) || cameo.get(code.slice(0, 3)) || cameo.get(code.slice(0, 2)) || "";
}

function renderEventList() {
  const list = document.getElementById("article-events");
  list.replaceChildren(
    ...article.events.map((event) =>
      el(
        "li",
        { class: event.event_id === selectedId ? "selected" : null, "data-event-id": event.event_id },
        `${actorLabel(event.source)} → ${actorLabel(event.target)}: `,
        el("span", { class: "code" }, event.cameo),
        ` ${describeCode(event.cameo)} `,
        scoreBadge(event.goldstein),
        event.negated ? el("span", { class: "badge negated" }, "negated") : null,
        event.modality !== "asserted" ? el("span", { class: "badge" }, event.modality) : null,
      ),
    ),
  );
  document.getElementById("event-total").textContent = `(${article.events.length})`;
}

function actorLine(actor) {
  if (!actor) return "none";
  return `“${actor.text}” → ${actor.code || "unresolved"}${actor.name ? ` (${actor.name})` : ""}`;
}

function dateLine(event) {
  if (!event.date) return "undated";
  const inEvidence = article.times.filter((time) => time.start >= event.evidence.start && time.end <= event.evidence.end);
  const from = DATE_BASIS[event.date_basis] || event.date_basis || "?";
  const expressions = inEvidence.map((time) => `“${time.text}” → ${time.value || "?"}`).join(", ");
  return `${event.date} (${event.date_precision || "?"} precision), from ${from}${expressions && event.date_basis === "text" ? `: ${expressions}` : ""}`;
}

function renderWhy() {
  const details = document.getElementById("why-details");
  const event = selectedEvent();
  if (!event) {
    details.replaceChildren();
    return;
  }
  const quad = QUAD_CLASSES.find((candidate) => candidate.id === event.quad_class);
  const confidence = el("span", { class: "confidence" }, el("span"));
  confidence.firstChild.style.width = `${Math.round(event.confidence * 100)}%`;
  const cluster = event.cluster && event.cluster.cluster_id ? event.cluster : null;
  const rows = [
    ["Evidence", el("blockquote", {}, event.evidence.sentence)],
    ["Offsets", `characters ${event.evidence.start}–${event.evidence.end} of the text`],
    ["Source", actorLine(event.source)],
    ["Target", actorLine(event.target)],
    ["Event", [el("span", { class: "code" }, event.cameo), ` ${describeCode(event.cameo)}`]],
    ["PLOVER", event.plover.event_type ? `${event.plover.event_type}${event.plover.mode ? ` / ${event.plover.mode}` : ""}` : "not a PLOVER event"],
    ["Goldstein", [scoreBadge(event.goldstein), ` ${quad ? quad.label : ""} (QuadClass ${event.quad_class})`]],
    ["Date", dateLine(event)],
    ["Where", event.location ? [event.location.name, event.location.country, event.location.precision].filter(Boolean).join(", ") : "unknown"],
    ["Modality", `${event.modality}${event.negated ? " — negated: the text says it did not happen" : ""}`],
    ["Speaker", event.speaker ? `${event.speaker.name || "?"}${event.speaker.code ? ` (${event.speaker.code})` : ""}` : "the article itself"],
    ["Rule", el("span", { class: "code" }, event.rule)],
    ["Confidence", [confidence, event.confidence.toFixed(2)]],
    [
      "Cluster",
      cluster
        ? [
            `${cluster.num_articles} article(s), ${cluster.num_sources} source(s) `,
            el("a", { href: `/?${new URLSearchParams({ cluster_id: cluster.cluster_id })}` }, "all its events"),
          ]
        : "not clustered",
    ],
    ["Record", el("a", { href: `/api/events/${encodeURIComponent(event.event_id)}`, target: "_blank", rel: "noopener" }, event.event_id)],
  ];
  details.replaceChildren(...rows.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]));
}

function renderQuotes() {
  const list = document.getElementById("article-quotes");
  list.replaceChildren(
    ...article.quotes.map((quote) =>
      el(
        "li",
        {},
        el("span", { class: "speaker" }, quote.speaker ? quote.speaker.name || quote.speaker.text || "?" : "unknown"),
        quote.speaker && quote.speaker.code ? el("span", { class: "code" }, ` ${quote.speaker.code}`) : null,
        ` (${quote.kind}${quote.cue ? `, “${quote.cue}”` : ""}): `,
        quote.text,
      ),
    ),
  );
  document.getElementById("quote-total").textContent = `(${article.quotes.length})`;
}

function renderHeader() {
  document.title = `${article.title || "Article"} · eventwire`;
  document.getElementById("article-title").textContent = article.title || "(untitled)";
  const published = article.published ? `published ${article.published}${article.published_basis ? ` (from ${article.published_basis})` : ""}` : "undated";
  const meta = [article.agency, article.dateline_place, published, article.language, article.source_path].filter(Boolean).join(" · ");
  const duplicate = article.duplicate_of ? ` · near-duplicate of ${article.duplicate_of}` : "";
  document.getElementById("article-meta").textContent = meta + duplicate;
}

function wireControls() {
  const layers = document.getElementById("layers");
  const apply = () => {
    for (const box of layers.querySelectorAll("input")) textBox.classList.toggle(`hl-${box.value}`, box.checked);
  };
  layers.addEventListener("change", apply);
  apply();
  document.getElementById("article-events").addEventListener("click", (click) => {
    const item = click.target.closest("li[data-event-id]");
    if (item) select(item.dataset.eventId);
  });
  textBox.addEventListener("click", (click) => {
    const piece = click.target.closest("[data-events]");
    if (!piece) return;
    const ids = piece.dataset.events.split(" ");
    // A sentence may support several events: each click moves to the next one.
    const next = ids[(ids.indexOf(selectedId) + 1) % ids.length];
    select(next, { scroll: false });
  });
}

async function main() {
  const back = sessionStorage.getItem(DASHBOARD_KEY);
  document.getElementById("back").href = `/${back || ""}`;
  if (!articleId) throw new Error("no article id in the address (expected ?id=…)");
  document.getElementById("article-json").href = `/api/articles/${encodeURIComponent(articleId)}`;
  const [detail, codes] = await Promise.all([getJson(`articles/${encodeURIComponent(articleId)}`), getJson("cameo").catch(() => [])]);
  article = detail;
  cameo = new Map(codes.map((code) => [code.code, code.description]));
  if (!selectedEvent()) selectedId = null;
  renderHeader();
  renderQuotes();
  wireControls();
  if (selectedId) select(selectedId);
  else {
    renderText();
    renderEventList();
    renderWhy();
  }
}

const layout = document.querySelector(".article-layout");
main()
  .then(() => {
    layout.dataset.state = "ready";
  })
  .catch((error) => {
    document.getElementById("article-title").textContent = `Could not load this article: ${error.message}`;
    layout.dataset.state = "error";
  });
