// Runs a TypeScript module's default export in a worker thread: its own V8 heap and event loop,
// so heap and handle counts measure that module alone, not the Jest worker it was started from.
// The module is compiled with the same swc settings Jest uses.
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const { transformSync } = require("@swc/core");

const ROOT = path.join(__dirname, "..", "..");

if (workerData.gc) {
  // Workers take no V8 flags at start; this exposes gc() all the same.
  require("node:v8").setFlagsFromString("--expose-gc");
  globalThis.gc = require("node:vm").runInNewContext("gc");
}
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

require(workerData.module)
  .default(workerData.input)
  .then(
    (result) => parentPort.postMessage({ result }),
    (error) => parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) }),
  );
