// Runs a TypeScript module of the tests as a real child process (node tests/helpers/child.cjs
// <module> [args...]), compiled as Jest compiles it: for tests that kill a process with a signal.
require("./register-ts.cjs");
require(require("node:path").resolve(process.argv[2]));
