// Runs a TypeScript module's default export in a worker thread: its own V8 heap and event loop,
// so heap and handle counts measure that module alone, not the Jest worker it was started from.
// The module is compiled with the same swc settings Jest uses (register-ts.cjs).
const { parentPort, workerData } = require("node:worker_threads");

if (workerData.gc) {
  // Workers take no V8 flags at start; this exposes gc() all the same.
  require("node:v8").setFlagsFromString("--expose-gc");
  globalThis.gc = require("node:vm").runInNewContext("gc");
}
require("./register-ts.cjs");

require(workerData.module)
  .default(workerData.input)
  .then(
    (result) => parentPort.postMessage({ result }),
    (error) => parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) }),
  );
