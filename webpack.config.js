/**
 * AIFIN build: one page, one runtime.
 *
 * Excel's shared runtime loads taskpane.html once and runs the pane, the AIFIN.* functions and the ribbon
 * commands in it. The entries are chained with `dependOn` so they share ONE webpack runtime and module
 * registry (the model is parsed and indexed once), and the runtime lives in functions.js itself, so the
 * manifest's functions.js also runs on its own. Order on the page: functions.js, commands.js, taskpane.js.
 *
 * Environment:
 *   ADDIN_PUBLIC_URL  production origin + path (https, trailing slash optional). When set, every
 *                     https://localhost:3000/ in manifest.xml is rewritten to it in dist/manifest.xml.
 *   ADDIN_PORT        dev-server port (default 3000; the manifest assumes 3000).
 *   AIFIN_PREVIEW     "1" adds the workbook preview (preview.html) to a production build, "0" leaves it out of
 *                     a development one. By default development builds and the dev server have it, production
 *                     builds (what is deployed) do not. The preview bundles hyperformula (GPL-3.0): it has its
 *                     own entry and page, and nothing taskpane.html loads may contain it (check:build).
 */
const path = require("node:path");
const fs = require("node:fs");
const os = require("node:os");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { parseNumber } = require("office-addin-cli");
const { localizeMetadata, LOCALES } = require("./scripts/localize-functions.cjs");
const { applyMetadataOverrides, OVERRIDES_FILE } = require("./scripts/metadata-overrides.cjs");

const DEV_ORIGIN = "https://localhost:3000/";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** The public URL to bake into dist/manifest.xml, or the dev origin. Refuses anything but https. */
function publicUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (!raw) return DEV_ORIGIN;
  if (!/^https:\/\/[^\s/]+/.test(raw)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got "${raw}"`);
  return raw.endsWith("/") ? raw : `${raw}/`;
}

/**
 * After the metadata plugin: merges the hand-written metadata the JSDoc cannot express
 * (src/functions/metadata.overrides.json, e.g. MODEL's allowErrorForDataTypeAny), points every help URL of functions.json at the public URL (like the manifest),
 * emits functions.<locale>.json for every table in LOCALES (help text only; names stay English; a table
 * that misses or invents a function or parameter fails the build), and renders docs/*.md into help/*.html.
 */
class FunctionsMetadataExtrasPlugin {
  constructor(url) {
    this.url = url;
    this.renderHelp = null;
  }
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    // scripts/build-help.mjs is an ES module (marked is ESM-only) and this config is CommonJS: load it when
    // a compilation starts, not when the config is built (tests build the config without compiling).
    compiler.hooks.beforeCompile.tapPromise("FunctionsMetadataExtras", async () => {
      this.renderHelp ??= (await import("./scripts/build-help.mjs")).renderHelp;
    });
    compiler.hooks.thisCompilation.tap("FunctionsMetadataExtras", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsMetadataExtras", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { page, source, html } of this.renderHelp(__dirname)) {
          compilation.fileDependencies.add(path.resolve(__dirname, source));
          compilation.emitAsset(`help/${page}`, new sources.RawSource(html));
        }
        const source = compilation.getAsset("functions.json");
        if (source === undefined) return; // the metadata plugin has already reported why
        const overridesFile = path.resolve(__dirname, OVERRIDES_FILE);
        compilation.fileDependencies.add(overridesFile);
        const merged = applyMetadataOverrides(JSON.parse(source.source.source().toString()), JSON.parse(fs.readFileSync(overridesFile, "utf8")));
        for (const problem of merged.problems) compilation.errors.push(new WebpackError(`${OVERRIDES_FILE}: ${problem}`));
        const metadata = merged.metadata;
        for (const fn of metadata.functions) if (fn.helpUrl) fn.helpUrl = fn.helpUrl.split(DEV_ORIGIN).join(this.url);
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
        for (const { locale, table, output } of LOCALES) {
          const file = path.resolve(__dirname, table);
          compilation.fileDependencies.add(file);
          const result = localizeMetadata(metadata, JSON.parse(fs.readFileSync(file, "utf8")));
          for (const problem of result.problems) compilation.errors.push(new WebpackError(`${table} (${locale}): ${problem}`));
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(result.metadata, null, 4)));
        }
      });
    });
  }
}

/**
 * https options for the dev server. Prefers the Office dev certificates (office-addin-dev-certs), which
 * Windows and macOS trust after `npx office-addin-dev-certs install`. On Linux the package cannot trust
 * its CA (it calls sudo), but the generated files still serve https, so we only generate them. If even
 * that fails, webpack's own self-signed certificate keeps `npm start` working: the browser then asks the
 * user to accept the certificate once (README explains).
 */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const haveFiles = () => [defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f));
    if (os.platform() === "win32" || os.platform() === "darwin") {
      return { type: "https", options: await devCerts.getHttpsServerOptions() };
    }
    if (!haveFiles()) {
      const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
      fs.mkdirSync(path.dirname(defaults.localhostCertificatePath), { recursive: true });
      await generateCertificates();
    }
    return {
      type: "https",
      options: {
        ca: fs.readFileSync(defaults.caCertificatePath),
        cert: fs.readFileSync(defaults.localhostCertificatePath),
        key: fs.readFileSync(defaults.localhostKeyPath),
      },
    };
  } catch (err) {
    console.warn(`Office dev certificates unavailable (${err.message}); serving with webpack's self-signed certificate.`);
    return "https";
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const url = publicUrl();
  const preview = process.env.AIFIN_PREVIEW ? process.env.AIFIN_PREVIEW === "1" : !production;

  return {
    // No eval-based source maps: the pages' Content-Security-Policy (scripts/csp.cjs) allows no eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["functions", "commands"] },
      // The preview shares functions.js's runtime on its own page, so it registers the very functions functions.js associates.
      ...(preview ? { preview: { import: "./src/preview/index.tsx", dependOn: "functions" } } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // functions.js keeps a fixed name because the manifest points at it; the rest are cache-busted.
      filename: (data) => (production && data.chunk.name !== "functions" ? "[name].[contenthash:8].js" : "[name].js"),
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Chunks sit beside taskpane.html, so resolve them against the page. ("auto" reads
      // document.currentScript at start-up and throws where there is no document.)
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs the esnext output for tree-shaking.
          // Loaders run last to first: ts-loader makes JavaScript, then Griffel's loader (Fluent's own build-time
          // transform) evaluates each makeStyles() of the pane and the preview into precomputed atomic CSS (__styles),
          // so no style is compiled in the browser and Griffel's runtime compiler (stylis, rtl-css-js) is not shipped.
          use: [
            { loader: "@griffel/webpack-loader", options: { modules: [{ moduleSource: "@fluentui/react-components", importName: "makeStyles", resetImportName: "makeResetStyles" }] } },
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
          ],
        },
        // The curated facts ship packed by columns in every build (about 5 KB less gzipped on the pane page): the loader evaluates
        // src/model/data/facts.ts at build time and fails the build unless the packed facts decode to exactly it.
        { test: path.resolve(__dirname, "src/model/data/facts.ts"), enforce: "post", use: path.resolve(__dirname, "scripts/facts-loader.cjs") },
        { test: /\.(png|jpe?g|gif|svg)$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    optimization: {
      // React and Fluent UI are only needed by the pane: keep them in their own cacheable chunks, and
      // never pull them into functions.js (which must stay small and self-contained).
      splitChunks: {
        chunks: (chunk) => chunk.name === "taskpane",
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "react", priority: 20 },
          fluent: { test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg)[\\/]/, name: "fluent", priority: 10 },
          // What several on-demand chunks share (Fluent's positioning layer under the picker, the info popover and
          // the dropdowns of the lazy views) goes into shared on-demand chunks, not into each of them.
          onDemand: { test: /[\\/]node_modules[\\/]/, chunks: "async", minChunks: 2, priority: 5, reuseExistingChunk: true },
          // The views' strings (English's part and the module completing a catalogue with a language's part), which
          // every on-demand view imports: one shared on-demand chunk, not a copy in each view's.
          viewStrings: {
            test: /[\\/]src[\\/]taskpane[\\/](strings\.views|viewStrings)\.ts$/,
            chunks: "async",
            name: "strings-views",
            priority: 30,
            enforce: true,
          },
          defaultVendors: { test: /[\\/]node_modules[\\/]/, name: "vendors", priority: -10 },
          default: false,
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new FunctionsMetadataExtrasPlugin(url),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      ...(preview
        ? [new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["functions", "preview"], chunksSortMode: "manual" })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (url === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(url)),
          },
        ],
      }),
    ],
    // The 250 KB gzipped budget (issue 13) is checked on real gzip sizes by scripts/check-build.mjs (npm run check:build).
    performance: { hints: false },
    devServer: serving
      ? {
          port: parseNumber(process.env.ADDIN_PORT, "ADDIN_PORT must be a port number, e.g. 3100.") ?? 3000,
          host: "localhost",
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
