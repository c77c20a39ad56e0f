// @ts-check
// typescript-eslint's type-checked recommended rules over every TypeScript file (site, CLI,
// tests, benchmarks) and eslint-plugin-astro's recommended rules over components, with the
// same type information in their frontmatter and scripts. `npm run check` runs it with
// --max-warnings 0.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "node_modules/",
      ".astro/",
      "content/",
      "bench/hugo-site/",
      "tests/fixtures/",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: [".astro"],
      },
    },
    rules: {
      // node:test's describe/test return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] },
          ],
        },
      ],
    },
  },
  {
    // In templates, TypeScript's own service (unlike `astro check`) types JSX expressions and
    // imported components as unresolved, so the no-unsafe-* rules would flag every `.map()`.
    // The other type-checked rules still apply; `astro check` type-checks these files.
    files: ["**/*.astro"],
    // astro-eslint-parser reads the tsconfig itself (it has no project service).
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript config files have no types to check.
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
