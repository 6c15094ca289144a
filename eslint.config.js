// ESLint flat config: TypeScript (type-aware where cheap), React hooks, browser globals for dev/ page scripts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".tmp/**", ".cache/**", "extensions/**/assets/**", "bench/.data/**", "app/types/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports", prefer: "type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Browser scripts served by the local Shopify stand-in and the storefront extension.
    files: ["dev/**/*.js", "extensions/**/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
    // Small ES5-style page scripts (no build step): closures over `self` and `a ? b() : c()` are the idiom.
    rules: { "@typescript-eslint/no-this-alias": "off", "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    files: ["dev/**/*.mjs", "*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
);
