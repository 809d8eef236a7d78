// Wall time of the project's own commands.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function wallTime(command, args) {
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: "true" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    // What failed, not only that it did: the end of its output.
    const tail = `${run.stdout ?? ""}${run.stderr ?? ""}`.split("\n").slice(-80).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed with ${run.status ?? run.signal ?? run.error}:\n${tail}`);
  }
  return seconds;
}
