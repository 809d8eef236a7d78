// Wall time of the project's own commands.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function wallTime(command, args) {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: "ignore", env: { ...process.env, CI: "true" } });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${run.status}`);
  return (performance.now() - started) / 1000;
}
