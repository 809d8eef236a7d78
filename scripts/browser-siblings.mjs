// The esbuild plugin behind the package's build for browsers and edge runtimes (tsup.config.ts),
// also used by the bench to measure that build's parts: a relative import with a `.browser.ts`
// sibling resolves to the sibling, so that build carries no node:http code.
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const browserSiblings = {
  name: "browser-siblings",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const sibling = resolve(args.resolveDir, `${args.path}.browser.ts`);
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};
