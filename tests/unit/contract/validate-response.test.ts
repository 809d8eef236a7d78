// validateResponse: every documented example passes; an undeclared status, a missing required
// header, an undocumented media type and every way a body breaks its schema are named.
import { validateResponse } from "../../../src/contract";
import { namedExamples } from "../../helpers/spec";
import type { OperationName } from "../../../src";

const ORDER = {
  id: "Cs_jyTxubLpvdJXdo8xcQZN6I2RsLrgZ1",
  status: "pending",
  lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }],
};

describe("validateResponse", () => {
  const answers = namedExamples().filter((e) => e.where !== "request");

  it.each(answers.map((e) => [e.operationId, e.where, e.name, e.mediaType, e.value] as const))(
    "passes %s's documented %s example %s (%s)",
    (operationId, status, _name, mediaType, value) => {
      expect(
        validateResponse(operationId as OperationName, status as number, value, {
          "Content-Type": mediaType,
          "Retry-After": "5",
        }),
      ).toEqual({ valid: true, problems: [] });
    },
  );

  it("names a status the operation does not document, with those it does", () => {
    const { valid, problems } = validateResponse("getOrder", 418, ORDER);
    expect(valid).toBe(false);
    expect(problems).toEqual([
      {
        path: "status",
        message: expect.stringMatching(/^418 is not a documented answer of getOrder \(documented: 200, 400, .*504\)$/),
      },
    ]);
  });

  it("names a missing required header (Retry-After on a 429), and takes any casing of it", () => {
    const body = { statusCode: 429, message: "Rate limit is exceeded. Try again in 57 seconds." };
    expect(validateResponse("getOrder", 429, body, {}).problems).toEqual([
      { path: "headers.Retry-After", message: "is required on a 429 answer of getOrder" },
    ]);
    expect(validateResponse("getOrder", 429, body, new Headers({ "retry-after": "57" })).valid).toBe(true);
  });

  it("names each way a body breaks its schema, with the value received", () => {
    const broken = {
      ...ORDER,
      id: undefined,
      status: "shipped",
      lineItems: [{ ...ORDER.lineItems[0], quantity: "1" }],
    };
    expect(validateResponse("getOrder", 200, broken).problems).toEqual(
      expect.arrayContaining([
        { path: "body.id", message: "is required" },
        {
          path: "body.status",
          message: expect.stringMatching(/^must be one of "unknown", "completed", .*, got "shipped"$/),
        },
        { path: "body.lineItems[0].quantity", message: 'must be integer, got "1"' },
      ]),
    );
  });

  it("reads a JSON body given as text, and says when it is not JSON", () => {
    const json = { "Content-Type": "application/json; charset=utf-8" };
    expect(validateResponse("getOrder", 200, JSON.stringify(ORDER), json).valid).toBe(true);
    expect(validateResponse("getOrder", 200, "<html>", json).problems).toEqual([
      { path: "body", message: "is not JSON, though the answer says application/json" },
    ]);
  });

  it("takes a gateway's HTML page where the spec documents one, and refuses an undocumented media type", () => {
    expect(validateResponse("getOrder", 502, "<html>Bad Gateway</html>", { "Content-Type": "text/html" }).valid).toBe(
      true,
    );
    expect(validateResponse("getOrder", 200, "<html></html>", { "Content-Type": "text/html" }).problems).toEqual([
      { path: "headers.Content-Type", message: "must be one of application/json for a 200 answer, got text/html" },
    ]);
  });

  it("names an operation the spec does not have", () => {
    expect(validateResponse("deleteOrder" as OperationName, 200, {}).problems).toEqual([
      { path: "operationId", message: "deleteOrder is not an operation of the spec" },
    ]);
    // Names every object inherits are no operation either (a caller in plain JavaScript can pass anything).
    expect(validateResponse("constructor" as OperationName, 200, {}).problems).toEqual([
      { path: "operationId", message: "constructor is not an operation of the spec" },
    ]);
    expect(validateResponse("getOrder", "constructor" as unknown as number, {}).problems[0]?.message).toMatch(
      /^constructor is not a documented answer of getOrder/,
    );
  });
});
