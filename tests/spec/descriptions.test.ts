// The spec's prose reads on its own in the API reference: no description or summary starts with
// an operationId (which the page shows as a stray word before the sentence).
import { operations, spec } from "../helpers/spec";

/** Every description and summary in the spec, with where it is. */
function prose(node: unknown, at: string, found: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, i) => prose(item, `${at}[${i}]`, found));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "value" || key === "example") continue;
      if ((key === "description" || key === "summary") && typeof value === "string")
        found.push([`${at}.${key}`, value]);
      else prose(value, `${at}.${key}`, found);
    }
  }
  return found;
}

describe("the spec's descriptions", () => {
  it("never start with an operationId", () => {
    const ids = operations().map((op) => op.operationId);
    const all = prose(spec, "#");
    expect(all.length).toBeGreaterThan(100);
    expect(
      all.filter(([, text]) => ids.some((id) => new RegExp(`^${id}\\b`).test(text.trim()))).map(([where]) => where),
    ).toEqual([]);
  });
});
