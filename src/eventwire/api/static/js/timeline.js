// Events per period, stacked by QuadClass, with a brush that selects a date range.
import { QUAD_CLASSES, el, isoDay, periodRange, showMessage, tooltip } from "./common.js";

const HEIGHT = 230;
const MARGIN = { top: 8, right: 16, bottom: 26, left: 38 };
const DAY = 864e5;

/**
 * Draw ``periods`` (records of /api/stats) into ``container``. ``range`` is the selected
 * [since, until] (ISO days, either may be empty); ``onBrush(since, until)`` is called when the
 * user selects a range, with nulls when they clear it.
 */
export function drawTimeline(container, periods, range, onBrush) {
  const bars = periods
    .map((period) => ({ period, span: periodRange(period.period) }))
    .filter((bar) => bar.span !== null);
  if (!bars.length) {
    showMessage(container, "No dated events match these filters.");
    return;
  }
  const width = Math.max(container.clientWidth, 320);
  const inner = { width: width - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const first = d3.min(bars, (bar) => bar.span[0]);
  const last = d3.max(bars, (bar) => bar.span[1]);
  const padding = Math.max((last - first) * 0.01, DAY);
  const x = d3.scaleUtc().domain([new Date(+first - padding), new Date(+last + padding)]).range([0, inner.width]);
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(bars, (bar) => bar.period.events) || 1])
    .nice()
    .range([inner.height, 0]);

  const legend = el(
    "div",
    { class: "legend-row" },
    QUAD_CLASSES.map((quad) => el("span", { class: `key q${quad.id}` }, quad.label)),
  );
  const svg = d3
    .create("svg")
    .attr("viewBox", `0 0 ${width} ${HEIGHT}`)
    .attr("role", "img")
    .attr("aria-label", "Events over time by QuadClass");
  const plot = svg.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
  plot.append("g").attr("class", "axis").attr("transform", `translate(0,${inner.height})`).call(d3.axisBottom(x).ticks(width / 90));
  plot.append("g").attr("class", "axis").call(d3.axisLeft(y).ticks(5).tickFormat(d3.format("d")));

  const segments = bars.flatMap((bar) => {
    let base = 0;
    return QUAD_CLASSES.map((quad) => {
      const count = bar.period[quad.key];
      const segment = { bar, quad, count, y0: base, y1: base + count };
      base += count;
      return segment;
    }).filter((segment) => segment.count > 0);
  });
  const barWidth = (bar) => Math.max(2, x(bar.span[1]) - x(bar.span[0]) - 1);
  plot
    .append("g")
    .selectAll("rect")
    .data(segments)
    .join("rect")
    .attr("class", (segment) => `bar q${segment.quad.id}`)
    .attr("x", (segment) => x(segment.bar.span[0]))
    .attr("width", (segment) => barWidth(segment.bar))
    .attr("y", (segment) => y(segment.y1))
    .attr("height", (segment) => y(segment.y0) - y(segment.y1));

  const brush = d3
    .brushX()
    .extent([
      [0, 0],
      [inner.width, inner.height],
    ])
    .on("end", (event) => {
      if (!event.sourceEvent) return; // moved by code, not by the user
      if (!event.selection) {
        onBrush(null, null);
        return;
      }
      const [from, to] = event.selection.map((pixel) => x.invert(pixel));
      onBrush(isoDay(from), isoDay(new Date(Math.max(+from, +to - 1))));
    });
  // The brush covers the bars, so it also shows their figures (by the period under the pointer).
  const brushLayer = plot
    .append("g")
    .attr("class", "brush")
    .call(brush)
    .on("mousemove.tip", (event) => {
      const when = x.invert(d3.pointer(event, plot.node())[0]);
      const bar = bars.find((candidate) => candidate.span[0] <= when && when < candidate.span[1]);
      if (bar) tooltip.show(event, describe(bar.period));
      else tooltip.hide();
    })
    .on("mouseleave.tip", () => tooltip.hide());
  const [since, until] = range;
  if (since || until) {
    const start = since ? new Date(`${since}T00:00:00Z`) : x.domain()[0];
    const end = until ? new Date(+new Date(`${until}T00:00:00Z`) + DAY) : x.domain()[1];
    brushLayer.call(brush.move, [Math.max(0, x(start)), Math.min(inner.width, x(end))]);
  }
  container.replaceChildren(legend, svg.node());
}

function describe(period) {
  return [
    `${period.period}: ${period.events} event(s)`,
    ...QUAD_CLASSES.filter((quad) => period[quad.key]).map((quad) => `${quad.label}: ${period[quad.key]}`),
  ];
}
