// typescript-eslint over the TypeScript, run by npm run lint (npm test): the type-aware
// recommended rules over src/, the recommended ones over tests/ and examples/. Each rule turned
// off or tuned says why.
import tseslint from "typescript-eslint";

const unusedVars = [
  "error",
  // Unused on purpose: a leading underscore names what a signature or a destructuring must have.
  {
    argsIgnorePattern: "^_",
    varsIgnorePattern: "^_",
    destructuredArrayIgnorePattern: "^_",
    caughtErrors: "none",
  },
];

export default tseslint.config(
  { ignores: ["generated/**", "dist/**", "coverage/**", "node_modules/**", "**/*.mjs", "**/*.cjs", "**/*.js"] },
  {
    files: ["src/**/*.ts"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: "./tsconfig.src.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      // One job per function (src/README.md): a factory that returns methods counts as one, so a
      // resource or a fake too long to read at once is split into named steps.
      "max-lines-per-function": ["error", { max: 80 }],
      // An abort rejects with the caller's own `signal.reason`, whatever it is, as fetch does:
      // wrapping it would hide the value the caller chose (AbortSignal semantics).
      "@typescript-eslint/prefer-promise-reject-errors": "off",
      "@typescript-eslint/no-unused-vars": unusedVars,
    },
  },
  {
    // Not type-aware here: hostile-input tests pass values of the wrong type on purpose, which the
    // no-unsafe-* rules exist to forbid.
    files: ["tests/**/*.ts", "examples/**/*.ts"],
    extends: [...tseslint.configs.recommended],
    rules: {
      // The repository's scripts are ES modules that Jest's CommonJS transform loads with require().
      "@typescript-eslint/no-require-imports": "off",
      // Tests read the spec's, the seeds' and the docs' JSON, whose shape is what they check.
      "@typescript-eslint/no-explicit-any": "off",
      // Jest's custom matchers are declared by augmenting its namespace and Matchers interface.
      "@typescript-eslint/no-namespace": ["error", { allowDeclarations: true }],
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      "@typescript-eslint/no-unused-vars": unusedVars,
    },
  },
);
