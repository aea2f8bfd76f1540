// The event table: one page of /api/events; a row opens the article view at that event.
import { actorLabel, el, scoreBadge } from "./common.js";

const EVIDENCE_CHARS = 160;

/** ``/article?id=…&event=…``: the article view with ``event`` selected. */
export function articleHref(event) {
  return `/article?${new URLSearchParams({ id: event.article_id, event: event.event_id })}`;
}

/** Fill ``tbody`` with ``events``; ``cameo`` maps codes to descriptions. */
export function drawTable(tbody, events, cameo) {
  if (!events.length) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No events match these filters.")));
    return;
  }
  tbody.replaceChildren(...events.map((event) => row(event, cameo)));
}

function row(event, cameo) {
  const href = articleHref(event);
  const sentence = event.evidence.sentence;
  const evidence = sentence.length > EVIDENCE_CHARS ? `${sentence.slice(0, EVIDENCE_CHARS - 1)}…` : sentence;
  const where = event.location ? [event.location.name, event.location.country].filter(Boolean).join(", ") : "";
  const tr = el(
    "tr",
    { "data-event-id": event.event_id },
    el("td", { class: "date" }, event.date || "undated"),
    actorCell(event.source),
    el(
      "td",
      {},
      el("span", { class: "code" }, event.cameo),
      " ",
      cameo.get(event.cameo) || cameo.get(event.cameo_root) || "",
      event.modality !== "asserted" ? el("span", { class: "badge" }, event.modality) : null,
      event.negated ? el("span", { class: "badge negated" }, "negated") : null,
    ),
    actorCell(event.target),
    el("td", { class: "num" }, scoreBadge(event.goldstein)),
    el("td", {}, where),
    el("td", { class: "evidence-cell" }, el("a", { href, class: "open-event" }, evidence)),
  );
  tr.addEventListener("click", (click) => {
    if (click.target.closest("a")) return; // the link itself navigates
    window.location.href = href;
  });
  return tr;
}

function actorCell(actor) {
  if (actor && !actor.code) {
    return el("td", { class: "actor-cell" }, el("span", { class: "unresolved" }, actor.text), el("span", { class: "name" }, "unresolved"));
  }
  return el(
    "td",
    { class: "actor-cell" },
    el("span", { class: "code" }, actorLabel(actor)),
    actor && actor.name ? el("span", { class: "name" }, actor.name) : null,
  );
}
