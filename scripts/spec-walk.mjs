// Walking the bundled spec: a node with its $ref followed, every operation, every named example.
// One walk for the generators (request rules, the contract kit's validators and examples) and the
// tests that read the spec.
export const METHODS = ["get", "put", "post", "delete", "patch"];

/** `node` with its $ref followed, as often as it takes. */
export function resolve(spec, node) {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((acc, key) => acc[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return current;
}

/** Every operation, in the spec's order of paths and methods. */
export function operationsOf(spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method: method.toUpperCase(),
      path,
      operation: item[method],
    })),
  );
}

function examplesIn(spec, content, base) {
  return Object.entries(content ?? {}).flatMap(([mediaType, media]) =>
    Object.entries(media.examples ?? {}).map(([name, example]) => {
      const { value, summary } = resolve(spec, example);
      return { ...base, mediaType, name, value, summary, schema: media.schema };
    }),
  );
}

/** Every named example: of each operation's request body ("request") and of each of its answers (the status). */
export function namedExamplesOf(spec) {
  return operationsOf(spec).flatMap(({ operationId, operation }) => [
    ...examplesIn(spec, resolve(spec, operation.requestBody ?? {}).content, { operationId, where: "request" }),
    ...Object.entries(operation.responses).flatMap(([status, response]) =>
      examplesIn(spec, resolve(spec, response).content, { operationId, where: Number(status) }),
    ),
  ]);
}
