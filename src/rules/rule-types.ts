// The shape of the spec's request rules (generated/request-rules.ts): each schema, parameter and
// operation is an export of its own, and a reference to a schema is a function returning it, so
// that a bundle keeps only the rules of the operations it calls (and a schema may refer to itself).
import type { ValidationProblem } from "../errors";

export interface RuleSchema {
  /** The named schema this one stands for. */
  ref?: () => RuleSchema;
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

export interface ParameterRule {
  in: "path" | "query" | "header";
  name: string;
  required: boolean;
  schema: RuleSchema;
}

export interface OperationRule {
  operationId: string;
  method: string;
  path: string;
  parameters: readonly ParameterRule[];
  body?: { contentType: string; required: boolean; schema: RuleSchema };
  /** The success answer's media type, when it is not JSON (a file). */
  answer?: string;
  /** The success answer is a bare JSON array, not an object. */
  arrayAnswer?: boolean;
  /** The operation may answer 202 with no body, only headers (a Location to read). */
  acceptedWithoutBody?: boolean;
  /** Who may call it: the spec's x-credentials and x-roles. */
  credentials: { kinds: readonly ("app" | "app+user")[]; roles?: readonly string[] };
}

/** The request as the service binds it, which an operation's own check reads. */
export interface BoundRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  /** The body as it is sent: canonical keys, no nulls, no read-only fields. */
  body?: unknown;
  problems: ValidationProblem[];
}

/** An operation as the client calls it: its generated rule, and what it refuses beyond its schemas. */
export interface Operation {
  rule: OperationRule;
  check?: (request: BoundRequest) => ValidationProblem[];
}
