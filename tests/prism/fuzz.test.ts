// Generated requests against the Prism mock of the spec (fixed seed): Prism validates each request
// against the same spec, so a valid generated request must get a documented answer and a broken
// one a 400, and every answer must match the spec.
import { createPartnerCenterClient } from "../../src";
import { fuzzableOperations, fuzzOperation } from "../../src/contract/fuzz";
import { rawSender } from "../../src/contract/send-raw";

const url = process.env.PRISM_URL!;
const send = rawSender(createPartnerCenterClient({ credential: "t", baseUrl: url, rateLimit: false, maxRetries: 0 }));

describe("generated requests against the Prism mock", () => {
  it.each(fuzzableOperations(true))("find nothing wrong with %s (fixed seed)", async (operationId) => {
    expect(await fuzzOperation(operationId, send, url, 15, 20261121)).toEqual({
      operationId,
      requests: 30,
      failure: undefined,
    });
  });
});
