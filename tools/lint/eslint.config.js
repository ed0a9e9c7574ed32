// ESLint for the site's own JavaScript (`make lint`): the scripts in docs/assets/js/ and the web editor's
// glue in docs/redactie/bewerken/. Every one is an ES module. Versions pinned by package-lock.json here.
import js from "@eslint/js";
import globals from "globals";

// What scripts/js_bundle.py cannot turn into the offline copy's classic script: only named imports from a
// file of the site (`import { a, b as c } from "./x.js"`) and `export function` / `export const`.
const BUNDLE_SUBSET = [
  { selector: "ImportDefaultSpecifier", message: "Importeer met naam: import { naam } from \"./x.js\"." },
  { selector: "ImportNamespaceSpecifier", message: "Importeer met naam: import { naam } from \"./x.js\"." },
  { selector: "ImportDeclaration[specifiers.length=0]", message: "Een import zonder naam bundelt niet." },
  { selector: "ImportDeclaration[source.value!=/^[.][.]?[/]/]", message: "Importeer alleen een eigen bestand (./x.js)." },
  { selector: "ExportDefaultDeclaration", message: "Geen export default: export function naam of export const naam." },
  { selector: "ExportAllDeclaration", message: "Geen export *: export function naam of export const naam." },
  { selector: "ExportNamedDeclaration[declaration=null]", message: "Geen export { … }: zet export voor de functie." },
  { selector: "ExportNamedDeclaration > VariableDeclaration[kind!='const']", message: "Exporteer alleen const." },
  { selector: "ExportNamedDeclaration > ClassDeclaration", message: "Exporteer een functie of een const." },
  { selector: "MetaProperty", message: "import.meta bestaat niet in de offline kopie (één gewoon script)." },
];

export default [
  {
    // Paths are from the project root: `make lint` runs there with --config (ESLint then uses the working
    // folder). Material's own code (copied unchanged from its templates), vendored and installed code.
    ignores: ["docs/assets/js/material-*.js", "**/vendor/**", "docs/redactie/bewerken/decap/**", "site/**",
      "tools/**", "tests/**", "dist/**", "tmp/**", ".venv/**"],
  },
  {
    files: ["docs/assets/js/**/*.js", "docs/redactie/bewerken/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      ...js.configs.recommended.rules,
      "eqeqeq": ["error", "always"],
      "no-implicit-coercion": ["error", { boolean: false, number: false }],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "prefer-const": "off",
      "strict": ["error", "never"],  // modules are strict already
    },
  },
  {
    files: ["docs/assets/js/**/*.js"],
    rules: { "no-restricted-syntax": ["error", ...BUNDLE_SUBSET] },
  },
];
