// A real redis-server (Debian's package) on a Unix socket of its own in a temporary folder,
// without persistence, started and stopped by PID; it can be paused (SIGSTOP), resumed (SIGCONT),
// killed (SIGKILL) and started again on the same socket. For the tests (redis-server.ts) and the
// fleet benchmark.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const HOW = "apt-get install redis-server";
export const REDIS_SERVER = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim() || undefined;

/** Whether the server at `socket` answers PING. */
function pings(socket) {
  return new Promise((resolve) => {
    const connection = connect(socket);
    const done = (ok) => {
      connection.destroy();
      resolve(ok);
    };
    connection.setTimeout(500, () => done(false));
    connection.on("error", () => done(false));
    connection.on("data", (data) => done(data.toString().startsWith("+PONG")));
    connection.on("connect", () => connection.write("PING\r\n"));
  });
}

export async function startRedis() {
  if (!REDIS_SERVER) throw new Error(`no redis-server found: ${HOW}`);
  const dir = mkdtempSync(join(tmpdir(), "pco-redis-"));
  const socket = join(dir, "redis.sock");
  let child;
  let exited;
  const launch = async () => {
    child = spawn(REDIS_SERVER, ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const end = Date.now() + 10_000;
    while (!(await pings(socket))) {
      if (Date.now() > end || child.exitCode !== null) throw new Error("redis-server did not start within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await launch();
  const signal = (name) => void (child.exitCode === null && child.signalCode === null && process.kill(child.pid, name));
  const kill = async () => {
    signal("SIGCONT");
    signal("SIGKILL");
    await exited;
  };
  return {
    socket,
    get pid() {
      return child.pid;
    },
    pause: () => signal("SIGSTOP"),
    resume: () => signal("SIGCONT"),
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
