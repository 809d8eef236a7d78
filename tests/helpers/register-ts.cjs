// Lets a plain Node process or worker require the project's TypeScript: each .ts file compiled
// with the same swc settings Jest uses, and the package's names mapped to src/ as Jest maps them.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { transformSync } = require("@swc/core");

const ROOT = path.join(__dirname, "..", "..");
const ALIASES = {
  "partner-center-orders": path.join(ROOT, "src", "index.ts"),
  "partner-center-orders/testing": path.join(ROOT, "src", "testing", "index.ts"),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (ALIASES[request]) return ALIASES[request];
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    return resolve.call(this, `${request}.ts`, parent, ...rest);
  }
};
require.extensions[".ts"] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};
