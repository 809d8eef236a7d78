// typescript-eslint's type-aware recommended rules over src/, run by npm run lint (npm test).
// Each rule turned off or tuned says why.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "generated/**",
      "dist/**",
      "coverage/**",
      "node_modules/**",
      "tests/**",
      "bench/**",
      "scripts/**",
      "examples/**",
      "**/*.mjs",
      "**/*.cjs",
      "**/*.js",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // One job per function (src/README.md): a factory that returns methods counts as one, so a
      // resource or a fake too long to read at once is split into named steps.
      "max-lines-per-function": ["error", { max: 80 }],
      // An abort rejects with the caller's own `signal.reason`, whatever it is, as fetch does:
      // wrapping it would hide the value the caller chose (AbortSignal semantics).
      "@typescript-eslint/prefer-promise-reject-errors": "off",
      // Unused on purpose: a leading underscore names what a signature or a destructuring must have.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
    },
  },
);
