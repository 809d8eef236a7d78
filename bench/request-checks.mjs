// The request checks as they ship (src/rules/bind.ts and the rules generated from the spec)
// against Ajv's standalone code compiled from the same request schemas, the maintained-validator
// alternative, both bundled and gzipped the same way. Ajv would still need the binding (keys in
// any casing, nulls, read-only fields, typo suggestions) on top of it.
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundledSize } from "./bundle.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const spec = JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8"));

/** Every request body and parameter schema, rebased onto the bundled spec. */
function requestSchemas() {
  const out = {};
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (!op?.operationId) continue;
      const body = Object.values(op.requestBody?.content ?? {})[0]?.schema;
      if (body) out[`${op.operationId}Body`] = body;
    }
  }
  for (const [name, p] of Object.entries(spec.components.parameters)) out[`${name}Parameter`] = p.schema;
  return out;
}

export async function requestCheckSizes() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { source: true, esm: true } });
  addFormats(ajv);
  ajv.addSchema({ components: spec.components }, "spec.json");
  const refs = {};
  for (const [name, schema] of Object.entries(requestSchemas())) {
    const id = `${name}.json`;
    ajv.addSchema(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"spec.json#/components')), id);
    refs[name] = id;
  }
  const dir = mkdtempSync(join(ROOT, ".tmp-ajv-"));
  try {
    writeFileSync(join(dir, "validators.mjs"), standaloneCode(ajv, refs));
    const ajvStandalone = await bundledSize('export * from "./validators.mjs";', { resolveDir: dir });
    const handWritten = await bundledSize(
      'export { bindRequest, operationRuleProblems } from "../src/rules/request.ts";',
      { resolveDir: join(ROOT, "bench") },
    );
    return { "binder + generated rules (shipped)": handWritten, "Ajv standalone, same schemas": ajvStandalone };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
