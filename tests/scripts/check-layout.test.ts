// The floor plan's checker (scripts/check-layout.mjs, run by npm run lint) refuses what the plan
// forbids: an import up the layers or across peers, the fake reaching into the pipeline, the
// client importing a package entry, and crowded folders.
const { layoutProblems, runtimeImports } = require("../../scripts/check-layout.mjs") as {
  layoutProblems: (files: Map<string, string>) => string[];
  runtimeImports: (path: string, text: string) => string[];
};

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe("layoutProblems", () => {
  it("accepts imports that point down the layers", () => {
    expect(
      layoutProblems(
        tree({
          "src/client.ts": 'import { send } from "./pipeline/send";',
          "src/pipeline/send.ts": 'import { sendAttempt } from "../transport/attempt";',
          "src/transport/attempt.ts": 'import { sleep } from "../internal/async/sleep";',
          "src/internal/async/sleep.ts": "",
        }),
      ),
    ).toEqual([]);
  });

  it("refuses an import up the layers, and one between peer folders of a layer", () => {
    const problems = layoutProblems(
      tree({
        "src/transport/attempt.ts": 'import { send } from "../pipeline/send";',
        "src/pipeline/send.ts": "",
        "src/rate-limit/rate-limiter.ts": 'import { sendAttempt } from "../transport/attempt";',
      }),
    );
    expect(problems).toEqual([
      "src/transport/attempt.ts imports src/pipeline/send.ts, a layer above it",
      "src/rate-limit/rate-limiter.ts imports src/transport/attempt.ts, a peer of its layer",
    ]);
  });

  it("keeps the fake to the rules and the client out of the package entries", () => {
    const problems = layoutProblems(
      tree({
        "src/testing/fake.ts": 'import { decideRetry } from "../pipeline/retry-policy";',
        "src/pipeline/retry-policy.ts": 'import { startFakePartnerCenter } from "../testing/fake";',
      }),
    );
    expect(problems).toEqual([
      "src/testing/fake.ts imports src/pipeline/retry-policy.ts: testing/ may import only errors.ts, internal/, rules/",
      "src/pipeline/retry-policy.ts imports src/testing/fake.ts: a package entry, which the client never imports",
    ]);
  });

  it("counts at most 10 modules at the root and 15 in a folder, a .browser.ts sibling as its module", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 11; i++) files[`src/m${i}.ts`] = "";
    for (let i = 0; i < 16; i++) files[`src/calls/c${i}.ts`] = "";
    for (let i = 0; i < 15; i++) files[`src/rules/r${i}.ts`] = files[`src/rules/r${i}.browser.ts`] = "";
    const problems = layoutProblems(tree(files)).filter((p) => p.includes("holds"));
    expect(problems).toEqual(["src/ holds 11 modules, more than 10", "src/calls/ holds 16 modules, more than 15"]);
  });
});

describe("runtimeImports", () => {
  it("leaves out type-only imports and exports, which leave nothing in the build", () => {
    const text = [
      'import type { A } from "./a";',
      'import { type B } from "./b";',
      'import { c, type C } from "./c";',
      'export type { D } from "./d";',
      'export { e } from "./e";',
    ].join("\n");
    expect(runtimeImports("src/x/y.ts", text)).toEqual(["src/x/c", "src/x/e"]);
  });
});
