// Text that came from outside (a server's answer, a third party's error, a caller's value) made
// safe to put in one of our messages: cut to a bound, control characters shown as escapes, and a
// value that cannot even be turned into text (a throwing toString, a revoked Proxy) named, not thrown.

/** The longest piece of outside text a message quotes. */
export const MAX_QUOTED = 200;

// C0 and C1 controls, DEL, the line and paragraph separators, the non-characters U+FFFE and
// U+FFFF, and lone surrogates: nothing a terminal acts on, and nothing XML 1.0 forbids.
const UNPRINTABLE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const escape = (c: string) =>
  Object.hasOwn(NAMED, c) ? NAMED[c]! : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` with every character a terminal would act on, or XML 1.0 refuses, shown as an escape. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** `text` cut to `max` characters (saying how long it was) with its control characters escaped. */
export function printable(text: string, max = MAX_QUOTED): string {
  return escapeUnprintable(text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
}

/** A value from outside as a message quotes it: text printable and cut, a number as it is, anything else by its kind. */
export function printableValue(value: unknown, max = 100): string {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "string") return printable(value, max);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const kind = Array.isArray(value) ? "array" : typeof value;
  return `(${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind})`;
}

/** A thrown value's message (or the value as text), printable; never throws, whatever was thrown. */
export function reasonOf(value: unknown): string {
  try {
    const text = value instanceof Error ? value.message : typeof value === "symbol" ? value.toString() : String(value);
    return printable(typeof text === "string" ? text : "(not text)", 1_000);
  } catch {
    return "(a value that cannot be shown as text)";
  }
}
