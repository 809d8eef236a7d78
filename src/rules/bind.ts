// Binds a request value as Partner Center's ASP.NET binder does, checking it against the spec's
// rules (generated/request-rules.ts) on the way. Keys match the spec's properties
// case-insensitively and come out in its camelCase (a map's keys are data and keep theirs); `null`
// means "not set"; read-only fields, which the service ignores, are dropped; enum values match
// case-insensitively, with or without underscores, and come out in the spec's first spelling. What
// it returns is what the client sends; every way the value breaks a rule is reported, and a key
// that matches nothing is refused as the typo it almost certainly is, with the closest name.
import type { ValidationProblem } from "../errors";
import { printable } from "../internal/printable";
import type { RuleSchema } from "./rule-types";
import { closest } from "./suggest";

export interface BindContext {
  problems: ValidationProblem[];
  /**
   * Bind as the service does (the fake): an unknown key is ignored, never a problem (D23). The
   * client, without it, refuses one as a likely typo before sending.
   */
  lenient?: boolean;
}

/** An enum's `unknown` (the .NET SDK's default member) means unset, as null does (rule 1). */
export function isUnknownMember(value: unknown, schema: RuleSchema): boolean {
  if (typeof value !== "string" || value.length !== 7 || value.toLowerCase() !== "unknown") return false;
  const resolved = schema.ref ? schema.ref() : schema;
  return resolved?.enum?.includes("unknown") === true;
}

const INT32_MAX = 2 ** 31 - 1;
const FORMATS: Record<string, (value: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  "date-time": (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(v) && !Number.isNaN(Date.parse(v)),
  uri: (v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v),
};

/**
 * The JSON type a value would be sent as, or, for what JSON cannot carry faithfully, what it is:
 * `NaN` would go as null, a Map as `{}`, a BigInt not at all.
 */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number")
    return Number.isInteger(value) ? "integer" : Number.isFinite(value) ? "number" : String(value);
  if (typeof value === "object" && !isPlainObject(value)) return Object.prototype.toString.call(value).slice(8, -1);
  return typeof value;
}

/** An object JSON sends as its own keys: a literal, a null-prototype object or a class instance, not a Map, Date or Blob. */
function isPlainObject(value: object): boolean {
  return Object.prototype.toString.call(value) === "[object Object]";
}

/** The deepest a free-form value (a map's values, say) may nest; no documented body nests past a few levels. */
export const MAX_DEPTH = 32;

// A UTF-16 surrogate without its pair cannot be encoded as UTF-8, so it cannot be sent as written.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** String.prototype.isWellFormed (V8 11.3, Node 20): native, far cheaper than the pattern, which only older runtimes use. */
const wellFormed: (value: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === "function"
    ? (value) => (value as string & { isWellFormed(): boolean }).isWellFormed()
    : (value) => !LONE_SURROGATE.test(value);

function stringProblem(value: string): string | undefined {
  if (wellFormed(value)) return undefined;
  return `has a lone UTF-16 surrogate at character ${value.search(LONE_SURROGATE) + 1}, which cannot be sent as UTF-8`;
}

/** Holes in an array, which JSON would send as null, as a problem: how many and where the first is. */
function holesProblem(array: readonly unknown[]): string | undefined {
  let holes = 0;
  let first = -1;
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) {
      holes++;
      if (first === -1) first = i;
    }
  }
  return holes
    ? `has ${holes} empty slot${holes === 1 ? "" : "s"} (the first at index ${first}), which would be sent as null`
    : undefined;
}

/**
 * Problems with a value the spec does not describe, sent as the caller gave it: it must be what
 * JSON carries faithfully, without cycles and at most MAX_DEPTH deep. Walked without recursion.
 */
function freeFormProblem(root: unknown): string | undefined {
  const stack: { value: unknown; depth: number; done?: boolean }[] = [{ value: root, depth: 0 }];
  const open = new Set<object>();
  while (stack.length) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (entry.done) {
      open.delete(value as object);
      continue;
    }
    const type = typeOf(value);
    if (type === "string") {
      const problem = stringProblem(value as string);
      if (problem) return problem;
    } else if (type === "array" || type === "object") {
      if (open.has(value as object)) return "refers to itself, which JSON cannot send";
      if (depth >= MAX_DEPTH) return `nests deeper than ${MAX_DEPTH} levels`;
      if (type === "array") {
        const problem = holesProblem(value as unknown[]);
        if (problem) return problem;
      }
      open.add(value as object);
      stack.push({ value, depth, done: true });
      for (const key of Object.keys(value as object))
        stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    } else if (!["null", "boolean", "integer", "number", "undefined"].includes(type)) {
      return `holds ${article(type)}, which JSON cannot send as it is`;
    }
  }
  return undefined;
}

function typeMatches(expected: string | readonly string[], value: unknown): boolean {
  const actual = typeOf(value);
  const accepts = (t: string) => t === actual || (t === "number" && actual === "integer");
  return typeof expected === "string" ? accepts(expected) : expected.some(accepts);
}

const article = (type: string) => (/^[aeiou]/i.test(type) ? `an ${type}` : `a ${type}`);

/** A caller's value, quoted in a message: never whole when long, never stringified when it is a structure. */
function show(value: unknown): string {
  if (typeof value === "string")
    return (
      JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value) +
      (value.length > 100 ? ` (${value.length} characters)` : "")
    );
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value)
    ? `an array of ${value.length} item${value.length === 1 ? "" : "s"}`
    : article(typeOf(value));
}

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

/** A caller's key as it appears in a problem's path: cut when long, control characters escaped. */
export const keyInPath = (key: string) => printable(key, 100);

function unknownKeyMessage(key: string, index: Map<string, string>): string {
  const guess = closest(key, index.values());
  return `is not a known property, so the service would ignore it${guess ? `; did you mean ${guess}?` : ""}`;
}

/** The key `object` first set `name` under (in any casing), other than `key`. */
function firstKeyFor(object: Record<string, unknown>, name: string, key: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((k) => k !== key && k.toLowerCase() === lower && object[k] != null);
}

function bindObject(
  object: Record<string, unknown>,
  schema: RuleSchema,
  path: string,
  ctx: BindContext,
): Record<string, unknown> {
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
      if (isUnknownMember(value, property)) continue;
      if (Object.hasOwn(out, name) || readOnlyGiven?.has(name)) {
        ctx.problems.push({
          path: `${path}.${keyInPath(key)}`,
          message: `sets ${name} again, already set as ${keyInPath(firstKeyFor(object, name, key) ?? "")}: send it once`,
        });
      } else if (property.readOnly) {
        (readOnlyGiven ??= new Set()).add(name);
      } else {
        out[name] = bindValue(value, property, `${path}.${name}`, ctx);
      }
    } else if (typeof schema.additionalProperties === "object") {
      setOwn(out, key, bindValue(value, schema.additionalProperties, `${path}.${keyInPath(key)}`, ctx));
    } else if (ctx.lenient && (index || schema.additionalProperties === false)) {
      // The service ignores it (D23).
    } else if (index || schema.additionalProperties === false) {
      ctx.problems.push({
        path: `${path}.${keyInPath(key)}`,
        message: unknownKeyMessage(key, index ?? new Map<string, string>()),
      });
    } else {
      setOwn(out, key, freeForm(value, `${path}.${keyInPath(key)}`, ctx));
    }
  }
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(out, name) && !readOnlyGiven?.has(name))
      ctx.problems.push({ path: `${path}.${name}`, message: "is required" });
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
 * breaks the schema (the returned value is then only for reporting).
 */
export function bindValue(value: unknown, schema: RuleSchema, path: string, ctx: BindContext): unknown {
  if (schema.ref) return bindValue(value, schema.ref(), path, ctx);
  if (schema.binary)
    return value instanceof Blob || typeof value === "string"
      ? value
      : fail(ctx, path, value, "must be a Blob or File");
  if (schema.oneOf) {
    const bound = schema.oneOf.flatMap((alternative) => {
      const trial: BindContext = { problems: [], lenient: ctx.lenient };
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
    const member =
      typeof value === "string" ? enumIndex(schema.enum).get(enumKey(value)) : schema.enum.find((m) => m === value);
    if (member === undefined) {
      const spellings = [...enumIndex(schema.enum).values()] as string[];
      const guess = typeof value === "string" ? closest(value, spellings) : undefined;
      return fail(
        ctx,
        path,
        value,
        `must be one of ${spellings.map(show).join(", ")} (in any casing), got ${show(value)}${guess ? `; did you mean ${guess}?` : ""}`,
      );
    }
    return member;
  }
  if (schema.const !== undefined && value !== schema.const)
    return fail(ctx, path, value, `must be ${show(schema.const)}`);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail(ctx, path, value, `must be a finite number, got ${value}`);
    if (schema.minimum !== undefined && value < schema.minimum)
      fail(ctx, path, value, `must be at least ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      fail(ctx, path, value, `must be at most ${schema.maximum}, got ${value}`);
    if (schema.format === "int32" && Math.abs(value) > INT32_MAX)
      fail(ctx, path, value, `must fit in 32 bits, got ${value}`);
    return value;
  }
  if (typeof value === "string") {
    const problem = stringProblem(value);
    if (problem) return fail(ctx, path, value, problem);
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      fail(
        ctx,
        path,
        value,
        schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`,
      );
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      fail(ctx, path, value, `must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(value))
      fail(ctx, path, value, `must match ${schema.pattern}, got ${show(value)}`);
    const format = schema.format && FORMATS[schema.format];
    if (format && !format(value)) fail(ctx, path, value, `must be a ${schema.format}, got ${show(value)}`);
    return value;
  }
  if (Array.isArray(value)) {
    const holes = holesProblem(value);
    if (holes) return fail(ctx, path, value, holes);
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail(ctx, path, value, `must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      fail(ctx, path, value, `must have at most ${schema.maxItems} items, got ${value.length}`);
    const items = schema.items;
    return items ? value.map((item, i) => bindValue(item, items, `${path}[${i}]`, ctx)) : freeForm(value, path, ctx);
  }
  if (typeOf(value) === "object" && (schema.properties || schema.additionalProperties !== undefined)) {
    return bindObject(value as Record<string, unknown>, schema, path, ctx);
  }
  return freeForm(value, path, ctx);
}

/** A value sent as given, once it is known JSON can carry it. */
function freeForm(value: unknown, path: string, ctx: BindContext): unknown {
  const problem = freeFormProblem(value);
  return problem ? fail(ctx, path, value, problem) : value;
}
