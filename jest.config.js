/** Two projects: pure layers run in Node, the task pane in jsdom. Jest gets a CommonJS override of the
 *  esnext tsconfig (the bundle keeps esnext so webpack can tree-shake). */
const tsJest = [
  "ts-jest",
  { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true }, diagnostics: false },
];
const common = {
  transform: { "^.+\\.(ts|tsx)$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js",
    "\\.(css|png|svg)$": "<rootDir>/tests/stubs/file.js",
  },
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/tests/unit/{model,engine,functions,office,build,preview}/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "pane",
      testEnvironment: "jsdom",
      testEnvironmentOptions: { customExportConditions: ["browser", "umd"] },
      setupFiles: ["<rootDir>/tests/unit/taskpane/setup.ts"],
      testMatch: ["<rootDir>/tests/unit/taskpane/**/*.test.ts?(x)"],
    },
  ],
};
