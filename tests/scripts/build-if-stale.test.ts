// npm start builds dist/ only when it is missing or older than its sources.
describe("needsBuild", () => {
  // An ES module script: Jest's CommonJS transform reads it as the repository's other scripts.
  const { needsBuild } = require("../../scripts/build-if-stale.mjs") as {
    needsBuild: (input: number, outputs: (number | undefined)[]) => boolean;
  };

  it("builds when an output is missing", () => {
    expect(needsBuild(100, [200, undefined])).toBe(true);
  });

  it("builds when a source changed after an output was written", () => {
    expect(needsBuild(300, [200, 400])).toBe(true);
  });

  it("does not build when every output is newer than every source, as right after npm ci", () => {
    expect(needsBuild(100, [200, 300])).toBe(false);
  });
});
