// Ajv's errors as problems a person can act on: where (`body.lineItems[0].quantity`), what the spec
// wants, and what was there.
import type { ErrorObject } from "ajv";
import type { ValidationProblem } from "../errors";

/** `/lineItems/0/offerId` under `root` as `root.lineItems[0].offerId`. */
export function pathOf(root: string, pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), root);
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

function problemOf(error: ErrorObject, root: string): ValidationProblem | undefined {
  const at = pathOf(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: `${at}.${String(params.missingProperty)}`, message: "is required" };
    case "type":
      return { path: at, message: `must be ${String(params.type)}, got ${shown(error.data)}` };
    case "enum":
      return {
        path: at,
        message: `must be one of ${(params.allowedValues as unknown[]).map(shown).join(", ")}, got ${shown(error.data)}`,
      };
    case "additionalProperties":
      return { path: `${at}.${String(params.additionalProperty)}`, message: "is not a property the spec allows here" };
    // Which alternative was meant is a guess; the alternatives' own errors say more.
    case "oneOf":
    case "anyOf":
      return undefined;
    default:
      return { path: at, message: `${error.message ?? "breaks the spec"}, got ${shown(error.data)}` };
  }
}

export function problemsOf(errors: readonly ErrorObject[] | null | undefined, root: string): ValidationProblem[] {
  const problems = (errors ?? []).flatMap((error) => problemOf(error, root) ?? []);
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path} ${p.message}`) && seen.add(`${p.path} ${p.message}`));
}
