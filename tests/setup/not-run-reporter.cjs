// Ends every Jest run with one line per test that did not run, with the reason its title gives
// (the browser test without a browser, the live checks without an endpoint): a skipped test is
// never mistaken for a passing one.
class NotRunReporter {
  onRunComplete(_contexts, results) {
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === "pending" || test.status === "skipped" || test.status === "todo") {
          process.stderr.write(`not run: ${test.title}\n`);
        }
      }
    }
  }
}

module.exports = NotRunReporter;
