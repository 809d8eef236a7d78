// The bundled spec as test data: every operation, response and named example, plus an Ajv
// (JSON Schema 2020-12) validator for any schema in it. Tests discover what to check from here,
// so a new operation, status or example is covered without editing them.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import spec from "../../generated/openapi.json";

type Json = Record<string, any>;

export { spec };

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export function resolve<T = Json>(node: Json): T {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((acc: Json, key: string) => acc[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec as Json);
  }
  return current as T;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  operation: Json;
}

export function operations(): OperationInfo[] {
  return Object.entries(spec.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      operationId: item[method].operationId as string,
      method: method.toUpperCase(),
      path,
      operation: item[method] as Json,
    })),
  );
}

export interface ResponseInfo extends OperationInfo {
  status: number;
  response: Json;
}

export function responses(): ResponseInfo[] {
  return operations().flatMap((op) =>
    Object.entries(op.operation.responses as Json).map(([status, response]) => ({
      ...op,
      status: Number(status),
      response: resolve(response),
    })),
  );
}

/** The documented response for an answer to `method` on a concrete `path` with `status`, if any. */
export function documentedResponse(method: string, path: string, status: number): ResponseInfo | undefined {
  return responses().find(
    (r) => r.method === method && r.status === status && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

export interface NamedExample {
  operationId: string;
  /** "request" for a request body example, else the response status. */
  where: "request" | number;
  mediaType: string;
  name: string;
  value: unknown;
  schema: Json;
}

function examplesOf(content: Json | undefined, base: Omit<NamedExample, "mediaType" | "name" | "value" | "schema">): NamedExample[] {
  return Object.entries(content ?? {}).flatMap(([mediaType, media]: [string, Json]) =>
    Object.entries((media.examples ?? {}) as Json).map(([name, example]) => ({
      ...base,
      mediaType,
      name,
      value: resolve(example).value,
      schema: media.schema,
    })),
  );
}

export function namedExamples(): NamedExample[] {
  return [
    ...operations().flatMap((op) =>
      examplesOf(resolve(op.operation.requestBody ?? {}).content, { operationId: op.operationId, where: "request" }),
    ),
    ...responses().flatMap((r) => examplesOf(r.response.content, { operationId: r.operationId, where: r.status })),
  ];
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec as Json, "openapi.json");
const cache = new Map<string, ValidateFunction>();

/** A validator for a schema object of the bundled spec (usually `{ $ref: "#/components/schemas/X" }`). */
export function validatorFor(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    const rebased = JSON.parse(key.replace(/"\$ref":"#/g, '"$ref":"openapi.json#'));
    validate = ajv.compile(rebased);
    cache.set(key, validate);
  }
  return validate;
}

/** Ajv's errors for `value` against `schema`, as readable lines; empty when valid. */
export function schemaErrors(schema: Json, value: unknown): string[] {
  const validate = validatorFor(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
