// Lint enforces the layering: model <- engine <- functions; office <- taskpane.
// model and engine are pure: no Office, React, DOM or network globals, nothing from a higher layer.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const hostGlobals = ["Office", "Excel", "OfficeExtension", "OfficeRuntime", "CustomFunctions"];
const domGlobals = ["window", "document", "navigator", "localStorage", "sessionStorage", "location", "HTMLElement", "Element", "requestAnimationFrame"];
const networkGlobals = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource"];
const restrictedGlobals = (names, why) => names.map((name) => ({ name, message: `${name}: ${why}` }));
const uiPackages = [
  { group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"], message: "model/engine are pure: no React or Fluent UI." },
  { group: ["office-*", "@microsoft/office-js", "office-addin-*"], message: "model/engine are pure: no Office packages." },
];
// hyperformula is GPL-3.0: only the workbook preview (src/preview) and tests may use it, never the add-in.
const gplEngine = { group: ["hyperformula", "hyperformula/*"], message: "hyperformula (GPL-3.0) is for the preview and tests only, never the add-in bundle." };
const previewFolder = { group: ["**/preview", "**/preview/**"], message: "The add-in never imports the workbook preview (src/preview)." };
const above = (layers) => ({
  group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
  message: "Imports only flow model <- engine <- functions; office <- taskpane.",
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".tmp/**", "**/*.js", "!eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": ["error", ...restrictedGlobals(networkGlobals, "the add-in makes no network calls; all data is bundled.")],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...restrictedGlobals(hostGlobals, "model is pure: Office lives in src/office and src/functions."),
        ...restrictedGlobals(domGlobals, "model is pure: no DOM."),
        ...restrictedGlobals(networkGlobals, "no network calls."),
      ],
      "no-restricted-imports": ["error", { patterns: [...uiPackages, gplEngine, previewFolder, above(["engine", "functions", "office", "taskpane", "commands"])] }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...restrictedGlobals(hostGlobals, "engine is pure: Office lives in src/office and src/functions."),
        ...restrictedGlobals(domGlobals, "engine is pure: no DOM."),
        ...restrictedGlobals(networkGlobals, "no network calls."),
      ],
      "no-restricted-imports": ["error", { patterns: [...uiPackages, gplEngine, previewFolder, above(["functions", "office", "taskpane", "commands"])] }],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "@fluentui/*"], message: "functions have no UI." },
        gplEngine,
        previewFolder,
        above(["office", "taskpane", "commands"]),
      ] }],
    },
  },
  {
    files: ["src/office/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "@fluentui/*"], message: "office is host code, not UI." },
        gplEngine,
        previewFolder,
        above(["taskpane", "commands"]),
      ] }],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: [gplEngine, previewFolder] }],
      "no-restricted-syntax": ["error", {
        selector: "MemberExpression[object.name='Excel'][property.name='run']",
        message: "The pane never calls Excel.run: go through src/office.",
      }],
    },
  },
  {
    files: ["src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [gplEngine, previewFolder] }] },
  },
  {
    // The workbook preview (development server only): an in-browser Excel over hyperformula, around the real pane.
    // It may use the office layer's public pieces (A1 helpers, the bridge name) and the functions' spec table;
    // never the pane's internals (it embeds the real pane instead), and nothing may import it back (above).
    files: ["src/preview/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@fluentui/*"], message: "The preview draws a plain grid; the pane it embeds brings Fluent UI." },
        { group: ["**/taskpane", "**/taskpane/**", "**/commands", "**/commands/**"], message: "The preview embeds the real pane (taskpane.html); it does not import its code." },
        { group: ["**/model/**", "**/engine/**", "**/functions/impl", "**/functions/invoke", "**/functions/functions"], message: "The preview computes nothing itself: AIFIN figures come from the functions functions.js associates." },
      ] }],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.{ts,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
