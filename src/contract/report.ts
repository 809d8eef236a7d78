// The contract command's results, as a table for a person and as JUnit XML for a CI system.
import { escapeUnprintable as printable } from "../internal/printable";
import type { CheckResult } from "./checks/check";

// What a server said (a key, a value, an answer's text) is shown, never obeyed: control characters
// become escapes, so no answer can draw on the terminal, forge a line of the table or break the XML.
const problemLine = (p: { path: string; message: string }) => printable(`${p.path}: ${p.message}`);

const verdict = (r: CheckResult) => (r.skipped ? "skipped" : r.problems.length ? "FAIL" : "ok");

export function table(results: readonly CheckResult[], seconds: number): string {
  const width = Math.max(5, ...results.map((r) => printable(r.name).length));
  const lines = [`${"check".padEnd(width)}  status  result   ms`];
  for (const r of results) {
    lines.push(
      `${printable(r.name).padEnd(width)}  ${String(r.status ?? "-").padEnd(6)}  ${verdict(r).padEnd(7)}  ${String(r.ms).padStart(4)}`,
    );
    if (r.subject) lines.push(`    ${printable(r.subject)}`);
    if (r.skipped) lines.push(`    ${printable(r.skipped)}`);
    for (const p of r.problems) lines.push(`    ${problemLine(p)}`);
    if (r.details && r.problems.length) lines.push(`    re-send it: ${printable(r.details)}`);
  }
  const failed = results.filter((r) => r.problems.length).length;
  const skipped = results.filter((r) => r.skipped).length;
  lines.push(
    "",
    `${results.length} checks: ${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped, in ${seconds.toFixed(2)} s`,
  );
  return lines.join("\n");
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function junit(results: readonly CheckResult[], seconds: number): string {
  const failures = results.filter((r) => r.problems.length).length;
  const skipped = results.filter((r) => r.skipped).length;
  const cases = results.map((r) => {
    const open = `    <testcase classname="partner-center-orders.contract" name="${xml(printable(r.name))}" time="${(r.ms / 1000).toFixed(3)}"`;
    // What a run's data names (an order id) goes in the body: a test's name is the same in every run.
    const out = r.subject ? `\n      <system-out>${xml(printable(r.subject))}</system-out>` : "";
    if (r.skipped) return `${open}>\n      <skipped message="${xml(printable(r.skipped))}"/>${out}\n    </testcase>`;
    if (!r.problems.length) return out ? `${open}>${out}\n    </testcase>` : `${open}/>`;
    const body = [...r.problems.map(problemLine), ...(r.details ? [`re-send it: ${printable(r.details)}`] : [])].join(
      "\n",
    );
    return `${open}>\n      <failure message="${xml(problemLine(r.problems[0]!))}">${xml(body)}</failure>${out}\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">
  <testsuite name="partner-center-orders contract" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
}
