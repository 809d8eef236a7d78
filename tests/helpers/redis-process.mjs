// A real redis-server (Debian's package) on a Unix socket of its own in a temporary folder,
// without persistence, started and stopped by PID; it can be paused (SIGSTOP), resumed (SIGCONT),
// killed (SIGKILL) and started again on the same socket. For the tests (redis-server.ts) and the
// fleet benchmark.
import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export const HOW = "apt-get install redis-server, or set REDIS_SERVER_PATH";

/** The redis-server to run: REDIS_SERVER_PATH, else the first executable one on PATH. */
function findRedisServer() {
  const candidates = process.env.REDIS_SERVER_PATH
    ? [process.env.REDIS_SERVER_PATH]
    : (process.env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, "redis-server"));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const REDIS_SERVER = findRedisServer();

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
    child = spawn(
      REDIS_SERVER,
      [
        "--port",
        "0",
        "--unixsocket",
        socket,
        "--unixsocketperm",
        "700",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
      ],
      { stdio: "ignore" },
    );
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
