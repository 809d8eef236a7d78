// Prism's own command, run so that it never outlives the process that started it: that process
// holds this one's stdin, and when it ends (jest finished, crashed or killed with SIGKILL) the
// pipe closes and Prism exits with it. `node prism-child.cjs <prism arguments>`.
const path = require("node:path");

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
process.argv = [process.argv[0], "prism", ...process.argv.slice(2)];
require(path.join(__dirname, "..", "node_modules", "@stoplight", "prism-cli", "dist", "index.js"));
