// Copies the dashboard's front-end libraries from node_modules into the Python package's static
// folder, so `pip install` users (who have no node) get a working dashboard and nothing is
// loaded from a CDN at run time. Run with `npm run vendor` after changing package.json; commit
// the result.
//
// d3 is vendored as the modules the dashboard uses, not the full bundle: their UMD builds are
// concatenated in dependency order into one file that defines the global `d3`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
// `--out DIR` writes elsewhere (the tests compare a fresh copy with the committed files).
const outIndex = process.argv.indexOf("--out");
const target = outIndex > 0 ? process.argv[outIndex + 1] : join(root, "src", "eventwire", "api", "static", "vendor");

// Each module after the ones it requires (see the require(...) list in each UMD header).
const D3_MODULES = [
  "d3-array", "d3-color", "d3-dispatch", "d3-ease", "d3-format", "d3-interpolate", "d3-path",
  "d3-quadtree", "d3-selection", "d3-timer", "d3-time", "d3-time-format", "d3-scale", "d3-axis",
  "d3-shape", "d3-drag", "d3-transition", "d3-brush", "d3-zoom", "d3-geo", "d3-force",
];
const COPIES = [
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
];

const version = (name) => JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version;
const licence = (name) => readFileSync(join(modules, name, "LICENSE"), "utf8").trim();

mkdirSync(target, { recursive: true });
const parts = D3_MODULES.map(
  (name) => `// ${name} ${version(name)}\n` + readFileSync(join(modules, name, "dist", `${name}.min.js`), "utf8").trim(),
);
writeFileSync(join(target, "d3.min.js"), `// d3 modules for the eventwire dashboard (ISC licence, see LICENSES.txt)\n${parts.join("\n")}\n`);
for (const [name, source, file] of COPIES) {
  writeFileSync(join(target, file), readFileSync(join(modules, name, source)));
}
const notices = [...D3_MODULES, ...COPIES.map(([name]) => name)].map(
  (name) => `${name} ${version(name)}\n${"-".repeat(40)}\n${licence(name)}\n`,
);
writeFileSync(join(target, "LICENSES.txt"), notices.join("\n"));
console.log(`vendored ${D3_MODULES.length} d3 modules and ${COPIES.length} files into ${target}`);
