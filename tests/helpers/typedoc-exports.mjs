// A TypeDoc plugin for the API-reference test: once TypeDoc has written the pages, it writes beside
// them (exports.json) what each entry point exports, as the TypeScript compiler lists them in the
// program TypeDoc built (types, interfaces and values alike). The test checks the pages against
// that list without building a program of its own.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Converter, RendererEvent } from "typedoc";

/** @param {import("typedoc").Application} app */
export function load(app) {
  const exports = Object.create(null);
  app.converter.on(Converter.EVENT_END, (context) => {
    for (const program of context.programs) {
      const checker = program.getTypeChecker();
      for (const file of app.options.getValue("entryPoints")) {
        const source = program.getSourceFile(file);
        const symbol = source && checker.getSymbolAtLocation(source);
        if (symbol) exports[file] = checker.getExportsOfModule(symbol).map((s) => s.getName());
      }
    }
  });
  // Written once the pages are, since TypeDoc empties its output folder before it renders.
  app.renderer.on(RendererEvent.END, (event) =>
    writeFileSync(join(event.outputDirectory, "exports.json"), JSON.stringify(exports)),
  );
}
