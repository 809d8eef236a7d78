// Two projects: unit tests drive a scripted fetch; contract tests talk to a real Prism process
// that the contract project's global setup starts on a free port and its teardown stops.
const transform = {
  "^.+\\.ts$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
  ],
};

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts", "<rootDir>/tests/spec/**/*.test.ts"],
    },
  ],
};
