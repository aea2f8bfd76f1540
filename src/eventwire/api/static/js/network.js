// The actor network: the top actor pairs (dyads) as arrows from source to target, weighted by
// how many events link them and coloured by their mean Goldstein score.
import { formatScore, goldsteinColor, showMessage, withTooltip } from "./common.js";

/** Height ÷ width: about the map's, whose panel sits beside this one. */
const ASPECT = 0.66;
const TICKS = 300;

/**
 * Draw ``dyads`` (records of /api/stats) into ``container``. ``selected`` is the actor filter
 * (a code prefix, highlighted); ``onPick(code)`` is called when the user clicks an actor.
 */
export function drawNetwork(container, dyads, selected, onPick) {
  if (!dyads.length) {
    showMessage(container, "No actor pairs match these filters.");
    return;
  }
  const width = Math.max(container.clientWidth, 320);
  const height = Math.round(Math.min(Math.max(width * ASPECT, 300), 560));
  const totals = new Map();
  for (const dyad of dyads) {
    totals.set(dyad.source, (totals.get(dyad.source) || 0) + dyad.events);
    totals.set(dyad.target, (totals.get(dyad.target) || 0) + dyad.events);
  }
  const nodes = [...totals].map(([code, events]) => ({ id: code, events }));
  const links = dyads.map((dyad) => ({ ...dyad }));
  const size = d3.scaleSqrt().domain([1, d3.max(nodes, (node) => node.events)]).range([5, 16]);
  const weight = d3.scaleSqrt().domain([1, d3.max(links, (link) => link.events)]).range([1.2, 6]);

  // Laid out before drawing (a fixed number of ticks), so the picture is the same every time.
  const simulation = d3
    .forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((node) => node.id).distance(70).strength(0.6))
    .force("charge", d3.forceManyBody().strength(-240).distanceMax(170)) // pairs apart stay near the middle
    .force("x", d3.forceX(width / 2).strength(0.06))
    .force("y", d3.forceY(height / 2).strength(0.09))
    .force("collide", d3.forceCollide((node) => size(node.events) + 4 + 3 * node.id.length)) // label room
    .stop();
  for (let tick = 0; tick < TICKS; tick += 1) {
    simulation.tick();
    // Kept inside the picture at every step, so collisions are resolved within it.
    for (const node of nodes) {
      node.x = Math.max(20, Math.min(width - 8 * node.id.length - 26, node.x)); // room for the label
      node.y = Math.max(16, Math.min(height - 16, node.y));
    }
  }

  const svg = d3
    .create("svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", "Network of actors linked by events");
  const defs = svg.append("defs");
  const arrowColours = [...new Set(links.map((link) => goldsteinColor(link.goldstein_mean)))];
  defs
    .selectAll("marker")
    .data(arrowColours)
    .join("marker")
    .attr("id", (_, index) => `arrow-${index}`)
    .attr("viewBox", "0 -4 8 8")
    .attr("refX", 8)
    .attr("markerUnits", "userSpaceOnUse") // the same size whatever the edge's width
    .attr("markerWidth", 9)
    .attr("markerHeight", 9)
    .attr("orient", "auto")
    .append("path")
    .attr("d", "M0,-4L8,0L0,4")
    .attr("fill", (colour) => colour);

  const edges = svg
    .append("g")
    .selectAll("path")
    .data(links)
    .join("path")
    .attr("class", "link")
    .attr("stroke", (link) => goldsteinColor(link.goldstein_mean))
    .attr("stroke-width", (link) => weight(link.events))
    .attr("marker-end", (link) => `url(#arrow-${arrowColours.indexOf(goldsteinColor(link.goldstein_mean))})`)
    .attr("d", (link) => edgePath(link, size));
  withTooltip(edges, (link) => [
    `${link.source.id} → ${link.target.id}`,
    `${link.events} event(s), mean Goldstein ${formatScore(link.goldstein_mean)}`,
  ]);

  const prefix = (selected || "").toUpperCase();
  const vertex = svg
    .append("g")
    .selectAll("g")
    .data(nodes)
    .join("g")
    .attr("class", (node) => `node${prefix && node.id.startsWith(prefix) ? " selected" : ""}`)
    .attr("transform", (node) => `translate(${node.x},${node.y})`)
    .on("click", (event, node) => onPick(node.id));
  vertex.append("circle").attr("r", (node) => size(node.events));
  vertex
    .append("text")
    .attr("x", (node) => size(node.events) + 3)
    .attr("y", 4)
    .text((node) => node.id);
  withTooltip(vertex, (node) => [`${node.id}: ${node.events} event(s) in these pairs`, "Click to filter by this actor"]);
  container.replaceChildren(svg.node());
}

/** A slightly curved edge that stops at the target's rim (so the arrowhead shows). */
function edgePath(link, size) {
  const dx = link.target.x - link.source.x;
  const dy = link.target.y - link.source.y;
  const distance = Math.hypot(dx, dy) || 1;
  const trim = size(link.target.events) + 2;
  const endX = link.target.x - (dx / distance) * trim;
  const endY = link.target.y - (dy / distance) * trim;
  const bend = distance * 0.15;
  const controlX = (link.source.x + endX) / 2 - (dy / distance) * bend;
  const controlY = (link.source.y + endY) / 2 + (dx / distance) * bend;
  return `M${link.source.x},${link.source.y}Q${controlX},${controlY} ${endX},${endY}`;
}
