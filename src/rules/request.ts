// Binds and checks a whole request (path, query, headers, body) against the spec's rules for its
// operation before anything is sent. The fake Partner Center binds what it receives the same way.
import { operations, parameters, schemas } from "../../generated/request-rules";
import type { ValidationProblem } from "../errors";
import { printable, reasonOf } from "../internal/printable";
import { bindValue, isUnknownMember, keyInPath, type BindContext, type RuleSchema } from "./bind";
import { sameOrderId } from "./ids";
import { lineItemNumberProblems } from "./line-items";

export type OperationId = keyof typeof operations;

export interface RequestParts {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

export interface BoundRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  /** The body as it is sent: canonical keys, no nulls, no read-only fields. */
  body?: unknown;
  problems: ValidationProblem[];
}

const SCHEMAS: Readonly<Record<string, RuleSchema>> = schemas;
type ParameterRule = { in: string; name: string; required: boolean; schema: RuleSchema };
const PARAMETERS: Readonly<Record<string, ParameterRule>> = parameters;
type ParameterLocation = "path" | "query" | "header";

// Header values are Latin-1 text without control characters (RFC 9110 field-value); a CR or LF
// would also let a value smuggle in another header.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function headerValueProblems(value: string, path: string): ValidationProblem[] {
  return HEADER_VALUE.test(value) ? [] : [{ path, message: "must not contain CR, LF or other control characters" }];
}

/** Problems with a value for the request header `name`, by the spec's rule for it if it has one. */
export function headerParameterProblems(name: string, value: unknown, path: string): ValidationProblem[] {
  if (typeof value !== "string") return [{ path, message: `must be a string, got ${typeof value}` }];
  const problems = headerValueProblems(value, path);
  const lower = name.toLowerCase();
  const rule = Object.values(PARAMETERS).find((p) => p.in === "header" && p.name.toLowerCase() === lower);
  if (rule) bindValue(value, rule.schema, path, { schemas: SCHEMAS, problems });
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

/** Whether `name` is an operation of the spec: an own key, so that `constructor` is not. */
export function isOperationId(name: unknown): name is OperationId {
  return typeof name === "string" && Object.hasOwn(operations, name);
}

/**
 * The request bound as the service would bind it. A part that throws when read (a getter, a
 * revoked Proxy) is a problem at that part, never an exception.
 */
export function bindRequest(
  operationId: OperationId,
  parts: RequestParts,
  how: { lenient?: boolean } = {},
): BoundRequest {
  const problems: ValidationProblem[] = [];
  const reading = { part: "request" };
  try {
    return bindParts(operationId, parts, problems, reading, how.lenient === true);
  } catch (error) {
    problems.push({ path: reading.part, message: `could not be read: ${reasonOf(error)}` });
    return { path: {}, query: {}, header: {}, problems };
  }
}

function bindParts(
  operationId: OperationId,
  parts: RequestParts,
  problems: ValidationProblem[],
  reading: { part: string },
  lenient: boolean,
): BoundRequest {
  const rule = operations[operationId];
  const ctx: BindContext = { schemas: SCHEMAS, problems, lenient };
  const bound: BoundRequest = { path: {}, query: {}, header: {}, problems };
  const used = { path: new Set<string>(), query: new Set<string>(), header: new Set<string>() };
  for (const key of rule.parameters) {
    const parameter = PARAMETERS[key]!;
    const location = parameter.in as ParameterLocation;
    reading.part = location;
    const given = keyFor(parts[location], parameter.name, location === "path");
    if (given !== undefined) used[location].add(given);
    const value = given === undefined ? undefined : parts[location]![given];
    const at = `${location}.${parameter.name}`;
    if (value === undefined || value === null || isUnknownMember(value, parameter.schema, SCHEMAS)) {
      if (parameter.required) problems.push({ path: at, message: "is required" });
      continue;
    }
    const result = bindValue(value, parameter.schema, at, ctx);
    if (location === "path" && typeof result === "string" && isDotSegment(result)) {
      problems.push({
        path: at,
        message: `must not be ${JSON.stringify(result)}: URL normalisation would send the request to another resource`,
      });
    }
    if (location === "header") {
      if (typeof result === "string") problems.push(...headerValueProblems(result, at));
      bound.header[parameter.name] = String(result);
    } else {
      bound[location][parameter.name] = result;
    }
  }
  for (const location of ["path", "query"] as const) {
    reading.part = location;
    for (const [name, value] of Object.entries(parts[location] ?? {})) {
      // The service ignores a query parameter it does not know (D23); the client refuses it as a typo.
      if (!used[location].has(name) && value !== undefined && !(lenient && location === "query")) {
        problems.push({ path: `${location}.${keyInPath(name)}`, message: `is not a parameter of ${operationId}` });
      }
    }
  }
  if ("body" in rule) {
    reading.part = "body";
    if (parts.body === undefined || parts.body === null) {
      if (rule.body.required) problems.push({ path: "body", message: "is required" });
    } else {
      bound.body = bindValue(parts.body, rule.body.schema, "body", ctx);
    }
  }
  return bound;
}

/** A rule refusing a body whose `id` names another resource than the path's `parameter` (GUIDs match in any casing). */
function bodyIdOfPath(parameter: string, noun: string, same: (a: string, b: string) => boolean) {
  return ({ body, path }: BoundRequest): ValidationProblem[] => {
    const id = (body as { id?: unknown } | undefined)?.id;
    const named = path[parameter];
    return typeof id === "string" && typeof named === "string" && !same(id, named)
      ? [{ path: "body.id", message: `must match the ${noun} id in the path (${printable(named, 100)})` }]
      : [];
  };
}

/** Additional resellers of record a cart line may name (create-a-cart, D47), as its additionalPartnerIdsOnRecord. */
const MAX_ADDITIONAL_RESELLERS = 5;

/** A bound cart's lines naming more additional transaction resellers than the service takes. */
function participantProblems({ body }: BoundRequest): ValidationProblem[] {
  const lines = (body as { lineItems?: unknown } | undefined)?.lineItems;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line: { participants?: unknown } | null, i) => {
    const participants = line?.participants;
    const count = Array.isArray(participants)
      ? participants.filter((p: { key?: unknown } | null) => p?.key === "additional_transaction_reseller").length
      : 0;
    return count > MAX_ADDITIONAL_RESELLERS
      ? [
          {
            path: `body.lineItems[${i}].participants`,
            message: `must name at most ${MAX_ADDITIONAL_RESELLERS} additional_transaction_reseller partners, got ${count}`,
          },
        ]
      : [];
  });
}

/** What an operation refuses beyond its schemas, checked on the bound request. */
const OPERATION_RULES: Partial<Record<OperationId, (request: BoundRequest) => ValidationProblem[]>> = {
  // Error 800071: line item numbers run 0..n-1, each once.
  createOrder: ({ body }) => {
    const items = (body as { lineItems?: unknown } | undefined)?.lineItems;
    return Array.isArray(items) ? lineItemNumberProblems(items) : [];
  },
  // A body naming another order or cart than the path is a slip; which one the service would change is undocumented.
  updateOrder: bodyIdOfPath("order_id", "order", sameOrderId),
  updateCart: (request) => [
    ...bodyIdOfPath("cart_id", "cart", (a, b) => a.toLowerCase() === b.toLowerCase())(request),
    ...participantProblems(request),
  ],
  createCart: participantProblems,
  // D33: the docs' table requires a tender link or tender files for a purchase order that is part of a tender.
  // The bound body has the spec's names, whatever casing the caller wrote.
  createOrderAttachments: ({ body }) => {
    const { Metadata: metadata, TenderFiles: files } = (body ?? {}) as {
      Metadata?: { isPartOfTender?: unknown; tenderLink?: unknown };
      TenderFiles?: unknown;
    };
    const attached = Array.isArray(files) ? files.length > 0 : files !== undefined;
    return metadata?.isPartOfTender === true && metadata.tenderLink === undefined && !attached
      ? [
          {
            path: "body.Metadata.tenderLink",
            message: "is required when isPartOfTender is true, unless tender files are attached (TenderFiles)",
          },
        ]
      : [];
  },
};

export function operationRuleProblems(operationId: OperationId, request: BoundRequest): ValidationProblem[] {
  // Own keys only: an operation id is the caller's data.
  return Object.hasOwn(OPERATION_RULES, operationId) ? (OPERATION_RULES[operationId]?.(request) ?? []) : [];
}

/** Every way a bound request breaks the rules; an operation's own rule says more than "is required" at the same place. */
export function requestProblems(operationId: OperationId, bound: BoundRequest): ValidationProblem[] {
  const specific = operationRuleProblems(operationId, bound);
  const reported = new Set(specific.map((p) => p.path));
  return [...specific, ...bound.problems.filter((p) => !reported.has(p.path))];
}
