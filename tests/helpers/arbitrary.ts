// fast-check arbitraries built from the bundled spec's JSON Schemas, for the keywords the
// request schemas use, so property tests generate what the spec allows rather than what a test
// author thought of. `allOf` members are merged (each must hold); in request mode, read-only
// properties are left out, as the service ignores them and the client never sends them.
import fc from "fast-check";
import { resolve } from "./spec";

type Schema = Record<string, any>;

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  "date-time": () =>
    fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString()),
  uri: () => fc.webUrl(),
};

/** One schema that holds where all of `schemas` hold, for the keywords generation reads. */
function merged(schemas: Schema[]): Schema {
  return schemas
    .map((s) => flatten(s))
    .reduce((a, b) => {
      const out: Schema = { ...a, ...b };
      if (a.properties && b.properties) {
        out.properties = { ...a.properties };
        for (const [k, v] of Object.entries(b.properties))
          out.properties[k] = k in a.properties ? merged([a.properties[k], v as Schema]) : v;
      }
      if (a.items && b.items) out.items = merged([a.items, b.items]);
      if (a.required || b.required) out.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
      for (const key of ["minimum", "minLength", "minItems"])
        if (key in a && key in b) out[key] = Math.max(a[key], b[key]);
      for (const key of ["maximum", "maxLength", "maxItems"])
        if (key in a && key in b) out[key] = Math.min(a[key], b[key]);
      return out;
    }, {});
}

function flatten(schema: Schema): Schema {
  // Keywords beside a $ref (readOnly, say) hold as well as the referenced schema.
  const { $ref: _ref, ...siblings } = schema;
  const s = { ...resolve<Schema>(schema), ...siblings };
  if (!s.allOf) return s;
  const { allOf, ...rest } = s;
  return merged([...allOf, rest]);
}

export function arbitraryFor(schema: Schema, options: { request?: boolean } = {}): fc.Arbitrary<unknown> {
  const s = flatten(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string": {
      if (s.format && FORMATS[s.format]) return FORMATS[s.format]!();
      if (s.pattern)
        return fc
          .stringMatching(new RegExp(s.pattern))
          .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 40));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: s.maxLength ?? 20 });
    }
    case "integer": {
      const int32 = s.format === "int32";
      return fc.integer({
        min: s.minimum ?? (int32 ? -(2 ** 31) : -1e9),
        max: s.maximum ?? (int32 ? 2 ** 31 - 1 : 1e9),
      });
    }
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(arbitraryFor(s.items ?? {}, options), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 5),
      });
    case "object": {
      if (s.properties) {
        const required = new Set<string>(s.required ?? []);
        const entries = Object.entries(s.properties as Record<string, Schema>).filter(
          ([, v]) => !(options.request && flatten(v).readOnly),
        );
        const shape = Object.fromEntries(entries.map(([k, v]) => [k, arbitraryFor(v, options)]));
        const requiredKeys = Object.keys(shape).filter((k) => required.has(k));
        return fc.record(shape, { requiredKeys });
      }
      if (typeof s.additionalProperties === "object") {
        return fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          arbitraryFor(s.additionalProperties, options),
          { maxKeys: 4 },
        );
      }
      return fc.constant({});
    }
    default:
      return fc.anything();
  }
}
