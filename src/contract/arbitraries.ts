// fast-check arbitraries derived from the request rules (generated/request-rules.ts, the spec's
// request schemas as the client binds them): values a schema takes, and for a value, the ways to
// break it (a required key dropped, a value of the wrong type, one outside its range or pattern).
// Strings stay printable ASCII so that a counterexample reads well as a curl line.
import fc from "fast-check";
import type { RuleSchema } from "../rules/rule-types";

const typesOf = (schema: RuleSchema) =>
  schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : [...schema.type];

function stringArbitrary(schema: RuleSchema): fc.Arbitrary<string> {
  if (schema.format === "uuid") return fc.uuid();
  if (schema.format === "date-time")
    return fc
      .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === "uri") return fc.webUrl();
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? minLength + 12, minLength + 40);
  if (schema.pattern)
    return fc
      .stringMatching(new RegExp(schema.pattern, "u"))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  // Letters, digits, dash and underscore: also safe as a path segment.
  return fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
    minLength: Math.max(minLength, 0),
    maxLength,
  });
}

/** Values `schema` takes. */
export function valueOf(schema: RuleSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.ref) return valueOf(schema.ref(), depth + 1);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => valueOf(s, depth + 1)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => valueOf({ ...schema, type }, depth)));
  switch (types[0]) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case "number":
      return fc.double({
        min: schema.minimum ?? -1_000,
        max: schema.maximum ?? 1_000_000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "array": {
      const minLength = schema.minItems ?? 0;
      return fc.array(valueOf(schema.items ?? {}, depth + 1), {
        minLength,
        maxLength: Math.min(schema.maxItems ?? minLength + 2, minLength + 2),
      });
    }
    default:
      return objectOf(schema, depth);
  }
}

function objectOf(schema: RuleSchema, depth: number): fc.Arbitrary<unknown> {
  // Deep optional structure adds little and costs much: past two levels, required keys only.
  const properties = Object.entries(schema.properties ?? {}).filter(
    ([name, property]) => !property.readOnly && (depth < 2 || schema.required?.includes(name)),
  );
  const record = fc.record(
    Object.fromEntries(properties.map(([name, property]) => [name, valueOf(property, depth + 1)])),
    {
      requiredKeys: (schema.required ?? []).filter((name) => properties.some(([key]) => key === name)),
    },
  );
  if (typeof schema.additionalProperties !== "object") return record;
  const extra = fc.dictionary(
    stringArbitrary({ minLength: 1, maxLength: 12 }),
    valueOf(schema.additionalProperties, depth + 1),
    { maxKeys: 2 },
  );
  return fc.tuple(extra, record).map(([more, known]) => ({ ...more, ...known }));
}

/** A way to break a value: where, and what to put there instead (undefined drops the key). */
export interface Breakage {
  path: (string | number)[];
  value: unknown;
  what: string;
}

/** A value of another JSON type than `schema` takes. */
function wrongType(schema: RuleSchema): unknown {
  const types = typesOf(schema);
  if (!types.includes("string")) return "not-a-number-or-object";
  if (!types.includes("integer") && !types.includes("number")) return 12345;
  return [true];
}

/** Every way to break `value` under `schema`, walking into objects and arrays it has. */
export function breakagesOf(value: unknown, schema: RuleSchema, path: (string | number)[] = []): Breakage[] {
  if (schema.ref) return breakagesOf(value, schema.ref(), path);
  if (schema.oneOf || schema.binary) return [];
  const here: Breakage[] = [
    { path, value: wrongType(schema), what: `a value of the wrong type at ${path.join(".") || "the root"}` },
  ];
  if (schema.enum)
    here.push({ path, value: "not-a-documented-value", what: `an undocumented value at ${path.join(".")}` });
  if (schema.minimum !== undefined)
    here.push({ path, value: schema.minimum - 1, what: `a number below ${schema.minimum} at ${path.join(".")}` });
  if (schema.format === "uuid" || schema.pattern)
    here.push({
      path,
      value: "not valid!",
      what: `a value breaking the ${schema.format ?? "pattern"} at ${path.join(".")}`,
    });
  if (Array.isArray(value)) {
    if (schema.minItems) here.push({ path, value: [], what: `an empty list at ${path.join(".")}` });
    return [...here, ...value.flatMap((item, i) => breakagesOf(item, schema.items ?? {}, [...path, i]))];
  }
  if (value && typeof value === "object") {
    for (const name of schema.required ?? [])
      here.push({ path: [...path, name], value: undefined, what: `${[...path, name].join(".")} left out` });
    for (const [name, item] of Object.entries(value)) {
      const property = schema.properties?.[name];
      if (property) here.push(...breakagesOf(item, property, [...path, name]));
    }
  }
  return here;
}

/** `value` with `breakage` applied, the original untouched. */
export function broken<T>(value: T, breakage: Breakage): T {
  if (breakage.path.length === 0) return breakage.value as T;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of breakage.path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = breakage.path.at(-1)!;
  if (breakage.value === undefined) delete target[last];
  else target[last] = breakage.value;
  return copy as T;
}
