// The bundled spec as test data: every operation, response and named example, plus an Ajv
// (JSON Schema 2020-12) validator for any schema in it. Tests discover what to check from here,
// so a new operation, status or example is covered without editing them.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import spec from "../../generated/openapi.json";
import {
  namedExamplesOf,
  operationsOf,
  resolve as resolveIn,
  type NamedExample,
  type OperationInfo,
} from "../../scripts/spec-walk.mjs";

type Json = Record<string, any>;

export { spec };

export type { NamedExample, OperationInfo } from "../../scripts/spec-walk.mjs";

export const resolve = <T = Json>(node: Json): T => resolveIn<T>(spec, node);

/** `walk` run once: the spec does not change during a run, and 1,126 contract cases each walked it again. */
function once<T>(walk: () => T[]): () => readonly T[] {
  let result: readonly T[] | undefined;
  return () => (result ??= Object.freeze(walk()));
}

export const operations = once((): OperationInfo[] => operationsOf(spec));

export interface ResponseInfo extends OperationInfo {
  status: number;
  response: Json;
}

export const responses = once((): ResponseInfo[] =>
  operations().flatMap((op) =>
    Object.entries(op.operation.responses as Json).map(([status, response]) => ({
      ...op,
      status: Number(status),
      response: resolve(response),
    })),
  ),
);

/** The documented response for an answer to `method` on a concrete `path` with `status`, if any. */
export function documentedResponse(method: string, path: string, status: number): ResponseInfo | undefined {
  return responses().find(
    (r) =>
      r.method === method && r.status === status && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

export const namedExamples = once((): NamedExample[] => namedExamplesOf(spec));

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
