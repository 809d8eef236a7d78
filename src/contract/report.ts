// The contract command's results, as a table for a person and as JUnit XML for a CI system.
import type { CheckResult } from "./checks";

const verdict = (r: CheckResult) => (r.skipped ? "skipped" : r.problems.length ? "FAIL" : "ok");

export function table(results: readonly CheckResult[], seconds: number): string {
  const width = Math.max(5, ...results.map((r) => r.name.length));
  const lines = [`${"check".padEnd(width)}  status  result   ms`];
  for (const r of results) {
    lines.push(`${r.name.padEnd(width)}  ${String(r.status ?? "-").padEnd(6)}  ${verdict(r).padEnd(7)}  ${String(r.ms).padStart(4)}`);
    if (r.skipped) lines.push(`    ${r.skipped}`);
    for (const p of r.problems) lines.push(`    ${p.path}: ${p.message}`);
    if (r.details && r.problems.length) lines.push(`    re-send it: ${r.details}`);
  }
  const failed = results.filter((r) => r.problems.length).length;
  const skipped = results.filter((r) => r.skipped).length;
  lines.push("", `${results.length} checks: ${results.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped, in ${seconds.toFixed(2)} s`);
  return lines.join("\n");
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function junit(results: readonly CheckResult[], seconds: number): string {
  const failures = results.filter((r) => r.problems.length).length;
  const skipped = results.filter((r) => r.skipped).length;
  const cases = results.map((r) => {
    const open = `    <testcase classname="partner-center-orders.contract" name="${xml(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`;
    if (r.skipped) return `${open}>\n      <skipped message="${xml(r.skipped)}"/>\n    </testcase>`;
    if (!r.problems.length) return `${open}/>`;
    const body = [...r.problems.map((p) => `${p.path}: ${p.message}`), ...(r.details ? [`re-send it: ${r.details}`] : [])].join("\n");
    return `${open}>\n      <failure message="${xml(`${r.problems[0]!.path}: ${r.problems[0]!.message}`)}">${xml(body)}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">
  <testsuite name="partner-center-orders contract" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds.toFixed(3)}">
${cases.join("\n")}
  </testsuite>
</testsuites>
`;
}
