// Turns what arrived over HTTP into the parts of a request (path, query, headers, body), typed as
// the spec declares them, for the same binder the client uses. As ASP.NET does: query names and
// form part names match in any casing, `True` is a boolean, and a body whose media type the
// operation does not take is answered 415 before it is read.
import type { IncomingHttpHeaders } from "node:http";
import { operations } from "../../../generated/request-rules";
import type { RuleSchema } from "../../rules/rule-types";
import type { OperationId, RequestParts } from "../../rules/request";
import { errorAnswer, type Answer } from "./answers";

const resolve = (schema: RuleSchema | undefined): RuleSchema | undefined =>
  schema?.ref ? resolve(schema.ref()) : schema;
const JSON_TYPE = /^(application\/(.+\+)?json|text\/json)$/;

/** A query string value as the parameter's type: ASP.NET binds `True` and `true` alike. */
function typedQueryValue(raw: string, schema: RuleSchema): unknown {
  const type = resolve(schema)?.type;
  if (type === "boolean" && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
  if (type === "integer" && /^-?\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** The multipart body as an object: file parts as arrays of Blobs, JSON parts parsed. */
async function formBody(
  raw: Buffer,
  contentType: string,
  bodySchema: RuleSchema,
): Promise<{ body: Record<string, unknown> } | { answer: Answer }> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  } catch {
    return {
      answer: errorAnswer(400, 800002, "Invalid request input.", ["The multipart/form-data body could not be read."]),
    };
  }
  const properties = resolve(bodySchema)?.properties ?? {};
  const byName = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  // Part names, query names and header names are the request's data: null-prototype objects.
  const body = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of form) {
    const property = resolve(properties[byName.get(name.toLowerCase()) ?? ""]);
    if (property?.type === "array") {
      // A part without a filename is a form value, not a file: ASP.NET binds no IFormFile from it,
      // so a list of files it was meant for stays empty (and a required one is refused, 400).
      if (typeof value === "string") continue;
      const files = (body[name] as unknown[] | undefined) ?? [];
      files.push(value);
      body[name] = files;
    } else if (property?.type === "object") {
      try {
        body[name] = JSON.parse(typeof value === "string" ? value : await value.text());
      } catch {
        return { answer: errorAnswer(400, 800002, "Invalid request input.", [`The ${name} part is not JSON.`]) };
      }
    } else {
      body[name] = value;
    }
  }
  return { body };
}

export async function readRequest(
  operationId: OperationId,
  path: Record<string, unknown>,
  url: URL,
  headers: IncomingHttpHeaders,
  raw: Buffer,
): Promise<RequestParts | Answer> {
  const rule = operations[operationId];
  const { body: bodyRule } = rule;
  const query = Object.create(null) as Record<string, unknown>;
  const header = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of url.searchParams) query[name] = value;
  for (const parameter of rule.parameters) {
    if (parameter.in === "query") {
      const given = Object.keys(query).find((name) => name.toLowerCase() === parameter.name.toLowerCase());
      if (given !== undefined && typeof query[given] === "string")
        query[given] = typedQueryValue(query[given], parameter.schema);
    }
    const value = headers[parameter.name.toLowerCase()];
    if (parameter.in === "header" && typeof value === "string") header[parameter.name] = value;
  }
  if (!bodyRule || raw.length === 0) return { path, query, header };
  const contentType = headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (bodyRule.contentType === "multipart/form-data") {
    if (mediaType !== "multipart/form-data") return unsupported(mediaType, bodyRule.contentType);
    const form = await formBody(raw, contentType, bodyRule.schema);
    return "answer" in form ? form.answer : { path, query, header, body: form.body };
  }
  if (!JSON_TYPE.test(mediaType)) return unsupported(mediaType, "application/json");
  try {
    return { path, query, header, body: JSON.parse(raw.toString("utf8")) };
  } catch {
    return errorAnswer(400, 800002, "Invalid request input.", ["The body is not JSON."]);
  }
}

function unsupported(given: string, expected: string): Answer {
  return errorAnswer(415, 415, `Unsupported media type ${given || "(none)"}: this operation takes ${expected}.`);
}

export const isAnswer = (value: RequestParts | Answer): value is Answer => !("path" in value);
