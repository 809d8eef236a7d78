// A BufferedResponse behaves as a Response built from the same bytes does.
import { BufferedResponse } from "../../../../src/internal/fast/buffered-response";

const TEXT = '{"id":"Cs_jy","note":"é ✓"}';
const BYTES = new TextEncoder().encode(TEXT);
const init = { status: 201, statusText: "Created", headers: { "Content-Type": "application/json", "X-A": "1" } };
const both = () => [
  new Response(BYTES.slice(), init),
  BufferedResponse.from({
    status: 201,
    statusText: "Created",
    headers: new Headers(init.headers),
    body: BYTES.slice(),
    redirect: false,
  }),
];

async function outcome<T>(run: () => Promise<T>): Promise<unknown> {
  try {
    const value = await run();
    if (value instanceof ArrayBuffer || value instanceof Uint8Array) return [...new Uint8Array(value)];
    if (value instanceof Blob) return { type: value.type, text: await value.text() };
    return value;
  } catch (error) {
    return { rejected: (error as Error).constructor.name };
  }
}

describe("BufferedResponse", () => {
  it("is a Response, with its status, text and headers", () => {
    const [, buffered] = both();
    expect(buffered).toBeInstanceOf(Response);
    expect([buffered!.status, buffered!.statusText, buffered!.ok, buffered!.headers.get("x-a")]).toEqual([
      201,
      "Created",
      true,
      "1",
    ]);
  });

  it.each(["text", "json", "arrayBuffer", "blob"] as const)("reads %s as a Response does, once", async (method) => {
    const [real, buffered] = both();
    expect(await outcome(() => buffered![method]())).toEqual(await outcome(() => real![method]()));
    expect(buffered!.bodyUsed).toBe(real!.bodyUsed);
    expect(await outcome(() => buffered![method]())).toEqual(await outcome(() => real![method]()));
  });

  it("streams its body as a Response does, and is then used", async () => {
    const [real, buffered] = both();
    const read = async (r: Response) =>
      new TextDecoder().decode(new Uint8Array(await new Response(r.body).arrayBuffer()));
    expect(await read(buffered!)).toBe(await read(real!));
    expect([buffered!.bodyUsed, await outcome(() => buffered!.text())]).toEqual([
      real!.bodyUsed,
      await outcome(() => real!.text()),
    ]);
  });

  it("clones before its body is read, and refuses to once it is", async () => {
    const [, buffered] = both();
    const copy = buffered!.clone();
    expect(copy).toBeInstanceOf(Response);
    expect(await copy.text()).toBe(TEXT);
    expect(await buffered!.text()).toBe(TEXT);
    expect(() => buffered!.clone()).toThrow(TypeError);
  });

  it("has no body for a status that has none", async () => {
    const empty = BufferedResponse.from({
      status: 204,
      statusText: "",
      headers: new Headers(),
      body: new Uint8Array(0),
      redirect: false,
    });
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe("");
  });
});
