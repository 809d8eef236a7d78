// The mock takes the uploads Prism 5.14.2 cannot (scripts/prism-guard.cjs): a file part without
// its own Content-Type no longer kills it, a valid upload (the client's, and the spec's own
// example) is answered 201 with the spec's example, an invalid one the documented 400; and the
// mock serves every other call afterwards.
import { createPartnerCenterClient } from "../../src";
import { CUSTOMER } from "../helpers/scripted-fetch";
import { schemaErrors } from "../helpers/spec";

const BOUNDARY = "----guard";
const METADATA = JSON.stringify({ customerPrice: "156.87", currency: "CAD" });
const upload = (...parts: string[]) =>
  `${parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join("")}--${BOUNDARY}--\r\n`;
const metadataPart = `Content-Disposition: form-data; name="Metadata"\r\nContent-Type: application/json\r\n\r\n${METADATA}`;
const post = (body: string) =>
  fetch(`${process.env.PRISM_URL}/customers/${CUSTOMER}/orders/o1/attachment`, {
    method: "POST",
    headers: { Authorization: "Bearer x", "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
  });
const UPLOADED = { $ref: "#/components/schemas/OrderAttachmentCollection" };

describe("the mock's multipart guard", () => {
  it("answers a file part without its own Content-Type, and the mock still serves afterwards", async () => {
    const answer = await post(
      upload(metadataPart, `Content-Disposition: form-data; name="POFiles"; filename="po.pdf"\r\n\r\n%PDF-1.4`),
    );
    expect(answer.status).toBe(201);
    expect(schemaErrors(UPLOADED, await answer.json())).toEqual([]);
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: process.env.PRISM_URL!, maxRetries: 0 });
    await expect(pc.orders.get(CUSTOMER, "o1")).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("takes the client's valid upload, as the service would", async () => {
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: process.env.PRISM_URL!, maxRetries: 0 });
    const uploaded = await pc.orders.createOrderAttachments(CUSTOMER, "o1", {
      metadata: {
        customerPrice: "156.87",
        currency: "CAD",
        isPartOfTender: true,
        tenderLink: "https://onedrive.com/x",
      },
      poFiles: [new Blob(["%PDF-1.4"], { type: "application/pdf" })],
    });
    expect(schemaErrors(UPLOADED, uploaded)).toEqual([]);
  });

  it.each([
    [
      "no Metadata part",
      upload(
        `Content-Disposition: form-data; name="POFiles"; filename="po.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF`,
      ),
    ],
    [
      "a file part without a filename, which is no file",
      upload(
        metadataPart,
        `Content-Disposition: form-data; name="POFiles"\r\nContent-Type: application/pdf\r\n\r\n%PDF`,
      ),
    ],
    [
      "Metadata that is not JSON",
      upload(
        `Content-Disposition: form-data; name="Metadata"\r\n\r\n{not json`,
        `Content-Disposition: form-data; name="POFiles"; filename="a.pdf"\r\n\r\n%PDF`,
      ),
    ],
    ["a body that is not multipart at all", "garbage"],
  ])("answers %s with the documented 400", async (_what, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(schemaErrors({ $ref: "#/components/schemas/ErrorResponse" }, await answer.json())).toEqual([]);
  });
});
