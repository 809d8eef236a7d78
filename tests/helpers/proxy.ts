import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** Every variable proxy-from-env reads (it tries each name in lower case, then in upper case). */
export const PROXY_VARIABLES = [
  "https_proxy",
  "http_proxy",
  "no_proxy",
  "all_proxy",
  "npm_config_proxy",
  "npm_config_https_proxy",
  "npm_config_http_proxy",
  "npm_config_no_proxy",
].flatMap((name) => [name, name.toUpperCase()]);

export interface ProxyProcess {
  url: string;
  /** What it relayed or refused, one entry a request. */
  log: { method: string; target: string; authorized: boolean }[];
  /**
   * The log once it has `count` entries (or after 5 s): the proxy writes a line as it relays, and
   * that line reaches this process after the client may already have its answer.
   */
  logged(count: number): Promise<ProxyProcess["log"]>;
  stop(): Promise<void>;
}

/** Starts tests/helpers/proxy-process.mjs on a free loopback port; stop() ends it by its PID. */
export function startProxy(mode: "open" | "auth" | "refuse"): Promise<ProxyProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(__dirname, "proxy-process.mjs"), mode], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const log: ProxyProcess["log"] = [];
    let buffered = "";
    child.once("error", reject);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf("\n")) !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) {
          resolve({
            url: `http://127.0.0.1:${listening[1]}`,
            log,
            async logged(count) {
              for (let waited = 0; log.length < count && waited < 5_000; waited += 10)
                await new Promise((r) => setTimeout(r, 10));
              // A moment for a line too many to show; longer when none is expected, so that a request
              // relayed after all still shows.
              await new Promise((r) => setTimeout(r, count === 0 ? 200 : 20));
              return log;
            },
            stop: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null) return done();
                child.once("exit", () => done());
                process.kill(child.pid!, "SIGTERM");
              }),
          });
        } else if (line) log.push(JSON.parse(line));
      }
    });
  });
}

/** Runs `run` with only `variables` of the proxy settings in the environment, then puts them back. */
export async function withProxyEnvironment<T>(variables: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) delete process.env[name];
  Object.assign(process.env, variables);
  try {
    return await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
