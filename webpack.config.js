/* Build of the PROD add-in: one page (taskpane.html) that loads both the
 * task pane and the custom functions bundles — the shared runtime. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_BASE_URL = "https://localhost:3000/";

// Production hosting: ADDIN_BASE_URL=https://example.com/prod/ npm run build
function baseUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return DEV_BASE_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https URL ending in "/", got "${url}"`);
  }
  return url;
}

function rewriteManifest(content, base) {
  return content.toString().split(DEV_BASE_URL).join(base);
}

// Excel desktop needs a CA it trusts: office-addin-dev-certs installs one in
// the user's store (Windows/macOS). Elsewhere (Linux, CI, no sudo) a plain
// self-signed pair from scripts/certs.mjs. ADDIN_DEV_CERTS=office|self overrides.
function useOfficeDevCerts() {
  const choice = process.env.ADDIN_DEV_CERTS;
  if (choice) return choice === "office";
  return !process.env.CI && (process.platform === "win32" || process.platform === "darwin");
}

async function devServerHttps() {
  if (useOfficeDevCerts()) {
    const { key, cert, ca } = await require("office-addin-dev-certs").getHttpsServerOptions();
    return { key, cert, ca };
  }
  const { ensureCerts } = await import("./scripts/certs.mjs");
  const { key, cert } = await ensureCerts(__dirname);
  return { key, cert };
}

/*
 * Each function's page of the docs (docs/functions/<NAME>.md), opened from the pane's Functions
 * reference. A function without a page fails the build, so no link of the pane is ever a 404.
 */
function functionDocPages() {
  const fs = require("fs");
  const names = [...fs.readFileSync("src/functions/functions.ts", "utf8").matchAll(/@customfunction (\w+)/g)].map(
    (m) => m[1],
  );
  return names.map((name) => {
    const page = `docs/functions/${name}.md`;
    if (!fs.existsSync(page)) throw new Error(`${name} has no page: ${page}`);
    return { from: page, to: page };
  });
}

module.exports = async (env, argv) => {
  const base = baseUrl();
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: argv.mode === "development" ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type-check what is bundled, not every test file in tsconfig.
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } },
        },
      ],
    },
    performance: {
      // office.js is not bundled; our own code must stay small.
      maxAssetSize: 300 * 1024,
      maxEntrypointSize: 300 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: functions must be registered by the page itself.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...functionDocPages(),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content, base),
          },
        ],
      }),
    ],
    devServer: {
      // Loopback only: the dev build is not for the network.
      host: "localhost",
      port: 3000,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttps() } : "https",
    },
  };
};
