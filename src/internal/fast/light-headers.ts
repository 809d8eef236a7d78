// Headers without undici's: a call's own headers, which the client builds from values it has
// already checked, and an answer's as node:http hands them over (raw name/value pairs), read as
// fetch's Headers reads them: names in any casing, repeated fields joined with ", ", Set-Cookie
// kept apart. Validating each field into an undici Headers, and its sorted iteration, cost about
// 5 us a call over loopback; trimming each value with a regular expression, a tenth of the rest
// of the client's own work. Held to Headers by tests/unit/internal/fast/light-headers.test.ts.
// An answer's names are the server's data: a Map, never a plain object.

/** Whether a character code is whitespace that Headers trims from a value's ends: tab, LF, CR, space. */
const isTrimmed = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** A value as Headers normalises it: leading and trailing whitespace dropped (a regular expression only when there is some). */
function normalised(value: string): string {
  if (value === "" || (!isTrimmed(value.charCodeAt(0)) && !isTrimmed(value.charCodeAt(value.length - 1)))) return value;
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

type Entries = ReturnType<Headers["entries"]>;
type Names = ReturnType<Headers["keys"]>;

export class LightHeaders implements Headers {
  readonly #fields = new Map<string, string>();
  readonly #cookies: string[] = [];

  /** From node's rawHeaders: name, value, name, value, ... */
  constructor(raw: readonly string[] = []) {
    for (let i = 0; i + 1 < raw.length; i += 2) this.append(raw[i]!, raw[i + 1]!);
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const text = normalised(value);
    if (key === "set-cookie") this.#cookies.push(text);
    const had = this.#fields.get(key);
    this.#fields.set(key, had === undefined ? text : `${had}, ${text}`);
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    this.#fields.delete(key);
    if (key === "set-cookie") this.#cookies.length = 0;
  }

  get(name: string): string | null {
    return this.#fields.get(name.toLowerCase()) ?? null;
  }

  /** The fields as a request options object takes them, unsorted: lower-case names on an object without a prototype, so any name is a field. */
  record(): Record<string, string> {
    const fields = Object.create(null) as Record<string, string>;
    for (const [name, value] of this.#fields) fields[name] = value;
    return fields;
  }

  getSetCookie(): string[] {
    return [...this.#cookies];
  }

  has(name: string): boolean {
    return this.#fields.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    const key = name.toLowerCase();
    const text = normalised(value);
    if (key === "set-cookie") this.#cookies.splice(0, this.#cookies.length, text);
    this.#fields.set(key, text);
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#list()) callback.call(thisArg, value, key, this);
  }

  /** Sorted by name, Set-Cookie once per cookie, as Headers iterates. */
  #list(): [string, string][] {
    const list: [string, string][] = [];
    for (const key of [...this.#fields.keys()].sort()) {
      if (key !== "set-cookie") list.push([key, this.#fields.get(key)!]);
      else for (const cookie of this.#cookies) list.push([key, cookie]);
    }
    return list;
  }

  entries(): Entries {
    return this.#list()[Symbol.iterator]();
  }

  keys(): Names {
    return this.#list()
      .map(([key]) => key)
      [Symbol.iterator]();
  }

  values(): Names {
    return this.#list()
      .map(([, value]) => value)
      [Symbol.iterator]();
  }

  [Symbol.iterator](): Entries {
    return this.entries();
  }
}
