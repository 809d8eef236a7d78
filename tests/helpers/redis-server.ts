// A real redis-server for the tests (Debian's package), on a Unix socket of its own in a temporary
// folder, without persistence, started and stopped by PID; it can be paused (SIGSTOP), resumed
// (SIGCONT), killed (SIGKILL) and started again on the same socket. Without redis-server the
// tests are reported as not run, unless REDIS_TEST=required (as .ci/run sets), which makes a
// missing server a failure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const HOW = "apt-get install redis-server";
export const REDIS_SERVER = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).stdout.trim() || undefined;
const REQUIRED = process.env.REDIS_TEST === "required";
/** Why the Redis tests do not run, or undefined when they do. */
export const NO_REDIS = REDIS_SERVER || REQUIRED ? undefined : `no redis-server found (${HOW}; CI requires it)`;

export interface RedisProcess {
  /** The Unix socket clients connect to. */
  readonly socket: string;
  readonly pid: number;
  /** SIGSTOP: the server takes connections and answers nothing. */
  pause(): void;
  /** SIGCONT. */
  resume(): void;
  /** SIGKILL, and waits for the process to end: every script and key is gone. */
  kill(): Promise<void>;
  /** Starts a new server on the same socket. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether the server at `socket` answers PING. */
function pings(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = connect(socket);
    const done = (ok: boolean) => {
      connection.destroy();
      resolve(ok);
    };
    connection.setTimeout(500, () => done(false));
    connection.on("error", () => done(false));
    connection.on("data", (data) => done(data.toString().startsWith("+PONG")));
    connection.on("connect", () => connection.write("PING\r\n"));
  });
}

export async function startRedis(): Promise<RedisProcess> {
  if (!REDIS_SERVER) throw new Error(`REDIS_TEST=required but no redis-server found: ${HOW}`);
  const dir = mkdtempSync(join(tmpdir(), "pco-redis-"));
  const socket = join(dir, "redis.sock");
  let child: ChildProcess;
  let exited: Promise<void>;
  const launch = async () => {
    child = spawn(REDIS_SERVER!, ["--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const end = Date.now() + 10_000;
    while (!(await pings(socket))) {
      if (Date.now() > end || child.exitCode !== null) throw new Error("redis-server did not start within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await launch();
  const signal = (name: NodeJS.Signals) => void (child.exitCode === null && child.signalCode === null && process.kill(child.pid!, name));
  const kill = async () => {
    signal("SIGCONT");
    signal("SIGKILL");
    await exited;
  };
  return {
    socket,
    get pid() {
      return child.pid!;
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

/** A describe block that needs Redis; where there is none, one skipped test whose title says why (one `not run:` line). */
export function describeWithRedis(title: string, body: () => void): void {
  if (NO_REDIS) it.skip(`${title}: ${NO_REDIS}`, () => undefined);
  else describe(title, body);
}
