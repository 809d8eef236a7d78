// Holds src/ to its floor plan (src/README.md): at most 10 modules at the root and 15 directly in
// any folder, and runtime imports that point one way, from a layer to the layers below it. Type-only
// imports are free: they leave nothing in the build. Run by npm run lint; `node scripts/check-layout.mjs`
// prints the counts and any import against the plan.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const MAX_AT_ROOT = 10;
export const MAX_IN_FOLDER = 15;

/**
 * The layers, lowest first. A module may import its own folder, a lower layer, and generated/.
 * The package entries on top (testing, contract, otel, redis) may import only what they list:
 * the fake knows the spec's rules, the others use the client as a consumer would.
 */
export const LAYERS = [
  ["internal/", "errors.ts", "clouds.ts"],
  ["rules/", "diagnostics/"],
  ["transport/", "rate-limit/"],
  ["pipeline/"],
  ["credentials/"],
  ["calls/"],
  ["polling/"],
  ["resources/"],
  ["options.ts", "resolve-options.ts", "core.ts", "client.ts", "types.ts", "index.ts"],
];
const CONSUMER = [
  "index.ts",
  "client.ts",
  "errors.ts",
  "internal/",
  "rules/",
  "diagnostics/",
  "credentials/",
  "rate-limit/rate-limit-store.ts",
  "calls/paging.ts",
  "calls/links.ts",
];
export const ENTRIES = {
  "testing/": ["errors.ts", "internal/", "rules/"],
  "contract/": CONSUMER,
  "otel/": CONSUMER,
  // A store it makes carries the shared limiter (sharedStore), which the core then builds.
  "redis/": [...CONSUMER, "rate-limit/shared-store.ts"],
};

const within = (path, place) => (place.endsWith("/") ? path.startsWith(place) : path === place);
const layerOf = (path) => LAYERS.findIndex((places) => places.some((place) => within(path, place)));
const entryOf = (path) => Object.keys(ENTRIES).find((entry) => path.startsWith(entry));

/** Why `from` (a path under src/) may not import `to` at run time, or undefined if it may. */
export function importProblem(from, to) {
  if (!to.startsWith("src/")) return undefined;
  const [a, b] = [from.slice(4), to.slice(4)];
  if (posix.dirname(a) === posix.dirname(b) && posix.dirname(a) !== ".") return undefined;
  const entry = entryOf(a);
  if (entry) {
    if (b.startsWith(entry) || ENTRIES[entry].some((place) => within(b, place))) return undefined;
    return `${from} imports ${to}: ${entry} may import only ${ENTRIES[entry].join(", ")}`;
  }
  if (entryOf(b)) return `${from} imports ${to}: a package entry, which the client never imports`;
  const [la, lb] = [layerOf(a), layerOf(b)];
  if (la < 0) return `${from} is in no layer of scripts/check-layout.mjs`;
  if (lb < 0) return `${to} is in no layer of scripts/check-layout.mjs`;
  if (lb > la) return `${from} imports ${to}, a layer above it`;
  const placeOf = (path) => LAYERS[la].find((place) => within(path, place));
  // Folders of one layer are peers that do not know each other; the top modules at the root do.
  if (lb === la && placeOf(a) !== placeOf(b) && la !== LAYERS.length - 1)
    return `${from} imports ${to}, a peer of its layer`;
  return undefined;
}

/** The runtime imports of a module's text, as paths relative to the repository. */
export function runtimeImports(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = [];
  const add = (specifier) => {
    if (specifier.startsWith(".")) found.push(posix.normalize(posix.join(posix.dirname(path), specifier)));
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) add(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const named = statement.exportClause;
      const typeOnly = named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly);
      if (!typeOnly) add(statement.moduleSpecifier.text);
    }
  }
  return found;
}

/** A module path as the layers name it: `src/x/y.ts` for `src/x/y`, `src/x/index.ts` for a folder. */
function moduleOf(target, exists) {
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) if (exists(candidate)) return candidate;
  return target;
}

/** Every problem with the tree: `files` maps a path under src/ to its text. */
export function layoutProblems(files) {
  const problems = [];
  const counts = folderCounts([...files.keys()]);
  for (const [folder, count] of counts) {
    const max = folder === "src" ? MAX_AT_ROOT : MAX_IN_FOLDER;
    if (count > max) problems.push(`${folder}/ holds ${count} modules, more than ${max}`);
  }
  for (const [path, text] of files) {
    for (const target of runtimeImports(path, text)) {
      const problem = importProblem(
        path,
        moduleOf(target, (p) => files.has(p)),
      );
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Modules directly in each folder (a `.browser.ts` sibling is the same module). */
export function folderCounts(paths) {
  const counts = new Map();
  for (const path of paths) {
    if (path.endsWith(".browser.ts") || path.endsWith(".md")) continue;
    counts.set(dirname(path), (counts.get(dirname(path)) ?? 0) + 1);
  }
  return counts;
}

function readTree(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts")) files.set(path, readFileSync(join(root, path), "utf8"));
    }
  };
  walk("src");
  return files;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === "") {
  const files = readTree(join(dirname(fileURLToPath(import.meta.url)), ".."));
  const counts = [...folderCounts([...files.keys()])].sort((a, b) => b[1] - a[1]);
  console.log(
    `src/ root: ${counts.find(([f]) => f === "src")?.[1]} modules (at most ${MAX_AT_ROOT}); ` +
      `most in a folder: ${counts.filter(([f]) => f !== "src")[0].join(" ")} (at most ${MAX_IN_FOLDER})`,
  );
  const problems = layoutProblems(files);
  for (const problem of problems) console.error(problem);
  console.log(`${problems.length} problems in ${files.size} modules`);
  process.exitCode = problems.length ? 1 : 0;
}
