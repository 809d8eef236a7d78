// A multipart/form-data body from a checked request object: files (Blobs) as file parts, objects
// as JSON parts (the spec's encoding for Metadata), everything else as text.
import { asText } from "../internal/as-text";

function append(form: FormData, name: string, value: unknown, index: number): void {
  if (value instanceof Blob) {
    form.append(name, value, value instanceof File ? value.name : `${name}-${index}`);
  } else if (typeof value === "object" && value !== null) {
    form.append(name, new Blob([JSON.stringify(value)], { type: "application/json" }), `${name}.json`);
  } else if (value !== undefined) {
    form.append(name, asText(value));
  }
}

export function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    (Array.isArray(value) ? value : [value]).forEach((item, i) => append(form, name, item, i));
  }
  return form;
}
