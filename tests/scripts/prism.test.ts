// The Prism mock never outlives the process that started it (jest, npm run mock, npm start): a
// real child process starts it and is killed with SIGKILL, which runs no teardown, and Prism ends.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { startPrism } from "../../scripts/prism.cjs";
import { until } from "../helpers/until";

const ROOT = join(__dirname, "..", "..");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the Prism mock", () => {
  it("ends when the process that started it is killed with SIGKILL", async () => {
    const starter = spawn(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(join(ROOT, "scripts", "prism.cjs"))}).startPrism().then((m) => console.log(m.pid))`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    starter.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(() => /^\d+\n/.test(output), 60_000);
    const prismPid = Number(output.trim());
    expect(alive(prismPid)).toBe(true);
    starter.kill("SIGKILL");
    await until(() => !alive(prismPid), 20_000);
    expect(alive(prismPid)).toBe(false);
  }, 90_000);

  it("keeps none of Prism's log once Prism listens: a long-running mock's memory and CPU do not grow with its requests", async () => {
    const mock = await startPrism();
    try {
      for (const stream of [mock.process.stdout!, mock.process.stderr!]) {
        expect(stream.listenerCount("data")).toBe(0);
        // Still drained, so a full pipe never blocks Prism.
        expect(stream.readableFlowing).toBe(true);
      }
    } finally {
      await mock.stop();
    }
  }, 90_000);
});
