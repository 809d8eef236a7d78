// npm run gen:check on a tree whose generated/ is stale: it says which files drifted, exits 1, and
// leaves nothing behind in the temporary directory.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

describe("gen --check", () => {
  it("reports drift with exit code 1 and removes its temporary folder", () => {
    const tree = mkdtempSync(join(tmpdir(), "pco-gen-tree-"));
    const temp = mkdtempSync(join(tmpdir(), "pco-gen-tmp-"));
    try {
      for (const entry of ["spec", "scripts", "generated", "redocly.yaml", "package.json"])
        cpSync(join(ROOT, entry), join(tree, entry), { recursive: true });
      symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
      writeFileSync(join(tree, "generated", "examples.ts"), "// stale\n");
      const run = spawnSync(process.execPath, [join(tree, "scripts", "gen.mjs"), "--check"], {
        cwd: tree,
        env: { ...process.env, TMPDIR: temp },
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("generated/ is stale; run `npm run gen` and commit: generated/examples.ts");
      // Only gen's own folders: Node 22 and later keep a compile cache there too.
      expect(readdirSync(temp).filter((name) => name.startsWith("pco-gen-"))).toEqual([]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  }, 60_000);
});
