// pc.prerequisites: refused before sending what the service documents as an error (both or
// neither of mpnId and tenantId, a date of agreement in the future, a qualification without what
// it requires), a confirmation's templateId read from the MCA's metadata when none is given, and
// bare-array answers read as arrays (and nothing else).
import { createPartnerCenterClient, isPartnerCenterValidationError } from "../../../src";
import { json, scriptedFetch } from "../../helpers/scripted-fetch";

const BASE = "https://pc.test/v1";
const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const CONTACT = { firstName: "Tania", lastName: "Carr", email: "someone@example.com" };
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("pc.prerequisites", () => {
  it.each([
    [
      "both an MPN id and a tenant id",
      { mpnId: "1234567", tenantId: CUSTOMER },
      /exactly one of mpnId and tenantId, got both/,
    ],
    ["neither", {}, /exactly one of mpnId and tenantId, got neither/],
    ["an MPN id that is not numeric", { mpnId: "12ab" }, /mpnId/],
  ])("getResellerAgreementStatus refuses %s before sending", async (_what, reseller, message) => {
    const script = scriptedFetch();
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const error = await refusal(pc.prerequisites.getResellerAgreementStatus(reseller as never));
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(message);
    expect(script.sent).toHaveLength(0);
  });

  it("getResellerAgreementStatus sends the program and one id as the docs do", async () => {
    const script = scriptedFetch(json(200, { isAgreementSigned: true }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    await expect(pc.prerequisites.getResellerAgreementStatus({ mpnId: 1234567 })).resolves.toEqual({
      isAgreementSigned: true,
    });
    expect(script.sent[0]!.url).toBe(`${BASE}/compliance/csp/agreementstatus?mpnId=1234567`);
  });

  it("createCustomerAgreement refuses a date of agreement in the future, naming it, before sending", async () => {
    const script = scriptedFetch();
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const tomorrow = new Date(Date.now() + 86_400_000);
    const error = await refusal(
      pc.prerequisites.createCustomerAgreement(CUSTOMER, {
        primaryContact: CONTACT,
        templateId: "x",
        dateAgreed: tomorrow,
      }),
    );
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(String((error as Error).message)).toContain(`must not be in the future, got ${tomorrow.toISOString()}`);
    expect(script.sent).toHaveLength(0);
  });

  it("createCustomerAgreement names the MCA's current template when none is given", async () => {
    const metadata = {
      totalCount: 2,
      items: [
        { templateId: "old", agreementType: "MicrosoftCustomerAgreement", versionRank: 0 },
        { templateId: "current", agreementType: "MicrosoftCustomerAgreement", versionRank: 1 },
      ],
    };
    const script = scriptedFetch(json(200, metadata), json(201, { templateId: "current" }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    await pc.prerequisites.createCustomerAgreement(CUSTOMER, {
      primaryContact: CONTACT,
      dateAgreed: "2024-01-02T00:00:00",
    });
    expect(script.sent[0]!.url).toBe(`${BASE}/agreements?agreementType=MicrosoftCustomerAgreement`);
    expect(JSON.parse(String(script.sent[1]!.body))).toEqual({
      primaryContact: CONTACT,
      dateAgreed: "2024-01-02T00:00:00",
      type: "MicrosoftCustomerAgreement",
      templateId: "current",
    });
  });

  it.each([
    ["Education without educationSegment", { qualification: "Education" }, /educationSegment is required/],
    [
      "GovernmentCommunityCloud without validationCode",
      { qualification: "GovernmentCommunityCloud" },
      /validationCode is required/,
    ],
    ["Nonprofit, which cannot be set", { qualification: "Nonprofit" }, /cannot be set/],
  ])("createCustomerQualification refuses %s before sending", async (_what, qualification, message) => {
    const script = scriptedFetch();
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch });
    const error = await refusal(pc.prerequisites.createCustomerQualification(CUSTOMER, qualification as never));
    expect(String((error as Error).message)).toMatch(message);
    expect(script.sent).toHaveLength(0);
  });

  it("reads a bare-array answer as an array and refuses an object where the array belongs", async () => {
    const script = scriptedFetch(json(200, [{ qualification: "Education" }]), json(200, { items: [] }));
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: BASE, fetch: script.fetch, maxRetries: 0 });
    await expect(pc.prerequisites.listCustomerQualifications(CUSTOMER)).resolves.toEqual([
      { qualification: "Education" },
    ]);
    const error = await refusal(pc.prerequisites.listCustomerQualifications(CUSTOMER));
    expect((error as { code?: unknown }).code).toBe("INVALID_RESPONSE");
    expect(String((error as Error).message)).toContain("not a JSON array");
  });
});
