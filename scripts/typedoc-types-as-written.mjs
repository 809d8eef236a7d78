// A TypeDoc plugin for the API reference (npm run docs:ts). TypeDoc converts an interface's members
// from the types TypeScript resolves, so each `operations["createOrder"]` or
// `components["responses"]["NotFound"]` in generated/schema.ts's paths, operations and components
// was printed in full wherever it is used: 26 MB of pages, 15 MB of them for paths alone. Here
// those interfaces' members are converted from their types as written, as TypeDoc already does
// inside a type literal, so each use is a link to the one place it is defined. TypeDoc has no event
// before an interface's members are converted, so this wraps Context.withScope; if a TypeDoc
// release changes it, tests/package/typescript-reference.test.ts fails on the paths page.
import { Context, ReflectionKind } from "typedoc";

const GENERATED = /[\\/]generated[\\/]schema\.ts$/;

export function load() {
  const withScope = Context.prototype.withScope;
  Context.prototype.withScope = function (scope) {
    const context = withScope.call(this, scope);
    if (scope.kindOf(ReflectionKind.Interface) && isGenerated(this.getSymbolFromReflection(scope))) {
      context.convertingTypeNode = true;
    }
    return context;
  };
}

/** @param {import("typescript").Symbol | undefined} symbol */
function isGenerated(symbol) {
  return symbol?.declarations?.some((declaration) => GENERATED.test(declaration.getSourceFile().fileName)) ?? false;
}
