// Two projects: unit tests drive a scripted fetch; contract tests talk to a real Prism process
// that the contract project's global setup starts on a free port and its teardown stops.
const transform = {
  "^.+\\.ts$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
  ],
};
const moduleNameMapper = {
  "^partner-center-orders$": "<rootDir>/src/index.ts",
  "^partner-center-orders/(.*)$": "<rootDir>/src/$1.ts",
};
const common = { testEnvironment: "node", transform, moduleNameMapper };

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts", "<rootDir>/tests/spec/**/*.test.ts", "<rootDir>/tests/scripts/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "contract",
      testMatch: ["<rootDir>/tests/contract/**/*.test.ts", "<rootDir>/tests/package/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/setup/prism-setup.ts",
      globalTeardown: "<rootDir>/tests/setup/prism-teardown.ts",
    },
  ],
};
