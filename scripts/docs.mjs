// npm run docs: the API reference (docs/api/index.html, or the path given) from the bundled spec,
// with Redoc through `redocly build-docs`. Decision codes in descriptions, such as (D14), link to
// their row of spec/README.md. The page needs nothing outside the file: the template's
// Content-Security-Policy forbids it, and Redoc's attribution logo, the one thing it would fetch
// (from a CDN), is drawn inline instead. The template also wraps long example lines.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(process.argv[2] ?? join(ROOT, "docs", "api", "index.html"));
const decisions = relative(dirname(out), join(ROOT, "spec", "README.md"))
  .split("\\")
  .join("/");

/** A description with each decision code outside code spans made a link to its row. */
export function linkDecisions(text, target) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/\b([DE]\d{1,2})\b/g, (code) => `[${code}](${target}#${code.toLowerCase()})`),
    )
    .join("");
}

// Values are data (examples, defaults, enums): a "description" inside one is not the spec's prose.
const DATA = new Set(["value", "example", "default", "enum", "const"]);

function linkAll(node, target) {
  if (Array.isArray(node)) return node.map((item) => linkAll(item, target));
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (DATA.has(key) || (key === "examples" && Array.isArray(value))) return [key, value];
      if (key === "description" && typeof value === "string") return [key, linkDecisions(value, target)];
      return [key, linkAll(value, target)];
    }),
  );
}

// "Redocly" as text, for the attribution's logo.
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='52' height='14'><text x='0' y='11' font-family='sans-serif' font-size='11'>Redocly</text></svg>",
)}`;

const spec = JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "pco-docs-"));
try {
  const linked = join(work, "openapi.json");
  writeFileSync(linked, JSON.stringify(linkAll(spec, decisions)));
  execFileSync(
    join(ROOT, "node_modules", ".bin", "redocly"),
    ["build-docs", linked, "--inlineBundle", "--template", join(ROOT, "scripts", "docs-template.hbs"), "-o", out],
    { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: "off" }, stdio: ["ignore", "ignore", "pipe"] },
  );
  writeFileSync(
    out,
    readFileSync(out, "utf8").replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`API reference written to ${relative(process.cwd(), out) || out}`);
