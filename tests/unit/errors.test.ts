import { inspect } from "node:util";
import {
  PartnerCenterError,
  PartnerCenterValidationError,
  isPartnerCenterError,
  isPartnerCenterValidationError,
} from "../../src/errors";

describe("PartnerCenterError", () => {
  const error = new PartnerCenterError("POST /orders failed with 409 (code 800060): in progress", {
    status: 409,
    code: 800060,
    description: "in progress",
    requestId: "r",
    correlationId: "c",
    method: "POST",
    url: "https://pc.test/v1/customers/c/orders",
  });

  it("carries the fields it was given", () => {
    expect(error).toMatchObject({ name: "PartnerCenterError", status: 409, code: 800060, requestId: "r" });
    expect(error).toBeInstanceOf(Error);
  });

  it("serialises only its documented fields", () => {
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PartnerCenterError",
      message: error.message,
      status: 409,
      code: 800060,
      description: "in progress",
      requestId: "r",
      correlationId: "c",
      method: "POST",
      url: "https://pc.test/v1/customers/c/orders",
    });
  });

  it("prints its fields under util.inspect", () => {
    expect(inspect(error)).toContain('"code": 800060');
  });

  it("keeps the cause", () => {
    const cause = new TypeError("fetch failed");
    expect(new PartnerCenterError("x", { cause }).cause).toBe(cause);
  });
});

describe("isPartnerCenterError", () => {
  it("recognises the client's errors, including another copy's (ESM and CommonJS)", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("partner-center-orders.error")]: true });
    expect(isPartnerCenterError(new PartnerCenterError("x"))).toBe(true);
    expect(isPartnerCenterError(foreign)).toBe(true);
  });

  it.each([new Error("x"), null, undefined, "PartnerCenterError", { name: "PartnerCenterError" }])(
    "rejects %p",
    (value) => {
      expect(isPartnerCenterError(value)).toBe(false);
    },
  );
});

describe("PartnerCenterValidationError", () => {
  const error = new PartnerCenterValidationError("createOrder", [
    { path: "path.customer_id", message: "must be a uuid" },
    { path: "body.lineItems", message: "must have at least 1 item" },
  ]);

  it("lists every problem in its message", () => {
    expect(error.message).toBe(
      "createOrder was not sent: 2 problems: path.customer_id must be a uuid; body.lineItems must have at least 1 item",
    );
  });

  it("is a PartnerCenterError with code VALIDATION_ERROR and its problems", () => {
    expect(isPartnerCenterError(error)).toBe(true);
    expect(isPartnerCenterValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code: "VALIDATION_ERROR", isRetryable: false });
    expect(JSON.parse(JSON.stringify(error)).problems).toHaveLength(2);
  });

  it("is told apart from other errors", () => {
    expect(isPartnerCenterValidationError(new PartnerCenterError("x", { status: 400 }))).toBe(false);
  });
});
