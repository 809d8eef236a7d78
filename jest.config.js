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
  "^partner-center-orders/otel$": "<rootDir>/src/otel/index.ts",
};
const common = { testEnvironment: "node", transform, moduleNameMapper };

module.exports = {
  // Three workers on this 2-core machine: the contract, package and reliability tests mostly wait
  // on child processes, sockets and timers (the exactly-once run uses 47% of a core), so a third
  // worker fills that wait: the whole of Jest took 119 s against 168 s with two (2026-12-08).
  maxWorkers: 3,
  // 30 s a test instead of Jest's 5 s (a global option: a project's own is ignored): on a loaded,
  // shared 2-core runner a fast-check property of 150 runs took over 5 s. A real hang still fails,
  // at 30 s, and tests that wait on more (packing, child processes) set their own.
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/tests/setup/not-run-reporter.cjs"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: [
        "<rootDir>/tests/{unit,spec,scripts,testing,reliability,otel,redis}/**/*.test.ts",
        "<rootDir>/examples/**/*.test.ts",
      ],
    },
    {
      ...common,
      displayName: "contract",
      testMatch: ["<rootDir>/tests/prism/**/*.test.ts", "<rootDir>/tests/package/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/setup/prism-setup.ts",
      globalTeardown: "<rootDir>/tests/setup/prism-teardown.ts",
    },
  ],
};
