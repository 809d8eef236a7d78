// fast-check arbitraries built from the bundled spec's JSON Schemas, for the keywords the
// request schemas use, so property tests generate what the spec allows rather than what a test
// author thought of.
import fc from "fast-check";
import { resolve } from "./spec";

type Schema = Record<string, any>;

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  "date-time": () => fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  uri: () => fc.webUrl(),
};

export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve<Schema>(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  switch (s.type) {
    case "string": {
      if (s.format && FORMATS[s.format]) return FORMATS[s.format]!();
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 40));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 20 });
    }
    case "integer": {
      const int32 = s.format === "int32";
      return fc.integer({ min: s.minimum ?? (int32 ? -(2 ** 31) : -1e9), max: s.maximum ?? (int32 ? 2 ** 31 - 1 : 1e9) });
    }
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(arbitraryFor(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 5) });
    case "object": {
      if (s.properties) {
        const required = new Set<string>(s.required ?? []);
        const shape = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, arbitraryFor(v as Schema)]));
        const requiredKeys = Object.keys(shape).filter((k) => required.has(k));
        return fc.record(shape, { requiredKeys });
      }
      if (typeof s.additionalProperties === "object") {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), arbitraryFor(s.additionalProperties), { maxKeys: 4 });
      }
      return fc.constant({});
    }
    default:
      return fc.anything();
  }
}
