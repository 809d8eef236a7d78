// A small JSON Schema checker for the keywords generated/request-rules.ts keeps. The rules come
// from the spec, so the client rejects what Prism and the service would reject, before sending.
import type { ValidationProblem } from "../errors";

export interface RuleSchema {
  $ref?: string;
  type?: string;
  required?: readonly string[];
  properties?: Readonly<Record<string, RuleSchema>>;
  additionalProperties?: boolean | RuleSchema;
  items?: RuleSchema;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  oneOf?: readonly RuleSchema[];
  /** Raw bytes (a file part of a multipart body): a Blob, or a string. */
  binary?: boolean;
}

const INT32_MAX = 2 ** 31 - 1;
const FORMATS: Record<string, (value: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  "date-time": (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  uri: (v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v),
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === "number" && actual === "integer");
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

const patterns = new Map<string, RegExp>();
const patternOf = (source: string) => {
  let regex = patterns.get(source);
  if (!regex) patterns.set(source, (regex = new RegExp(source, "u")));
  return regex;
};

/** "did you mean lineItems?" for the PascalCase keys the docs' own examples use. */
function unknownPropertyMessage(key: string, known: Readonly<Record<string, RuleSchema>> | undefined): string {
  const camel = key.charAt(0).toLowerCase() + key.slice(1);
  return camel !== key && known?.[camel] ? `is not a known property; did you mean ${camel}?` : "is not a known property";
}

/** Appends to `problems` every way `value` breaks `schema`; `$ref`s name entries of `schemas`. */
export function checkSchema(
  value: unknown,
  schema: RuleSchema,
  path: string,
  schemas: Readonly<Record<string, RuleSchema>>,
  problems: ValidationProblem[],
): void {
  const fail = (message: string): void => {
    problems.push({ path, message });
  };
  if (schema.$ref) return checkSchema(value, schemas[schema.$ref] ?? {}, path, schemas, problems);
  if (schema.binary) {
    if (!(value instanceof Blob) && typeof value !== "string") fail("must be a Blob or File");
    return;
  }
  if (schema.oneOf) {
    const matches = schema.oneOf.filter((s) => {
      const inner: ValidationProblem[] = [];
      checkSchema(value, s, path, schemas, inner);
      return inner.length === 0;
    }).length;
    if (matches !== 1) fail("must match exactly one allowed shape");
    return;
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    return fail(`must be ${schema.type === "integer" ? "an integer" : `a ${schema.type}`}, got ${show(value)}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return fail(`must be one of ${schema.enum.map(show).join(", ")}, got ${show(value)}`);
  }
  if (schema.const !== undefined && value !== schema.const) return fail(`must be ${show(schema.const)}`);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be at least ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be at most ${schema.maximum}, got ${value}`);
    if (schema.format === "int32" && Math.abs(value) > INT32_MAX) fail(`must fit in 32 bits, got ${value}`);
  } else if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      fail(schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`);
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      fail(`must be at most ${schema.maxLength} characters long`);
    }
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(value)) {
      fail(`must match ${schema.pattern}, got ${show(value)}`);
    }
    const format = schema.format && FORMATS[schema.format];
    if (format && !format(value)) fail(`must be a ${schema.format}, got ${show(value)}`);
  } else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail(`must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      fail(`must have at most ${schema.maxItems} items, got ${value.length}`);
    }
    if (schema.items) value.forEach((item, i) => checkSchema(item, schema.items!, `${path}[${i}]`, schemas, problems));
  } else if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).filter((k) => object[k] !== undefined);
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
      fail(`must have at least ${schema.minProperties} propert${schema.minProperties === 1 ? "y" : "ies"}`);
    }
    for (const key of schema.required ?? []) {
      if (object[key] === undefined) problems.push({ path: `${path}.${key}`, message: "is required" });
    }
    for (const key of keys) {
      const property = schema.properties?.[key];
      const at = `${path}.${key}`;
      if (property) checkSchema(object[key], property, at, schemas, problems);
      else if (schema.additionalProperties === false) {
        problems.push({ path: at, message: unknownPropertyMessage(key, schema.properties) });
      }
      else if (typeof schema.additionalProperties === "object") {
        checkSchema(object[key], schema.additionalProperties, at, schemas, problems);
      }
    }
  }
}
