// Binds a request value as Partner Center's ASP.NET binder does, checking it against the spec's
// rules (generated/request-rules.ts) on the way. Keys match the spec's properties
// case-insensitively and come out in its camelCase (a map's keys are data and keep theirs); `null`
// means "not set"; read-only fields, which the service ignores, are dropped; enum values match
// case-insensitively, with or without underscores, and come out in the spec's first spelling. What
// it returns is what the client sends; every way the value breaks a rule is reported, and a key
// that matches nothing is refused as the typo it almost certainly is, with the closest name.
import type { ValidationProblem } from "../errors";
import { closest } from "./suggest";

export interface RuleSchema {
  $ref?: string;
  type?: string | readonly string[];
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
  oneOf?: readonly RuleSchema[];
  /** Set by the service: dropped from a request, never checked. */
  readOnly?: boolean;
  /** Raw bytes (a file part of a multipart body): a Blob, or a string. */
  binary?: boolean;
}

export interface BindContext {
  /** The named schemas `$ref`s point to. */
  schemas: Readonly<Record<string, RuleSchema>>;
  problems: ValidationProblem[];
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

function typeMatches(expected: string | readonly string[], value: unknown): boolean {
  const actual = typeOf(value);
  const accepts = (t: string) => t === actual || (t === "number" && actual === "integer");
  return typeof expected === "string" ? accepts(expected) : expected.some(accepts);
}

const article = (type: string) => (type === "integer" || type === "object" || type === "array" ? `an ${type}` : `a ${type}`);
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

// Compiled once per rule schema: the rules are constants, so these caches stay small.
const patterns = new Map<string, RegExp>();
const patternOf = (source: string) => {
  let regex = patterns.get(source);
  if (!regex) patterns.set(source, (regex = new RegExp(source, "u")));
  return regex;
};

/** The property names of an object schema, by lower-cased name. */
const propertyIndexes = new WeakMap<object, Map<string, string>>();
function propertyIndex(properties: Readonly<Record<string, RuleSchema>>): Map<string, string> {
  let index = propertyIndexes.get(properties);
  if (!index) {
    index = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
    propertyIndexes.set(properties, index);
  }
  return index;
}

/** How .NET's enum converter compares a value with a member: any casing, underscores ignored. */
export const enumKey = (value: string) => value.toLowerCase().replace(/_/g, "");
const enumIndexes = new WeakMap<object, Map<string, unknown>>();
function enumIndex(members: readonly unknown[]): Map<string, unknown> {
  let index = enumIndexes.get(members);
  if (!index) {
    index = new Map();
    for (const member of members) {
      if (typeof member === "string" && !index.has(enumKey(member))) index.set(enumKey(member), member);
    }
    enumIndexes.set(members, index);
  }
  return index;
}

/** A value stored as an own property, even for a key such as `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function unknownKeyMessage(key: string, index: Map<string, string>): string {
  const guess = closest(key, index.values());
  return `is not a known property, so the service would ignore it${guess ? `; did you mean ${guess}?` : ""}`;
}

/** The key `object` first set `name` under (in any casing), other than `key`. */
function firstKeyFor(object: Record<string, unknown>, name: string, key: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((k) => k !== key && k.toLowerCase() === lower && object[k] != null);
}

function bindObject(object: Record<string, unknown>, schema: RuleSchema, path: string, ctx: BindContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = schema.properties;
  const index = properties ? propertyIndex(properties) : undefined;
  // Read-only properties are not copied to `out`, so whether one was given is kept apart (rarely needed).
  let readOnlyGiven: Set<string> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value === null || value === undefined) continue;
    // Most keys are spelt as the spec spells them; only the others are lower-cased to match.
    const name = properties && Object.hasOwn(properties, key) ? key : index?.get(key.toLowerCase());
    if (name !== undefined) {
      const property = properties![name]!;
      if (Object.hasOwn(out, name) || readOnlyGiven?.has(name)) {
        ctx.problems.push({ path: `${path}.${key}`, message: `sets ${name} again, already set as ${firstKeyFor(object, name, key)}: send it once` });
      } else if (property.readOnly) {
        (readOnlyGiven ??= new Set()).add(name);
      } else {
        out[name] = bindValue(value, property, `${path}.${name}`, ctx);
      }
    } else if (typeof schema.additionalProperties === "object") {
      setOwn(out, key, bindValue(value, schema.additionalProperties, `${path}.${key}`, ctx));
    } else if (index || schema.additionalProperties === false) {
      ctx.problems.push({ path: `${path}.${key}`, message: unknownKeyMessage(key, index ?? new Map()) });
    } else {
      setOwn(out, key, value);
    }
  }
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(out, name) && !readOnlyGiven?.has(name)) ctx.problems.push({ path: `${path}.${name}`, message: "is required" });
  }
  return out;
}

/** Records a problem at `path` and gives back the value as it came; not a closure made for every value bound. */
function fail(ctx: BindContext, path: string, value: unknown, message: string): unknown {
  ctx.problems.push({ path, message });
  return value;
}

/**
 * The value bound by `schema`: what the client sends. Appends to `ctx.problems` every way it
 * breaks the schema (the returned value is then only for reporting). `$ref`s name entries of
 * `ctx.schemas`.
 */
export function bindValue(value: unknown, schema: RuleSchema, path: string, ctx: BindContext): unknown {
  if (schema.$ref) return bindValue(value, ctx.schemas[schema.$ref] ?? {}, path, ctx);
  if (schema.binary) return value instanceof Blob || typeof value === "string" ? value : fail(ctx, path, value, "must be a Blob or File");
  if (schema.oneOf) {
    const bound = schema.oneOf.flatMap((alternative) => {
      const trial: BindContext = { schemas: ctx.schemas, problems: [] };
      const result = bindValue(value, alternative, path, trial);
      return trial.problems.length ? [] : [result];
    });
    return bound.length === 1 ? bound[0] : fail(ctx, path, value, "must match exactly one allowed shape");
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    const expected = typeof schema.type === "string" ? [schema.type] : schema.type;
    return fail(ctx, path, value, `must be ${expected.map(article).join(" or ")}, got ${show(value)}`);
  }
  if (schema.enum) {
    const member = typeof value === "string" ? enumIndex(schema.enum).get(enumKey(value)) : schema.enum.find((m) => m === value);
    if (member === undefined) {
      const spellings = [...enumIndex(schema.enum).values()] as string[];
      const guess = typeof value === "string" ? closest(value, spellings) : undefined;
      return fail(ctx, path, value, `must be one of ${spellings.map(show).join(", ")} (in any casing), got ${show(value)}${guess ? `; did you mean ${guess}?` : ""}`);
    }
    return member;
  }
  if (schema.const !== undefined && value !== schema.const) return fail(ctx, path, value, `must be ${show(schema.const)}`);
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) fail(ctx, path, value, `must be at least ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(ctx, path, value, `must be at most ${schema.maximum}, got ${value}`);
    if (schema.format === "int32" && Math.abs(value) > INT32_MAX) fail(ctx, path, value, `must fit in 32 bits, got ${value}`);
    return value;
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      fail(ctx, path, value, schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`);
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(ctx, path, value, `must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(value)) fail(ctx, path, value, `must match ${schema.pattern}, got ${show(value)}`);
    const format = schema.format && FORMATS[schema.format];
    if (format && !format(value)) fail(ctx, path, value, `must be a ${schema.format}, got ${show(value)}`);
    return value;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail(ctx, path, value, `must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(ctx, path, value, `must have at most ${schema.maxItems} items, got ${value.length}`);
    const items = schema.items;
    return items ? value.map((item, i) => bindValue(item, items, `${path}[${i}]`, ctx)) : value;
  }
  if (typeOf(value) === "object" && (schema.properties || schema.additionalProperties !== undefined)) {
    return bindObject(value as Record<string, unknown>, schema, path, ctx);
  }
  return value;
}
