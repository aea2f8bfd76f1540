// The API reference, built in the browser from /openapi.json (so it cannot drift from the code)
// and served from this server: no CDN, no inline script.
import { el } from "./common.js";

function typeOf(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map((option) => typeOf(option, spec)).filter((name) => name !== "null").join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items, spec)}[]`;
  if (schema.enum) return schema.enum.join(" | ");
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "";
}

function parameterTable(parameters, spec) {
  if (!parameters || !parameters.length) return null;
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "default"), el("th", {}, "meaning"))),
    el(
      "tbody",
      {},
      parameters.map((parameter) =>
        el(
          "tr",
          {},
          el("td", { class: "code" }, parameter.name),
          el("td", {}, parameter.in),
          el("td", { class: "code" }, typeOf(parameter.schema, spec)),
          el("td", { class: "code" }, parameter.schema && parameter.schema.default !== undefined ? JSON.stringify(parameter.schema.default) : ""),
          el("td", {}, parameter.description || (parameter.schema && parameter.schema.description) || ""),
        ),
      ),
    ),
  );
}

function operation(path, method, details, spec) {
  const responses = Object.entries(details.responses || {}).map(([status, response]) => {
    const content = response.content || {};
    const json = content["application/json"];
    const model = json ? typeOf(json.schema, spec) : Object.keys(content).join(", ");
    return `${status} ${response.description || ""}${model ? ` → ${model}` : ""}`;
  });
  const example = method === "get" && !path.includes("{") ? el("a", { href: path }, "try it") : null;
  return el(
    "section",
    { class: "panel operation", id: details.operationId },
    el("h3", {}, el("span", { class: `method ${method}` }, method.toUpperCase()), path, " ", example),
    el("p", {}, details.summary || ""),
    details.description ? el("p", { class: "hint" }, details.description) : null,
    parameterTable(details.parameters, spec),
    el("pre", {}, responses.join("\n")),
  );
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("api-intro").replaceChildren(
    el("h2", {}, `${spec.info.title} ${spec.info.version}`),
    el("p", { class: "intro" }, spec.info.description || ""),
  );
  const operations = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, details] of Object.entries(methods)) operations.push(operation(path, method, details, spec));
  }
  document.getElementById("operations").replaceChildren(...operations);
  document.querySelector("main").dataset.state = "ready";
}

main().catch((error) => {
  document.getElementById("api-intro").textContent = `Could not load /openapi.json: ${error.message}`;
});
