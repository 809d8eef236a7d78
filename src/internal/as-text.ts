// The text a value becomes when it is sent as a query value, a path segment or a form field:
// a string as it is, a number or boolean as JavaScript writes it, anything else as JSON (never
// `[object Object]`, which says nothing and no service reads).
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
