// Browser test of the eventwire dashboard: Debian's chromium driven by playwright-core.
//
//   node tests/browser/dashboard.spec.mjs --base http://127.0.0.1:PORT --out test-artifacts/browser
//
// The server (a fixture store built from examples/corpus) is started by tests/test_api_browser.py,
// which runs this script and asserts that it exits 0. Each check prints one line; the first
// failure stops the run with exit code 1. Screenshots go to --out.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TIMEOUT_MS = 20_000;

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

const base = option("base");
const out = option("out", "test-artifacts/browser");
assert.ok(base, "--base http://127.0.0.1:PORT is required");
mkdirSync(out, { recursive: true });

const results = { passed: 0, failed: 0 };
async function check(name, body) {
  try {
    await body();
    results.passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    results.failed += 1;
    console.log(`not ok - ${name}\n${error.stack || error}`);
    throw error;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: CHROMIUM_FLAGS,
  headless: true,
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
page.setDefaultTimeout(TIMEOUT_MS);
const problems = [];
const foreign = [];
page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
page.on("console", (message) => {
  if (message.type() === "error") problems.push(`console error: ${message.text()}`);
});
// Nothing may be fetched from anywhere but the server under test (no CDN).
await page.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(base) || url.startsWith("data:")) return route.continue();
  foreign.push(url);
  return route.abort();
});

async function dashboardReady() {
  for (const panel of ["timeline-panel", "map-panel", "network-panel", "events-panel"]) {
    await page.waitForSelector(`#${panel}[data-state="ready"]`);
  }
}

async function apiJson(path) {
  return page.evaluate(async (url) => (await fetch(url)).json(), path);
}

try {
  let response;
  await check("dashboard loads with security headers", async () => {
    response = await page.goto(`${base}/`);
    assert.equal(response.status(), 200);
    const headers = response.headers();
    assert.match(headers["content-security-policy"], /script-src 'self'/);
    assert.match(headers["content-security-policy"], /frame-ancestors 'none'/);
    assert.equal(headers["x-content-type-options"], "nosniff");
    await dashboardReady();
  });

  await check("timeline, map, network and table are populated", async () => {
    assert.ok((await page.locator("#timeline rect.bar").count()) >= 5, "timeline bars");
    assert.ok((await page.locator("#map path.country").count()) > 100, "map countries");
    assert.ok((await page.locator("#map circle.place").count()) >= 5, "map places");
    assert.ok((await page.locator("#network g.node").count()) >= 5, "network actors");
    assert.ok((await page.locator("#network path.link").count()) >= 5, "network links");
    assert.equal(await page.locator("#events tbody tr[data-event-id]").count(), 25, "a full page of events");
    await page.screenshot({ path: join(out, "dashboard.png"), fullPage: true });
    await page.locator("#timeline-panel").screenshot({ path: join(out, "timeline.png") });
    await page.locator("#map-panel").screenshot({ path: join(out, "map.png") });
    await page.locator("#network-panel").screenshot({ path: join(out, "network.png") });
  });

  await check("filtering by actor narrows every view and lands in the URL", async () => {
    const before = (await apiJson("/api/events?limit=1")).total;
    await page.fill("input[name=actor]", "RUS");
    await page.click("#filters button[type=submit]");
    await page.waitForURL(/actor=RUS/);
    await dashboardReady();
    const expected = await apiJson("/api/events?actor=RUS&limit=1");
    assert.ok(expected.total > 0 && expected.total < before, `RUS events: ${expected.total} of ${before}`);
    assert.match(await page.textContent("#event-count"), new RegExp(`^${expected.total} matching`));
    const codes = await page.$$eval("#events tbody tr[data-event-id]", (rows) =>
      rows.map((row) => [...row.querySelectorAll(".actor-cell .code")].map((cell) => cell.textContent)),
    );
    assert.ok(codes.length > 0);
    for (const pair of codes) assert.ok(pair.some((code) => code.startsWith("RUS")), `row without RUS: ${pair}`);
    assert.ok((await page.locator('.chip[data-filter="actor"]').count()) === 1, "actor chip");
    assert.ok((await page.locator("#network g.node.selected").count()) >= 1, "RUS highlighted in the network");
    await page.screenshot({ path: join(out, "dashboard-actor-RUS.png"), fullPage: true });
  });

  await check("a shared URL restores the filters", async () => {
    await page.goto(page.url());
    await dashboardReady();
    assert.equal(await page.inputValue("input[name=actor]"), "RUS");
  });

  await check("brushing the timeline filters by date", async () => {
    await page.goto(`${base}/`);
    await dashboardReady();
    const overlay = page.locator("#timeline .brush .overlay");
    const box = await overlay.boundingBox();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.98, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL(/since=\d{4}-\d{2}-\d{2}.*until=\d{4}-\d{2}-\d{2}/);
    await dashboardReady();
    const url = new URL(page.url());
    const since = url.searchParams.get("since");
    const until = url.searchParams.get("until");
    const dates = await page.$$eval("#events tbody td.date", (cells) => cells.map((cell) => cell.textContent));
    assert.ok(dates.length > 0, "events in the brushed range");
    for (const day of dates) assert.ok(day >= since && day.slice(0, 10) <= until, `${day} outside ${since}..${until}`);
    await page.locator("#timeline-panel").screenshot({ path: join(out, "timeline-brushed.png") });
  });

  await check("opening an event shows its evidence highlighted and why it was coded", async () => {
    await page.goto(`${base}/?actor=RUS`);
    await dashboardReady();
    const link = page.locator("#events tbody tr[data-event-id] a.open-event").first();
    const eventId = await page.locator("#events tbody tr[data-event-id]").first().getAttribute("data-event-id");
    await link.click();
    await page.waitForURL(/\/article\?/);
    await page.waitForSelector('.article-layout[data-state="ready"]');
    const event = await apiJson(`/api/events/${eventId}`);
    const highlighted = await page.$$eval("#article-text .evidence.selected", (pieces) =>
      pieces.map((piece) => piece.textContent).join(""),
    );
    assert.equal(highlighted, event.evidence.sentence, "the selected evidence is exactly the event's sentence");
    assert.ok((await page.locator("#article-text .actor").count()) > 0, "actors highlighted");
    assert.ok((await page.locator("#article-text .time").count()) > 0, "time expressions highlighted");
    const why = await page.textContent("#why-details");
    assert.ok(why.includes(event.rule), "why panel names the rule");
    assert.ok(why.includes(event.confidence.toFixed(2)), "why panel shows the confidence");
    assert.ok(why.includes(event.modality), "why panel shows the modality");
    assert.equal(await page.locator("#article-events li.selected").getAttribute("data-event-id"), eventId);
    await page.screenshot({ path: join(out, "article.png"), fullPage: true });
  });

  await check("the API reference renders from /openapi.json", async () => {
    await page.goto(`${base}/docs`);
    await page.waitForSelector('main[data-state="ready"]');
    assert.ok((await page.locator(".operation").count()) >= 10);
  });

  await check("no script errors, CSP violations or requests off the server", async () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, []);
  });
} catch {
  process.exitCode = 1;
} finally {
  await browser.close();
  console.log(`${results.passed} passed, ${results.failed} failed`);
}
