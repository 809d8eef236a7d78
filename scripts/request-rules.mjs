// Turns the bundled spec into the compact request rules the client binds and checks before
// sending: each operation's method, path, parameters and body schema, keeping only the keywords
// src/rules/bind.ts implements, so the client ships a few kilobytes instead of the whole spec.
// A request schema that uses any other keyword (or a format the binder does not know) stops the
// build, naming the schema and the keyword: a spec change can never turn a check off unnoticed.

import { METHODS } from "./spec-walk.mjs";

/** Keywords the binder implements. `allOf` is implemented here, by merging its members. */
const IMPLEMENTED = [
  "type",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minItems",
  "maxItems",
  "oneOf",
  "readOnly",
];
/** Keywords that say nothing about which requests are valid. */
const ANNOTATIONS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "default",
  "deprecated",
  "$comment",
  "writeOnly",
]);
/** Formats the binder checks (src/rules/bind.ts FORMATS, plus int32 on numbers). */
const FORMATS = new Set(["uuid", "date-time", "uri", "int32"]);

const refName = (ref) => ref.slice(ref.lastIndexOf("/") + 1);

/** Marks a parameter of an operation, emitted as a reference to the parameter's export. */
const PARAMETER = Symbol("parameter");

export class UnsupportedKeywordError extends Error {}

function unsupported(where, keyword, detail = "") {
  return new UnsupportedKeywordError(
    `request schema ${where} uses \`${keyword}\`${detail}, which src/rules/bind.ts does not implement: ` +
      "implement it there (and in scripts/request-rules.mjs IMPLEMENTED), or change the spec",
  );
}

/** Merges two schemas that must both hold (allOf), or fails when the merge would lose a rule. */
function merge(a, b, where, resolveRef) {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const expand = ({ $ref, ...siblings }) => ({ ...resolveRef($ref), ...siblings });
  if (a.$ref) return merge(expand(a), b, where, resolveRef);
  if (b.$ref) return merge(a, expand(b), where, resolveRef);
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (!(key in out) || ANNOTATIONS.has(key)) {
      out[key] = value;
      continue;
    }
    const mine = out[key];
    if (key === "properties") {
      out.properties = { ...mine };
      for (const [name, schema] of Object.entries(value)) {
        out.properties[name] = name in mine ? merge(mine[name], schema, `${where}.${name}`, resolveRef) : schema;
      }
    } else if (key === "items") out.items = merge(mine, value, `${where}[]`, resolveRef);
    else if (key === "required") out.required = [...new Set([...mine, ...value])];
    else if (key === "readOnly") out.readOnly = mine || value;
    else if (["minimum", "minLength", "minItems"].includes(key)) out[key] = Math.max(mine, value);
    else if (["maximum", "maxLength", "maxItems"].includes(key)) out[key] = Math.min(mine, value);
    else if (JSON.stringify(mine) !== JSON.stringify(value))
      throw unsupported(where, `allOf`, ` with two different \`${key}\``);
  }
  return out;
}

/** The schema with allOf merged away, recursively, and only the binder's keywords kept. */
function compact(schema, where, resolveRef) {
  // The binder drops a read-only value unread (the service ignores it): nothing to check inside.
  if (schema.readOnly === true) return { readOnly: true };
  if (schema.$ref) {
    const { $ref, ...siblings } = schema;
    // OpenAPI 3.1 lets keywords sit beside $ref, and they hold as well: as an allOf.
    if (Object.keys(siblings).some((key) => !ANNOTATIONS.has(key)))
      return compact({ allOf: [{ $ref }], ...siblings }, where, resolveRef);
    return { $ref: refName($ref) };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return compact(
      [...allOf, rest].reduce((acc, s) => merge(acc, s, where, resolveRef), {}),
      where,
      resolveRef,
    );
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === "contentMediaType") {
      if (value !== "application/octet-stream") throw unsupported(where, key, ` (${value})`);
      out.binary = true;
    } else if (!IMPLEMENTED.includes(key)) {
      throw unsupported(where, key);
    } else if (key === "format" && !FORMATS.has(value)) {
      throw unsupported(where, "format", ` "${value}"`);
    } else if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, compact(v, `${where}.${k}`, resolveRef)]),
      );
    } else if (key === "items" || (key === "additionalProperties" && typeof value === "object")) {
      out[key] = compact(value, `${where}${key === "items" ? "[]" : ".*"}`, resolveRef);
    } else if (key === "oneOf") {
      out.oneOf = value.map((s, i) => compact(s, `${where}.oneOf[${i}]`, resolveRef));
    } else if (key === "enum") {
      // The binder matches members as .NET does (any casing, underscores ignored) and sends the
      // first spelling of each (src/rules/bind.ts enumKey), so the others need not ship.
      const key = (m) => (typeof m === "string" ? m.toLowerCase().replace(/_/g, "") : JSON.stringify(m));
      out.enum = value.filter((m, i) => value.findIndex((n) => key(n) === key(m)) === i);
    } else {
      out[key] = value;
    }
  }
  // A read-only property is never required of a request (the service sets it).
  if (out.required && out.properties) {
    out.required = out.required.filter((name) => !out.properties[name]?.readOnly);
    if (out.required.length === 0) delete out.required;
  }
  return out;
}

/** Names of the schemas a compacted schema refers to. */
function refsOf(schema, names = new Set()) {
  if (schema && typeof schema === "object") {
    if (typeof schema.$ref === "string") names.add(schema.$ref);
    for (const value of Object.values(schema)) refsOf(value, names);
  }
  return names;
}

export function buildRequestRules(spec) {
  const components = spec.components.schemas;
  const resolveRef = (ref) => components[refName(ref)];
  const parameters = {};
  const operations = {};
  const credentials = {};
  const roots = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
        const name = refName(p.$ref);
        const def = spec.components.parameters[name];
        parameters[name] = {
          in: def.in,
          name: def.name,
          required: def.required === true,
          schema: compact(def.schema, `parameter ${name}`, resolveRef),
        };
        roots.push(compact(def.schema, `parameter ${name}`, resolveRef));
        return { [PARAMETER]: name };
      });
      const rule = { method: method.toUpperCase(), path, parameters: params };
      const content = op.requestBody?.content ?? {};
      const [contentType] = Object.keys(content);
      if (contentType) {
        const schema = compact(content[contentType].schema, `${op.operationId} body`, resolveRef);
        rule.body = { contentType, required: op.requestBody.required === true, schema };
        roots.push(schema);
      }
      // An answer that is not JSON (a file) is read as bytes, and asked for by its media type.
      const success = Object.entries(op.responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
      const answerType = Object.keys(success?.content ?? {})[0];
      if (answerType && answerType !== "application/json") rule.answer = answerType;
      // A JSON answer that is a bare array (a customer's qualifications, an inventory check).
      const answerSchema = success?.content?.["application/json"]?.schema;
      const resolved = answerSchema?.$ref ? resolveRef(answerSchema.$ref) : answerSchema;
      if (resolved?.type === "array") rule.arrayAnswer = true;
      // A 202 without a body (updateSubscription's): what it answers is its headers.
      const accepted = op.responses["202"];
      if (accepted && !accepted.content) rule.acceptedWithoutBody = true;
      operations[op.operationId] = rule;
      // Who may call it (x-credentials, x-roles): for the fake and the contract command, not the client's bundle.
      if (!Array.isArray(op["x-credentials"]) || op["x-credentials"].length === 0) {
        throw new UnsupportedKeywordError(
          `${op.operationId} has no x-credentials: say which credential kinds the docs allow (app, app+user)`,
        );
      }
      credentials[op.operationId] = { kinds: op["x-credentials"], ...(op["x-roles"] ? { roles: op["x-roles"] } : {}) };
    }
  }
  const schemas = {};
  const pending = [...refsOf(roots)];
  while (pending.length) {
    const name = pending.pop();
    if (name in schemas) continue;
    schemas[name] = compact(components[name], name, resolveRef);
    pending.push(...refsOf(schemas[name]));
  }
  const names = (o) => Object.keys(o).sort();
  return [
    "// This file was generated by scripts/gen.mjs from spec/. Do not make direct changes to the file.",
    "// The request rules the client binds and checks before sending: each schema, parameter and operation an export of",
    "// its own (a reference to a schema is a function returning it), so that a bundle keeps only what it calls.",
    'import type { OperationRule, ParameterRule, RuleSchema } from "../src/rules/rule-types";',
    "",
    ...names(schemas).map((name) => `export const ${schemaId(name)}: RuleSchema = ${emit(schemas[name])};\n`),
    ...names(parameters).map(
      (name) => `export const ${parameterId(name)}: ParameterRule = ${emit(parameters[name])};\n`,
    ),
    ...names(operations).map(
      (id) =>
        `export const ${ruleId(id)}: OperationRule = ${emit({ operationId: id, ...operations[id], credentials: credentials[id] })};\n`,
    ),
    "/** Every schema by its name, for the fake and the contract kit (the client looks none up). */",
    `export const schemas = ${table(names(schemas), schemaId)};`,
    "",
    `export const parameters = ${table(names(parameters), parameterId)};`,
    "",
    `export const operations = ${table(names(operations), ruleId)};`,
    "",
  ].join("\n");
}

const identifier = (name) => name.replace(/[^A-Za-z0-9_$]/g, "_");
const schemaId = (name) => `schema${identifier(name)}`;
const parameterId = (name) => `parameter${identifier(name)}`;
const ruleId = (operationId) => `${identifier(operationId)}Rule`;
const table = (keys, id) => `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${id(k)},`).join("\n")}\n}`;

/** A compacted rule as TypeScript: a `$ref` becomes a function returning the schema, a parameter the parameter itself. */
function emit(value, indent = "") {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${emit(v, inner)}`).join(",\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    if (typeof value.$ref === "string") return `{ ref: () => ${schemaId(value.$ref)} }`;
    if (value[PARAMETER]) return parameterId(value[PARAMETER]);
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${emit(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
