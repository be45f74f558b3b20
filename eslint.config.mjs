// Lint enforces the layering docs/architecture.md promises: model <- engine <- functions; office <- taskpane.
// model and engine are pure: no Office, React, DOM or network globals, nothing from a higher layer.
// office and taskpane never import the functions layer. A layer reaches another only through its front
// door (src/<layer>/index.ts): `../model`, never `../model/types`. tests/unit/build/layers.test.ts proves
// every rule fires.
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
const LAYERS = ["model", "engine", "functions", "office", "taskpane", "commands"];
// hyperformula is GPL-3.0: only the workbook preview (src/preview) and tests may use it, never the add-in.
const gplEngine = { group: ["hyperformula", "hyperformula/*"], message: "hyperformula (GPL-3.0) is for the preview and tests only, never the add-in bundle." };
const previewFolder = { group: ["**/preview", "**/preview/**"], message: "The add-in never imports the workbook preview (src/preview)." };
const above = (layers) => ({
  group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]),
  message: "Imports only flow model <- engine <- functions; office <- taskpane (docs/architecture.md).",
});
// Deep paths into any other layer (`../model/types`, `../../engine/result`): go through its index.ts.
const frontDoorsOnly = (self) => ({
  group: LAYERS.filter((l) => l !== self).map((l) => `**/${l}/*`),
  message: "Import another layer through its front door (e.g. \"../model\", not \"../model/types\"); export what you need from its index.ts.",
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
      "no-restricted-imports": ["error", { patterns: [...uiPackages, gplEngine, previewFolder, above(["engine", "functions", "office", "taskpane", "commands"]), frontDoorsOnly("model")] }],
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
      "no-restricted-imports": ["error", { patterns: [...uiPackages, gplEngine, previewFolder, above(["functions", "office", "taskpane", "commands"]), frontDoorsOnly("engine")] }],
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
        frontDoorsOnly("functions"),
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
        above(["functions", "taskpane", "commands"]),
        frontDoorsOnly("office"),
      ] }],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: [
        gplEngine,
        previewFolder,
        above(["functions", "commands"]),
        frontDoorsOnly("taskpane"),
        {
          group: ["@griffel/*"],
          message:
            "Import makeStyles, makeStaticStyles, shorthands and mergeClasses from @fluentui/react-components: the Griffel webpack loader (webpack.config.js) compiles those styles at build time; a direct @griffel import brings Griffel's runtime style compiler (~7 KB gzipped) back into the pane's start-up.",
        },
      ] }],
      "no-restricted-syntax": ["error", {
        selector: "MemberExpression[object.name='Excel'][property.name='run']",
        message: "The pane never calls Excel.run: go through src/office.",
      }],
    },
  },
  {
    files: ["src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["react", "react-dom", "@fluentui/*"], message: "commands have no UI." },
        gplEngine,
        previewFolder,
        above(["functions", "office", "taskpane"]),
        frontDoorsOnly("commands"),
      ] }],
    },
  },
  {
    // The workbook preview (development builds only): an in-browser Excel over hyperformula, around the real pane.
    // It reaches the office and functions layers through their front doors; it never imports the pane (it embeds
    // the real taskpane.html instead) nor computes a figure itself (no model or engine); nothing imports it back.
    files: ["src/preview/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@fluentui/*"], message: "The preview draws a plain grid; the pane it embeds brings Fluent UI." },
        { group: ["**/taskpane", "**/taskpane/**", "**/commands", "**/commands/**"], message: "The preview embeds the real pane (taskpane.html); it does not import its code." },
        { group: ["**/model", "**/model/**", "**/engine", "**/engine/**"], message: "The preview computes nothing itself: AIFIN figures come from the functions functions.js associates." },
        // functions has no front door; its spec table is what functions.json is checked against.
        { ...frontDoorsOnly("preview"), group: [...frontDoorsOnly("preview").group, "!**/functions/specs"] },
      ] }],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.{ts,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
