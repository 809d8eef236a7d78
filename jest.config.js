// Two projects: unit tests drive a scripted fetch; contract tests talk to a real Prism process
// that the contract project's global setup starts on a free port and its teardown stops.
const transform = {
  "^.+\\.(ts|mjs)$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
  ],
};
const moduleNameMapper = {
  "^partner-center-orders$": "<rootDir>/src/index.ts",
  "^partner-center-orders/types$": "<rootDir>/src/types.ts",
  "^partner-center-orders/testing$": "<rootDir>/src/testing/index.ts",
  "^partner-center-orders/contract$": "<rootDir>/src/contract/index.ts",
};
const common = { testEnvironment: "node", transform, moduleNameMapper };

module.exports = {
  // Two workers on this 2-core machine: the contract, package and reliability tests mostly wait
  // on child processes and sockets, so a second worker cuts the wall time by about a third.
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/tests/setup/not-run-reporter.cjs"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/{unit,spec,scripts,testing,reliability}/**/*.test.ts", "<rootDir>/examples/**/*.test.ts"],
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
