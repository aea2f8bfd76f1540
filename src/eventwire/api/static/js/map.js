// A world map (Natural Earth countries from world-atlas) with one circle per located place:
// area by number of events, colour by their mean Goldstein score. Zooms with the wheel.
import { el, formatScore, goldsteinColor, showMessage, withTooltip } from "./common.js";

/** ISO 3166 numeric code of Antarctica, as world-atlas names its feature. */
const ANTARCTICA = "010";
const MARGIN = 4;
let countries = null;

/** The country shapes, fetched once from the vendored TopoJSON. */
async function loadCountries() {
  if (!countries) {
    const response = await fetch("/static/vendor/countries-110m.json");
    const topology = await response.json();
    countries = topojson.feature(topology, topology.objects.countries);
  }
  return countries;
}

/**
 * Draw ``locations`` (records of /api/stats) into ``container``; ``onPick(place)`` is called
 * when the user clicks a place.
 */
export async function drawMap(container, locations, onPick) {
  const land = await loadCountries();
  const width = Math.max(container.clientWidth, 320);
  // Fitted to the inhabited world (Antarctica would take a fifth of the height for no events),
  // and as tall as that needs.
  const inhabited = { type: "FeatureCollection", features: land.features.filter((country) => country.id !== ANTARCTICA) };
  const projection = d3.geoNaturalEarth1().fitWidth(width - 2 * MARGIN, inhabited);
  const [[, top], [, bottom]] = d3.geoPath(projection).bounds(inhabited);
  const [shiftX, shiftY] = projection.translate();
  projection.translate([shiftX + MARGIN, shiftY - top + MARGIN]);
  const height = Math.ceil(bottom - top) + 2 * MARGIN;
  const path = d3.geoPath(projection);
  const radius = d3
    .scaleSqrt()
    .domain([0, d3.max(locations, (place) => place.events) || 1])
    .range([0, 18]);

  const svg = d3
    .create("svg")
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img")
    .attr("aria-label", "Map of event locations");
  const world = svg.append("g");
  world.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  world.append("g").selectAll("path").data(land.features).join("path").attr("class", "country").attr("d", path);

  // Largest first, so small places stay clickable on top of big ones.
  const ordered = [...locations].sort((a, b) => b.events - a.events);
  const circles = world
    .append("g")
    .selectAll("circle")
    .data(ordered)
    .join("circle")
    .attr("class", "place")
    .attr("cx", (place) => projection([place.lon, place.lat])[0])
    .attr("cy", (place) => projection([place.lon, place.lat])[1])
    .attr("r", (place) => Math.max(3, radius(place.events)))
    .attr("fill", (place) => goldsteinColor(place.goldstein_mean))
    .on("click", (event, place) => onPick(place));
  withTooltip(circles, (place) => [
    `${place.name || "?"}${place.country ? ` (${place.country})` : ""}`,
    `${place.events} event(s), mean Goldstein ${formatScore(place.goldstein_mean)}`,
    place.country ? "Click to filter by this country" : "",
  ]);
  const labels = world
    .append("g")
    .selectAll("text")
    .data(labelled(ordered, projection, radius))
    .join("text")
    .attr("class", "place-label")
    .attr("x", (place) => projection([place.lon, place.lat])[0] + Math.max(3, radius(place.events)) + 2)
    .attr("y", (place) => projection([place.lon, place.lat])[1] + 3)
    .text((place) => place.name);

  svg.call(
    d3
      .zoom()
      .scaleExtent([1, 10])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .on("zoom", (event) => {
        const scale = event.transform.k;
        world.attr("transform", event.transform);
        circles.attr("r", (place) => Math.max(3, radius(place.events)) / Math.sqrt(scale)).attr("stroke-width", 0.8 / scale);
        labels
          .attr("font-size", 10 / scale)
          .attr("stroke-width", 3 / scale)
          .attr("x", (place) => projection([place.lon, place.lat])[0] + (Math.max(3, radius(place.events)) + 2) / Math.sqrt(scale));
      }),
  );
  svg.append(() => gradientLegend(width, height));
  container.replaceChildren(svg.node());
  if (!locations.length) container.append(el("p", { class: "empty" }, "No located events match these filters."));
}

/** A Goldstein colour ramp in the map's lower-left corner. */
function gradientLegend(width, height) {
  const legend = d3.create("svg:g").attr("class", "gradient-legend").attr("transform", `translate(12,${height - 34})`);
  const id = "goldstein-gradient";
  const gradient = legend.append("defs").append("linearGradient").attr("id", id);
  gradient
    .selectAll("stop")
    .data(d3.range(-10, 10.1, 2.5))
    .join("stop")
    .attr("offset", (value) => `${((value + 10) / 20) * 100}%`)
    .attr("stop-color", (value) => goldsteinColor(value));
  const barWidth = Math.min(180, width / 3);
  legend.append("rect").attr("width", barWidth).attr("height", 8).attr("fill", `url(#${id})`).attr("rx", 2);
  legend.append("text").attr("y", 20).text("−10 conflict");
  legend.append("text").attr("x", barWidth).attr("y", 20).attr("text-anchor", "end").text("cooperation +10");
  return legend.node();
}

/** The busiest places whose labels fit without overlapping a label already placed. */
function labelled(places, projection, radius, wanted = 10) {
  const boxes = [];
  const chosen = [];
  for (const place of places) {
    if (chosen.length === wanted || !place.name) continue;
    const [x, y] = projection([place.lon, place.lat]);
    const left = x + Math.max(3, radius(place.events)) + 2;
    const box = { left, right: left + place.name.length * 6, top: y - 8, bottom: y + 5 };
    const clashes = boxes.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom);
    if (clashes) continue;
    boxes.push(box);
    chosen.push(place);
  }
  return chosen;
}
