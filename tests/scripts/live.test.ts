// npm run test:live is the contract command with this repository's settings: its arguments come
// from the environment, and without an endpoint and credentials it says it did not run, and why.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { liveCommand } from "../../scripts/live.cjs";

const ENDPOINT = { PARTNER_CENTER_BASE_URL: "https://api.partnercenter.microsoft.com/v1" };

describe("npm run test:live", () => {
  it("runs the contract command with JUnit XML, read-only unless PARTNER_CENTER_LIVE_WRITES=sandbox", () => {
    expect(liveCommand({ ...ENDPOINT, PARTNER_CENTER_TOKEN: "t" })).toEqual({
      argv: ["contract", "--junit", "contract-results.xml"],
    });
    const signedIn = {
      ...ENDPOINT,
      PARTNER_CENTER_TENANT_ID: "t",
      PARTNER_CENTER_CLIENT_ID: "c",
      PARTNER_CENTER_CLIENT_SECRET: "s",
      PARTNER_CENTER_LIVE_WRITES: "sandbox",
    };
    expect(liveCommand(signedIn, ["--fuzz", "10"])).toEqual({
      argv: ["contract", "--junit", "contract-results.xml", "--writes", "sandbox", "--fuzz", "10"],
    });
    expect(
      liveCommand({ ...ENDPOINT, PARTNER_CENTER_TOKEN: "t", PARTNER_CENTER_LIVE_WRITES: "yes" }).argv,
    ).not.toContain("--writes");
  });

  it.each([
    ["no endpoint", { PARTNER_CENTER_TOKEN: "t" }],
    ["no credentials", ENDPOINT],
    ["half the client credentials", { ...ENDPOINT, PARTNER_CENTER_TENANT_ID: "t", PARTNER_CENTER_CLIENT_ID: "c" }],
  ])("does not run with %s, and says what it needs", (_, env) => {
    expect(liveCommand(env).notRun).toMatch(/need PARTNER_CENTER_BASE_URL and PARTNER_CENTER_TOKEN/);
  });

  it("prints one not-run line and succeeds when nothing is set", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, "..", "..", "scripts", "live.cjs")],
      { env: { PATH: process.env.PATH } },
    );
    expect(stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^not run: the live contract checks: they need PARTNER_CENTER_BASE_URL/),
    ]);
  });
});
