import { inspect } from "node:util";
import { errorFromResponse, successBody } from "../../../src/calls/read-answer";

const URL_ = "https://pc.test/v1/customers/c/orders";
function answer(status: number, body: string | null, headers: Record<string, string> = {}): Response {
  const response = new Response(body, { status, headers });
  Object.defineProperty(response, "url", { value: URL_ });
  return response;
}
const meta = { method: "POST", requestId: "req-1", correlationId: "cor-1" };

describe("errorFromResponse", () => {
  it("reads the Partner Center error body", () => {
    const body = { code: 800060, description: "Your order is in progress.", data: ["x"], source: "PartnerFD" };
    const error = errorFromResponse(answer(409, null), JSON.stringify(body), meta);
    expect(error).toMatchObject({
      status: 409,
      code: 800060,
      description: "Your order is in progress.",
      data: ["x"],
      source: "PartnerFD",
      // 800060: an earlier attempt of this call is still being answered; re-send with the same id (D39).
      isRetryable: true,
      requestId: "req-1",
      correlationId: "cor-1",
      method: "POST",
      url: URL_,
    });
    expect(error.message).toBe(`POST ${URL_} failed with 409 (code 800060): Your order is in progress.: x`);
  });

  it("cuts every server string it quotes and shows its control characters as escapes", () => {
    const huge = `${"9".repeat(5_000_000)}`;
    const body = {
      code: `\u001b[31m${huge}\n`,
      description: `line one\r\nInjected: yes ${"d".repeat(5_000)}`,
      errorName: "\u0000x".repeat(1_000),
    };
    const error = errorFromResponse(answer(400, null), JSON.stringify(body), meta);
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(error.message).toContain("\\u001b[31m999");
    expect(String(error.code).length).toBeLessThan(300);
    expect(String(error.code)).not.toMatch(/[\u0000-\u001f]/);
    expect(error.description).not.toMatch(/[\r\n]/);
    expect(error.errorName).not.toMatch(/\u0000/);
  });

  it("calls a 409 other than 800060 not retryable", () => {
    const body = { code: 800014, description: "There's a pending adjustment requested for this order" };
    expect(errorFromResponse(answer(409, null), JSON.stringify(body), meta)).toMatchObject({
      status: 409,
      code: 800014,
      isRetryable: false,
    });
  });

  it("reads the newer fields, and a body openapi-fetch already parsed", () => {
    const body = { code: "600061", message: "exists", errorName: "AlreadyExists", isRetryable: true };
    expect(errorFromResponse(answer(400, null), body, meta)).toMatchObject({
      code: "600061",
      description: "exists",
      errorName: "AlreadyExists",
      isRetryable: true,
    });
  });

  it("reads the 429 body and the Retry-After header", () => {
    const body = JSON.stringify({ statusCode: 429, message: "Rate limit is exceeded. Try again in 57 seconds." });
    expect(errorFromResponse(answer(429, null, { "Retry-After": "57" }), body, meta)).toMatchObject({
      status: 429,
      description: "Rate limit is exceeded. Try again in 57 seconds.",
      retryAfterMs: 57_000,
      isRetryable: true,
    });
  });

  it("keeps an excerpt of an HTML gateway page", () => {
    const html = `<html><body>502 Bad Gateway${" ".repeat(5000)}</body></html>`;
    const error = errorFromResponse(answer(502, null), html, meta);
    expect(error).toMatchObject({ status: 502, isRetryable: true });
    expect(error.description).toBeUndefined();
    expect(error.body!.startsWith("<html><body>502 Bad Gateway")).toBe(true);
    expect(error.body!.length).toBeLessThanOrEqual(1025);
    expect(error.message).toContain("not a Partner Center error body");
  });

  it("handles an empty body", () => {
    const error = errorFromResponse(answer(500, null), undefined, meta);
    expect(error).toMatchObject({ status: 500, isRetryable: true });
    expect(error.message).toContain("no error body");
  });

  it.each([[{ nested: true }], [[1, 2]], [true], [null]])("ignores a code of type %p", (code) => {
    const error = errorFromResponse(answer(400, null), { code, description: "bad" }, meta);
    expect(error.code).toBeUndefined();
    expect(error.description).toBe("bad");
  });

  it("falls back to the answer's ids when the call had none", () => {
    const error = errorFromResponse(answer(404, null, { "MS-RequestId": "srv-r", "MS-CorrelationId": "srv-c" }), "", {
      method: "GET",
    });
    expect(error).toMatchObject({ requestId: "srv-r", correlationId: "srv-c" });
  });

  it("never shows the bearer token", () => {
    const error = errorFromResponse(answer(401, null), { code: 3000, description: "bad token" }, meta);
    const everything = [error.message, error.stack, JSON.stringify(error), inspect(error)].join("\n");
    expect(everything).not.toMatch(/Bearer|Authorization/i);
  });
});

describe("successBody", () => {
  it("parses a JSON object", () => {
    expect(
      successBody(answer(200, null, { "Content-Type": "application/json; charset=utf-8" }), '{"id":"a"}', meta),
    ).toEqual({ id: "a" });
  });

  it.each([
    ["an empty body", "", {}, "the body is empty"],
    ["no body at all", undefined, {}, "the body is empty"],
    ["a body of whitespace only", " \r\n\t\u00a0\ufeff", {}, "the body is empty"],
    ["truncated JSON", '{"id":"a"', {}, "the body is not JSON"],
    ["HTML", "<html></html>", { "Content-Type": "text/html" }, "the body is text/html, not JSON"],
    ["a JSON array", "[]", {}, "the body is not a JSON object"],
    ["JSON null", "null", {}, "the body is not a JSON object"],
  ])("rejects %s with INVALID_RESPONSE", (_name, text, headers, why) => {
    const run = () => successBody(answer(200, null, headers as Record<string, string>), text, meta);
    expect(run).toThrow(why);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: "INVALID_RESPONSE", status: 200, requestId: "req-1" });
    }
  });
});
