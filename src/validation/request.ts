// Checks a request against the spec's rules for its operation before anything is sent.
import { operations, parameters, schemas } from "../../generated/request-rules";
import type { ValidationProblem } from "../errors";
import { checkSchema, type RuleSchema } from "./schema";

export type OperationId = keyof typeof operations;

export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

const SCHEMAS: Readonly<Record<string, RuleSchema>> = schemas;
type ParameterRule = { in: string; name: string; required: boolean; schema: RuleSchema };
const PARAMETERS: Readonly<Record<string, ParameterRule>> = parameters;

// Header values are Latin-1 text without control characters (RFC 9110 field-value); a CR or LF
// would also let a value smuggle in another header.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function headerValueProblems(name: string, value: string, path = `header.${name}`): ValidationProblem[] {
  return HEADER_VALUE.test(value) ? [] : [{ path, message: "must not contain CR, LF or other control characters" }];
}

/** Problems with a value for the request header `name`, by the spec's rule for it if it has one. */
export function headerParameterProblems(name: string, value: unknown, path: string): ValidationProblem[] {
  if (typeof value !== "string") return [{ path, message: `must be a string, got ${typeof value}` }];
  const problems = headerValueProblems(name, value, path);
  const lower = name.toLowerCase();
  const rule = Object.values(PARAMETERS).find((p) => p.in === "header" && p.name.toLowerCase() === lower);
  if (rule) checkSchema(value, rule.schema, path, SCHEMAS, problems);
  return problems;
}

export function requestProblems(operationId: OperationId, parts: RequestParts): ValidationProblem[] {
  const rule = operations[operationId];
  const problems: ValidationProblem[] = [];
  const known = { path: new Set<string>(), query: new Set<string>(), header: new Set<string>() };
  for (const key of rule.parameters) {
    const parameter = PARAMETERS[key]!;
    const location = parameter.in as keyof typeof known;
    known[location]?.add(parameter.name);
    const value = parts[location]?.[parameter.name];
    const at = `${location}.${parameter.name}`;
    if (value === undefined) {
      if (parameter.required) problems.push({ path: at, message: "is required" });
      continue;
    }
    checkSchema(value, parameter.schema, at, SCHEMAS, problems);
    if (location === "header" && typeof value === "string") problems.push(...headerValueProblems(parameter.name, value, at));
  }
  for (const location of ["path", "query"] as const) {
    for (const name of Object.keys(parts[location] ?? {})) {
      if (!known[location].has(name) && parts[location]![name] !== undefined) {
        problems.push({ path: `${location}.${name}`, message: `is not a parameter of ${operationId}` });
      }
    }
  }
  if ("body" in rule) {
    if (parts.body === undefined) {
      if (rule.body.required) problems.push({ path: "body", message: "is required" });
    } else {
      checkSchema(parts.body, rule.body.schema as RuleSchema, "body", SCHEMAS, problems);
    }
  }
  return problems;
}
