// validateResponse: does an answer (status, body, headers) match what the spec documents for the
// operation? An undeclared status is a problem, as are a missing required header, a media type the
// answer does not document, and every way a JSON body breaks its schema. The validators are Ajv's
// standalone code, generated from the bundled spec by npm run gen.
import type { ErrorObject } from "ajv";
import * as generated from "../../generated/response-validators.cjs";
import type { ValidationProblem } from "../errors";
import type { OperationName } from "../rules/operation-types";
import { printable } from "../internal/printable";
import { problemsOf } from "./problems";

export interface ContractResult {
  valid: boolean;
  problems: ValidationProblem[];
}

/** Headers as fetch gives them, or as a plain object (node:http's, a mock's). */
export type HeadersLike = Headers | Record<string, string | readonly string[] | undefined>;

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validatorOf = (name: string) => (generated as unknown as Record<string, Validate>)[name]!;

function headerReader(headers: HeadersLike): (name: string) => string | undefined {
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const lower = new Map(
    Object.entries(headers).map(([k, v]) => [
      k.toLowerCase(),
      Array.isArray(v) ? v.join(", ") : (v as string | undefined),
    ]),
  );
  return (name) => lower.get(name.toLowerCase());
}

const result = (problems: ValidationProblem[]): ContractResult => ({ valid: problems.length === 0, problems });

export function validateResponse(
  operationId: OperationName,
  status: number,
  body: unknown,
  headers?: HeadersLike,
): ContractResult {
  // Own keys only: "constructor" is no operation, though every object has one.
  const documented = Object.hasOwn(generated.answers, operationId) ? generated.answers[operationId] : undefined;
  if (!documented)
    return result([
      { path: "operationId", message: `${printable(String(operationId), 100)} is not an operation of the spec` },
    ]);
  const answer = Object.hasOwn(documented, String(status)) ? documented[String(status)] : undefined;
  if (!answer) {
    return result([
      {
        path: "status",
        message: `${status} is not a documented answer of ${operationId} (documented: ${Object.keys(documented).join(", ")})`,
      },
    ]);
  }
  const problems: ValidationProblem[] = [];
  const header = headers ? headerReader(headers) : undefined;
  if (header) {
    for (const [name, { required }] of Object.entries(answer.headers)) {
      if (required && header(name) === undefined)
        problems.push({ path: `headers.${name}`, message: `is required on a ${status} answer of ${operationId}` });
    }
  }
  const mediaType = header?.("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType && answer.mediaTypes.length && !answer.mediaTypes.includes(mediaType)) {
    problems.push({
      path: "headers.Content-Type",
      message: `must be one of ${answer.mediaTypes.join(", ")} for a ${status} answer, got ${mediaType}`,
    });
    return result(problems);
  }
  // A JSON body is checked against its schema; a gateway's HTML page or a file is not JSON.
  if (answer.validator && (mediaType === undefined || mediaType === "application/json")) {
    let value = body;
    if (typeof body === "string" && mediaType === "application/json") {
      try {
        value = JSON.parse(body);
      } catch {
        return result([...problems, { path: "body", message: "is not JSON, though the answer says application/json" }]);
      }
    }
    const validate = validatorOf(answer.validator);
    try {
      if (!validate(value)) problems.push(...problemsOf(validate.errors, "body"));
    } catch {
      // The validators recurse: a body nested past the stack's depth is refused, never thrown.
      problems.push({ path: "body", message: "nests too deep to check against the spec" });
    }
  }
  return result(problems);
}
