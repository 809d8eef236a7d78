// Contract cases discovered from the bundled spec: one per (operation, status, named example),
// with a well-formed request built from the spec's own parameter and request-body examples.
import { bindRequest, operationNamed, type OperationId } from "../../src/rules/request";
import { namedExamples, operations, resolve, responses, spec, type OperationInfo } from "./spec";

export interface ContractCase {
  operationId: string;
  status: number;
  mediaType: string;
  example: string;
  value: unknown;
  schema: Record<string, unknown>;
}

/** Why Prism cannot serve an operation, or undefined when it can. */
export function unmockableReason(op: OperationInfo): string | undefined {
  const content = resolve<any>(op.operation.requestBody ?? {}).content ?? {};
  if (content["multipart/form-data"]) return "Prism does not validate or mock multipart/form-data request bodies";
  return undefined;
}

export function contractCases(): ContractCase[] {
  return namedExamples()
    .filter((e) => e.where !== "request")
    .map((e) => ({
      operationId: e.operationId,
      status: e.where as number,
      mediaType: e.mediaType,
      example: e.name,
      value: e.value,
      schema: e.schema,
    }));
}

/** Every documented (operationId, status) pair. */
export function documentedPairs(): { operationId: string; status: number }[] {
  return responses().map((r) => ({ operationId: r.operationId, status: r.status }));
}

/**
 * A well-formed request for the operation: path parameters and required query parameters from their
 * examples, the first request example as body.
 */
export function requestFor(op: OperationInfo): {
  path: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
} {
  const item = (spec.paths as any)[op.path];
  const params = [...(item.parameters ?? []), ...(op.operation.parameters ?? [])].map((p: any) => resolve<any>(p));
  const example = (where: string, required: boolean) =>
    Object.fromEntries(
      params.filter((p) => p.in === where && (!required || p.required)).map((p) => [p.name, p.schema.example]),
    );
  const path = example("path", false);
  const query = example("query", true);
  // An operation whose own rule wants one of its optional parameters (mpnId or tenantId) gets the first.
  const bound = bindRequest(op.operationId as OperationId, { path, query });
  if (operationNamed(op.operationId as OperationId).check?.(bound).length) {
    const optional = params.find((p) => p.in === "query" && !p.required);
    if (optional) query[optional.name] = optional.schema.example;
  }
  const body = namedExamples().find((e) => e.operationId === op.operationId && e.where === "request")?.value as
    { id?: unknown } | undefined;
  // A body naming its resource names the one in the path too.
  for (const name of ["order_id", "cart_id"]) if (typeof body?.id === "string" && name in path) path[name] = body.id;
  return { path, ...(Object.keys(query).length ? { query } : {}), ...(body === undefined ? {} : { body }) };
}

export const operationById = (id: string) => operations().find((op) => op.operationId === id)!;

/** The coverage table, operation x status, with how each pair was exercised. */
export function coverageTable(rows: Map<string, Map<number, string>>): string {
  const statuses = [...new Set(documentedPairs().map((p) => p.status))].sort((a, b) => a - b);
  const header = ["operation", ...statuses.map(String)];
  const lines = operations().map((op) => [
    op.operationId,
    ...statuses.map((s) => rows.get(op.operationId)?.get(s) ?? (op.operation.responses[String(s)] ? "MISSING" : "-")),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [fmt(header), fmt(widths.map((w) => "-".repeat(w))), ...lines.map(fmt)].join("\n");
}
