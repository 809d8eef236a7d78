// Every operation, every documented status, every named example of the bundled spec, called
// through the client. Prism serves each example on request (Prefer: code=..., example=...); the
// client's outcome is asserted and the answer validated against the spec with Ajv (2020-12).
// Nothing here names an operation: a new operation, status or example is covered as it lands.
import { createPartnerCenterClient, isPartnerCenterError, type OperationName } from "../../src";
import {
  contractCases,
  coverageTable,
  documentedPairs,
  operationById,
  requestFor,
  unmockableReason,
  type ContractCase,
} from "../helpers/contract";
import { json, scriptedFetch } from "../helpers/scripted-fetch";
import { responses, schemaErrors } from "../helpers/spec";

const covered = new Map<string, Map<number, string>>();
function mark(c: ContractCase, via: string) {
  const row = covered.get(c.operationId) ?? new Map<number, string>();
  const count = Number(row.get(c.status)?.split(" ")[0] ?? 0) + 1;
  row.set(c.status, `${count} ${via}`);
  covered.set(c.operationId, row);
}

interface Seen {
  status: number;
  violations: string | null;
  body: unknown;
}

/** A client whose every request asks Prism for one example, recording what Prism answered. */
function clientFor(c: ContractCase, fetch?: (r: string | Request, init?: RequestInit) => Promise<Response>) {
  const seen: Seen[] = [];
  const pc = createPartnerCenterClient({
    credential: "contract-token",
    baseUrl: fetch ? "https://pc.test/v1" : process.env.PRISM_URL!,
    maxRetries: 0,
    ...(fetch ? { fetch } : {}),
  });
  const isJson = (type: string | null) => /json/.test(type ?? "");
  pc.use({
    onRequest: ({ request }) => {
      request.headers.set("Prefer", c.example ? `code=${c.status}, example=${c.example}` : `code=${c.status}`);
      // An example in another media type (a gateway's HTML page) is asked for by that type.
      if (!isJson(c.mediaType) && c.status >= 300) request.headers.set("Accept", c.mediaType);
    },
    onResponse: async ({ response }) => {
      const text = await response.clone().text();
      const body = isJson(response.headers.get("content-type")) && text ? JSON.parse(text) : text || undefined;
      seen.push({ status: response.status, violations: response.headers.get("sl-violations"), body });
    },
  });
  return { pc, seen };
}

async function assertOutcome(c: ContractCase, run: () => Promise<unknown>, seen: Seen[]) {
  const outcome = await run().then(
    (data) => ({ data }),
    (error: unknown) => ({ error }),
  );
  expect(seen).toHaveLength(1);
  expect(seen[0]!.violations).toBeNull();
  expect(seen[0]!.status).toBe(c.status);
  expect(schemaErrors(c.schema, seen[0]!.body)).toEqual([]);
  if (c.status < 300) {
    const data = (outcome as { data?: unknown }).data;
    expect(data instanceof Blob ? { data: await data.text() } : outcome).toEqual({ data: c.value });
  } else if (typeof c.value === "string") {
    // Not an ApiFault: the client keeps the page itself for the caller to read.
    const error = (outcome as { error?: { description?: string } }).error;
    expect(error).toMatchObject({ status: c.status, body: c.value });
    expect(error?.description).toBeUndefined();
  } else {
    const error = (outcome as { error?: unknown }).error;
    expect(isPartnerCenterError(error)).toBe(true);
    const value = c.value as { code?: unknown; description?: string; message?: string };
    expect(error).toMatchObject({ status: c.status, ...(value.code !== undefined ? { code: value.code } : {}) });
    expect((error as { description?: string }).description).toBe(value.description ?? value.message);
  }
}

const cases = contractCases();
const mockable = cases.filter((c) => !unmockableReason(operationById(c.operationId)));
const scripted = cases.filter((c) => unmockableReason(operationById(c.operationId)));

// Five cases at a time (Jest's maxConcurrency): Prism answers one while the client reads another,
// 33 s down to 25 s for the suite here; each case asks for its own example, so none waits on another.
describe.each([...new Set(mockable.map((c) => c.operationId))])("%s against Prism", (operationId) => {
  it.concurrent.each(
    mockable.filter((c) => c.operationId === operationId).map((c) => [`${c.status} ${c.example}`, c] as const),
  )("answers %s as the spec says and the client reads it", async (_title, c) => {
    const { pc, seen } = clientFor(c);
    const request = requestFor(operationById(c.operationId));
    await assertOutcome(c, () => pc.call(c.operationId as OperationName, request as never), seen);
    mark(c, "prism");
  });
});

describe.each([...new Set(scripted.map((c) => c.operationId))])("%s against a scripted fetch", (operationId) => {
  it.each(scripted.filter((c) => c.operationId === operationId).map((c) => [`${c.status} ${c.example}`, c] as const))(
    "reads %s as the spec says",
    async (_title, c) => {
      const headers: Record<string, string> = c.status === 429 ? { "Retry-After": "57" } : {};
      const script = scriptedFetch(json(c.status, c.value, headers));
      const { pc, seen } = clientFor(c, script.fetch);
      const request = requestFor(operationById(c.operationId)) as { path: Record<string, unknown> };
      const body = { Metadata: { customerPrice: "156.87", currency: "CAD" }, POFiles: [new Blob(["%PDF"])] };
      await assertOutcome(c, () => pc.call(c.operationId as OperationName, { ...request, body } as never), seen);
      expect(script.sent[0]!.headers["content-type"]).toMatch(/^multipart\/form-data/);
      mark(c, "scripted");
    },
  );
});

// A documented answer without a body (updateSubscription's 202) has no example to name: Prism is
// asked for the status, and its documented headers must come, and the client read it from them.
const bodiless = responses().filter((r) => !r.response.content);
describe.each(bodiless.map((r) => [`${r.operationId} ${r.status}`, r] as const))("%s without a body", (_title, r) => {
  it("answers the status and its documented headers, and the client reads it as accepted", async () => {
    const c: ContractCase = {
      operationId: r.operationId,
      status: r.status,
      mediaType: "",
      example: "",
      value: undefined,
      schema: {},
    };
    let headers: Headers | undefined;
    const { pc, seen } = clientFor(c);
    pc.use({ onResponse: ({ response }) => void (headers = response.headers) });
    const request = requestFor(operationById(r.operationId));
    const answer = await pc.call(r.operationId as OperationName, request as never);
    expect(seen.map((s) => [s.status, s.violations])).toEqual([[r.status, null]]);
    for (const name of Object.keys(r.response.headers ?? {})) expect(headers?.get(name)).toEqual(expect.any(String));
    expect(answer).toEqual({ accepted: true, location: headers?.get("Location") ?? null });
    mark(c, "prism");
  });
});

describe("coverage", () => {
  it("exercised every documented (operation, status) pair", () => {
    const table = coverageTable(covered);
    const reasons = [
      ...new Set(scripted.map((c) => `${c.operationId}: ${unmockableReason(operationById(c.operationId))}`)),
    ];
    process.stdout.write(
      `\nContract coverage (examples exercised per operation x status)\n${table}\nscripted = ${reasons.join("; ")}\n\n`,
    );
    const missing = documentedPairs().filter((p) => !covered.get(p.operationId)?.has(p.status));
    expect(missing).toEqual([]);
    expect(covered.size).toBeGreaterThan(0);
  });

  it("finds a named example for every documented response with a body", () => {
    const withoutExample = documentedPairs().filter(
      (p) =>
        !cases.some((c) => c.operationId === p.operationId && c.status === p.status) &&
        !bodiless.some((r) => r.operationId === p.operationId && r.status === p.status),
    );
    expect(withoutExample).toEqual([]);
  });
});
