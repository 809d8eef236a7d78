// Every request body Microsoft shows or its SDKs send for an operation of the spec (vendored in
// tests/fixtures/wire-examples with their sources) is valid against the spec once its keys are
// matched to the spec's properties in any casing, its enum values to the spec's members as .NET
// reads them, and its nulls dropped, as ASP.NET binds them;
// and the client sends every one of them, in camelCase and without the read-only fields.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createPartnerCenterClient } from "../../src";
import { json, scriptedFetch } from "../helpers/scripted-fetch";
import { operations, resolve, schemaErrors } from "../helpers/spec";

const DIR = join(__dirname, "..", "fixtures", "wire-examples");
const manifest = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as {
  examples: { file: string; source: string; operation: string; part?: string }[];
  outOfScope: { file: string; reason: string }[];
};
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
type Json = Record<string, any>;

/** The schema's properties, `$ref`s and `allOf`s followed. */
function propertiesOf(schema: Json): Record<string, Json> {
  const s = resolve<Json>(schema);
  return Object.assign({}, ...(s.allOf ?? []).map(propertiesOf), s.properties ?? {});
}
function itemsOf(schema: Json): Json | undefined {
  const s = resolve<Json>(schema);
  return s.items ?? (s.allOf ?? []).map(itemsOf).find(Boolean);
}

/** How .NET's enum converter reads a member: any casing, with or without underscores. */
const memberKey = (text: string) => text.toLowerCase().replace(/_/g, "");

/**
 * An independent reading of ASP.NET binding: keys matched case-insensitively, enum members as
 * .NET reads them (`Annual` is `annual`), nulls dropped; returns keys that match nothing.
 */
function normalise(value: unknown, schema: Json, unknown: string[], path = ""): unknown {
  const members = resolve<Json>(schema).enum;
  if (typeof value === "string" && Array.isArray(members)) {
    return members.find((m) => typeof m === "string" && memberKey(m) === memberKey(value)) ?? value;
  }
  if (Array.isArray(value)) return value.map((v, i) => normalise(v, itemsOf(schema) ?? {}, unknown, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return value;
  const properties = propertiesOf(schema);
  const additional = resolve<Json>(schema).additionalProperties;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    const name = Object.keys(properties).find((p) => p.toLowerCase() === key.toLowerCase());
    if (name) out[name] = normalise(v, properties[name]!, unknown, `${path}.${name}`);
    else if (typeof additional === "object") out[key] = normalise(v, additional, unknown, `${path}.${key}`);
    else unknown.push(`${path}.${key}`);
  }
  return out;
}

const bodySchema = (operationId: string, part?: string): Json => {
  const op = operations().find((o) => o.operationId === operationId)!;
  const [media] = Object.values(resolve<Json>(op.operation.requestBody).content) as Json[];
  return part ? propertiesOf(media!.schema)[part]! : media!.schema;
};
const readOnlyKeys = (sent: Json, schema: Json): string[] =>
  Object.entries(propertiesOf(schema)).flatMap(([name, p]) => (p.readOnly && name in sent ? [name] : []));

const examples = manifest.examples.map((e) => [`${e.file} (${e.operation})`, e] as const);
const outcomes: Record<string, "sent" | "refused"> = {};

describe("the docs' and the SDKs' request bodies", () => {
  it("are every request body of the reference material", () => {
    const listed = [...manifest.examples.map((e) => e.file), ...manifest.outOfScope.map((e) => e.file)].sort();
    const files = require("node:fs")
      .readdirSync(DIR)
      .filter((f: string) => f !== "manifest.json")
      .sort();
    expect(listed).toEqual(files);
  });

  it.each(examples)("%s validates against the spec once keys are matched and nulls dropped", (_title, example) => {
    const schema = bodySchema(example.operation, example.part);
    const unknown: string[] = [];
    const value = normalise(JSON.parse(readFileSync(join(DIR, example.file), "utf8")), schema, unknown);
    expect(unknown).toEqual([]);
    expect(schemaErrors(schema, value)).toEqual([]);
  });

  it.each(examples)("%s is sent by the client, in camelCase and without read-only fields", async (_title, example) => {
    const body = JSON.parse(readFileSync(join(DIR, example.file), "utf8"));
    const answer =
      example.operation === "createOrderAttachments" ? { totalCount: 0, items: [] } : { id: "o", lineItems: [] };
    const script = scriptedFetch(json(example.operation.startsWith("update") ? 200 : 201, answer));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: "https://pc.test/v1", fetch: script.fetch });
    const id = (key: string) => Object.entries(body).find(([k]) => k.toLowerCase() === key)?.[1];
    const orderId = typeof body.id === "string" ? body.id : "YxH1q4KScfvfkJQjgRI8QY1DznnUWZTH1";
    const cartId = (id("id") as string | undefined) ?? "66e3591e-faad-445c-b930-4ccdbf54c43f";
    const calls: Record<string, () => Promise<unknown>> = {
      createOrder: () => pc.orders.create(CUSTOMER, body),
      updateOrder: () => pc.orders.update(CUSTOMER, orderId, body),
      createOrderAttachments: () =>
        pc.orders.createOrderAttachments(CUSTOMER, orderId, { metadata: body, poFiles: [new Blob(["%PDF"])] }),
      createCart: () => pc.carts.create(CUSTOMER, body),
      updateCart: () => pc.carts.update(CUSTOMER, cartId, body),
    };
    const call = calls[example.operation]!();
    await call.then(
      () => (outcomes[example.file] = "sent"),
      (error: unknown) => {
        outcomes[example.file] = "refused";
        throw error;
      },
    );
    expect(script.sent).toHaveLength(1);
    const schema = bodySchema(example.operation, example.part);
    const sent = example.part
      ? JSON.parse(/name="Metadata"[^]*?\r\n\r\n(\{.*\})\r\n/.exec(script.sent[0]!.body)![1]!)
      : JSON.parse(script.sent[0]!.body);
    expect(schemaErrors(schema, sent)).toEqual([]);
    expect(readOnlyKeys(sent, schema)).toEqual([]);
    // A map's keys are data and keep their case (provisioningContext's `SubscriptionId`).
    const shape = JSON.stringify(sent, (key, value) => (key === "provisioningContext" ? {} : value));
    expect(shape).not.toMatch(/"[A-Z][A-Za-z]*":|null/);
  });

  afterAll(() => {
    const sent = Object.values(outcomes).filter((o) => o === "sent").length;
    process.stdout.write(
      `\nwire examples: ${sent} sent, ${Object.keys(outcomes).length - sent} refused, ${manifest.outOfScope.length} out of scope\n`,
    );
  });
});
