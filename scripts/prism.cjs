// Starts `prism mock` on the bundled spec as a child process on a free port and resolves once it
// listens. Used by `npm run mock`, `npm start` and Jest's global setup (CommonJS so Jest can
// require it as is). A mock listens behind prism-guard.cjs, which answers the multipart uploads
// Prism 5.14.2 cannot take (one of them kills it) and passes everything else through.
const { spawn } = require("node:child_process");
const { startGuard } = require("./prism-guard.cjs");
const { createServer } = require("node:net");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const SPEC = path.join(ROOT, "generated", "openapi.json");
// Prism's command behind a wrapper whose stdin this process holds: Prism ends when this process does.
const PRISM = path.join(__dirname, "prism-child.cjs");

/** A port the OS says is free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be listened on at 127.0.0.1 right now. */
function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * Starts Prism with --errors: `prism mock` on the bundled spec by default, or `prism proxy` to
 * `upstream` (validating every request and answer against the spec). Resolves to { url, stop }.
 */
async function startPrism({ port, upstream, args = [], timeoutMs = 30_000 } = {}) {
  const chosen = port ?? (await freePort());
  // A mock is guarded (prism-guard.cjs): Prism itself listens on a port of its own behind it.
  const prismPort = upstream ? chosen : await freePort();
  const mode = upstream ? ["proxy", SPEC, upstream] : ["mock", SPEC];
  const child = spawn(
    process.execPath,
    [PRISM, ...mode, "--port", String(prismPort), "--host", "127.0.0.1", "--errors", ...args],
    { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "test" } },
  );
  const url = `http://127.0.0.1:${chosen}`;
  // Prism's log is kept only until it says it listens (for the error if it never does): kept
  // after that, a long-running mock's memory grew with every request and each line rescanned all
  // of it.
  let output = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      output += chunk;
      if (!output.includes("Prism is listening")) return;
      settle();
      resolve();
    };
    const onExit = (code) => fail(new Error(`Prism exited with ${code} before listening:\n${output}`));
    function settle() {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stderr.off("data", onData);
      child.off("exit", onExit);
      output = "";
    }
    function fail(error) {
      settle();
      child.kill("SIGKILL");
      reject(error);
    }
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", onExit);
  });
  // Keep draining its log so a full pipe never blocks it.
  child.stdout.resume();
  child.stderr.resume();
  const guard = upstream
    ? undefined
    : await startGuard(chosen, prismPort).catch((error) => {
        child.kill("SIGKILL");
        throw error;
      });
  const stopPrism = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 2_000).unref();
    });
  const stop = async () => {
    if (guard) {
      guard.closeAllConnections?.();
      await new Promise((resolve) => guard.close(() => resolve()));
    }
    await stopPrism();
  };
  return { url, pid: child.pid, process: child, stop };
}

module.exports = { startPrism, freePort, isFree, SPEC };
