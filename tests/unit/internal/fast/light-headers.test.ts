// LightHeaders reads an answer's raw headers as fetch's Headers would hold them.
import fc from "fast-check";
import { LightHeaders } from "../../../../src/internal/fast/light-headers";

const real = (raw: string[]) => {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
};
const view = (headers: Headers) => ({
  entries: [...headers],
  keys: [...headers.keys()],
  values: [...headers.values()],
  cookies: headers.getSetCookie(),
  each: (() => {
    const seen: string[] = [];
    headers.forEach((value, key) => seen.push(`${key}=${value}`));
    return seen;
  })(),
});

const RAW = [
  "Content-Type",
  "application/json",
  "MS-RequestId",
  " 3f8b0c1e ",
  "Set-Cookie",
  "a=1",
  "x-a",
  "1",
  "X-A",
  "2",
  "set-cookie",
  "b=2",
  "Retry-After",
  "30",
];

describe("LightHeaders", () => {
  it("reads as Headers: any casing, repeats joined, Set-Cookie apart, values trimmed, sorted", () => {
    const light = new LightHeaders(RAW);
    const headers = real(RAW);
    expect(view(light)).toEqual(view(headers));
    for (const name of ["content-type", "MS-REQUESTID", "x-A", "set-cookie", "retry-after", "absent"]) {
      expect([light.get(name), light.has(name)]).toEqual([headers.get(name), headers.has(name)]);
    }
  });

  it("changes as Headers does", () => {
    const light = new LightHeaders(RAW);
    const headers = real(RAW);
    for (const h of [light, headers]) {
      h.set("X-A", "3");
      h.delete("Set-Cookie");
      h.append("Link", "<a>");
    }
    expect(view(light)).toEqual(view(headers));
  });

  it("gives a Response the same headers", () => {
    expect([...new Response(null, { headers: new LightHeaders(RAW) }).headers]).toEqual([...real(RAW)]);
  });

  it("matches Headers for any raw list of token names and printable values", () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
    const value = fc.stringMatching(/^[ -~]{0,12}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(name, fc.constantFrom("Set-Cookie", "x-a", "X-A")), value)), (pairs) => {
        const raw = pairs.flat();
        const light = new LightHeaders(raw);
        const headers = real(raw);
        expect(view(light)).toEqual(view(headers));
        for (const [n] of pairs) expect(light.get(n.toUpperCase())).toBe(headers.get(n));
      }),
    );
  });

  it("changes as Headers does for any appends, sets and deletes, values with whitespace at either end", () => {
    const name = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,4}$/),
      fc.constantFrom("Set-Cookie", "x-a", "X-A"),
    );
    const value = fc.stringMatching(/^[\t\r\n ]{0,2}[ -~]{0,8}[\t\r\n ]{0,2}$/);
    const change = fc.tuple(
      fc.constantFrom("append", "set", "delete") as fc.Arbitrary<"append" | "set" | "delete">,
      name,
      value,
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
        const light = new LightHeaders();
        const headers = new Headers();
        for (const [how, n, v] of changes) {
          for (const h of [light, headers]) {
            if (how === "delete") h.delete(n);
            else h[how](n, v);
          }
        }
        expect(view(light)).toEqual(view(headers));
      }),
    );
  });
});

describe("LightHeaders.record", () => {
  it("gives every field as an own property, __proto__ included, for node:http", () => {
    const fields = new LightHeaders(["X-A", "1", "__proto__", "p", "x-a", "2"]).record();
    expect(Object.keys(fields)).toEqual(["x-a", "__proto__"]);
    expect(fields["x-a"]).toBe("1, 2");
    expect(Object.getPrototypeOf(fields)).toBeNull();
  });
});
