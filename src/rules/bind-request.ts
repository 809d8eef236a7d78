// Binds and checks a whole request (path, query, headers, body) against its operation's rule
// before anything is sent, given the rule itself, so that a bundle carries only the rules of the
// operations it calls. The fake Partner Center binds what it receives the same way (request.ts
// finds a rule by its operationId).
import type { ValidationProblem } from "../errors";
import { reasonOf } from "../internal/printable";
import { bindValue, isUnknownMember, keyInPath, type BindContext } from "./bind";
import type { BoundRequest, Operation, OperationRule, ParameterRule } from "./rule-types";

export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

// Header values are Latin-1 text without control characters (RFC 9110 field-value); a CR or LF
// would also let a value smuggle in another header.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function headerValueProblems(value: string, path: string): ValidationProblem[] {
  return HEADER_VALUE.test(value) ? [] : [{ path, message: "must not contain CR, LF or other control characters" }];
}

/** Problems with a value for a request header, by the spec's rule for it if it has one. */
export function headerParameterProblems(value: unknown, path: string, rule?: ParameterRule): ValidationProblem[] {
  if (typeof value !== "string") return [{ path, message: `must be a string, got ${typeof value}` }];
  const problems = headerValueProblems(value, path);
  if (rule) bindValue(value, rule.schema, path, { problems });
  return problems;
}

/** Whether a path segment is `.` or `..`, written plainly or percent-encoded, which URL normalisation removes. */
function isDotSegment(value: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(value);
}

/** The key of `record` that names `name`: exactly for path parameters, case-insensitively elsewhere (as HTTP and ASP.NET do). */
function keyFor(record: Record<string, unknown> | undefined, name: string, exact: boolean): string | undefined {
  if (!record) return undefined;
  if (Object.hasOwn(record, name)) return name;
  if (exact) return undefined;
  const lower = name.toLowerCase();
  return Object.keys(record).find((key) => key.toLowerCase() === lower);
}

/**
 * The request bound as the service would bind it. A part that throws when read (a getter, a
 * revoked Proxy) is a problem at that part, never an exception.
 */
export function bindOperation(rule: OperationRule, parts: RequestParts, how: { lenient?: boolean } = {}): BoundRequest {
  const problems: ValidationProblem[] = [];
  const reading = { part: "request" };
  try {
    return bindParts(rule, parts, problems, reading, how.lenient === true);
  } catch (error) {
    problems.push({ path: reading.part, message: `could not be read: ${reasonOf(error)}` });
    return { path: {}, query: {}, header: {}, problems };
  }
}

function bindParameter(
  parameter: ParameterRule,
  value: unknown,
  bound: BoundRequest,
  ctx: BindContext & { problems: ValidationProblem[] },
): void {
  const location = parameter.in;
  const at = `${location}.${parameter.name}`;
  const result = bindValue(value, parameter.schema, at, ctx);
  if (location === "path" && typeof result === "string" && isDotSegment(result)) {
    ctx.problems.push({
      path: at,
      message: `must not be ${JSON.stringify(result)}: URL normalisation would send the request to another resource`,
    });
  }
  if (location === "header") {
    if (typeof result === "string") ctx.problems.push(...headerValueProblems(result, at));
    bound.header[parameter.name] = String(result);
  } else {
    bound[location][parameter.name] = result;
  }
}

function bindParts(
  rule: OperationRule,
  parts: RequestParts,
  problems: ValidationProblem[],
  reading: { part: string },
  lenient: boolean,
): BoundRequest {
  const ctx: BindContext = { problems, lenient };
  const bound: BoundRequest = { path: {}, query: {}, header: {}, problems };
  const used = { path: new Set<string>(), query: new Set<string>(), header: new Set<string>() };
  for (const parameter of rule.parameters) {
    const location = parameter.in;
    reading.part = location;
    const given = keyFor(parts[location], parameter.name, location === "path");
    if (given !== undefined) used[location].add(given);
    const value = given === undefined ? undefined : parts[location]![given];
    if (value === undefined || value === null || isUnknownMember(value, parameter.schema)) {
      if (parameter.required) problems.push({ path: `${location}.${parameter.name}`, message: "is required" });
      continue;
    }
    bindParameter(parameter, value, bound, ctx);
  }
  for (const location of ["path", "query"] as const) {
    reading.part = location;
    for (const [name, value] of Object.entries(parts[location] ?? {})) {
      // The service ignores a query parameter it does not know (D23); the client refuses it as a typo.
      if (!used[location].has(name) && value !== undefined && !(lenient && location === "query")) {
        problems.push({ path: `${location}.${keyInPath(name)}`, message: `is not a parameter of ${rule.operationId}` });
      }
    }
  }
  if (rule.body) {
    reading.part = "body";
    if (parts.body === undefined || parts.body === null) {
      if (rule.body.required) problems.push({ path: "body", message: "is required" });
    } else {
      bound.body = bindValue(parts.body, rule.body.schema, "body", ctx);
    }
  }
  return bound;
}

/** Every way a bound request breaks the rules; an operation's own check says more than "is required" at the same place. */
export function operationProblems(operation: Operation, bound: BoundRequest): ValidationProblem[] {
  const specific = operation.check?.(bound) ?? [];
  const reported = new Set(specific.map((p) => p.path));
  return [...specific, ...bound.problems.filter((p) => !reported.has(p.path))];
}
