// npm start: sideload into Excel desktop where it exists (Windows, macOS) and
// office-addin-debugging is installed; elsewhere build, serve dist/ over https on
// localhost:3000 in the background, say why, and print how to sideload into
// Excel on the web. `npm start -- --web` forces the second path on any machine.
import { spawn, spawnSync } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { get } from "node:https";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCerts } from "./certs.mjs";
import { portIsFree } from "./lib/port.mjs";
import { hasOfficeAddinDebugging, startMode } from "./lib/start-mode.mjs";
import { isAlive, isOurServer, readState, writeState } from "./lib/state.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
const BASE = `https://localhost:${PORT}/`;
const LOG = join(ROOT, "addin-server.log");

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env, shell: process.platform === "win32" });
  return result.status === 0;
}

function sideloadDesktop() {
  // office-addin-debugging installs its dev CA in the user's store here, which
  // Excel desktop needs; webpack.config.js picks those certs up.
  const env = { ...process.env, ADDIN_DEV_CERTS: "office" };
  if (!run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], env)) {
    fail(
      "office-addin-debugging could not sideload. Try `npm start -- --web` and upload manifest.xml to Excel on the web.",
    );
  }
  writeState(ROOT, { mode: "sideload" });
}

function answers(url) {
  return new Promise((done) => {
    const req = get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on("error", () => done(false));
    req.on("timeout", () => req.destroy());
  });
}

async function waitUntilServing(child, seconds) {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null || !isAlive(child.pid)) return false;
    if (await answers(`${BASE}taskpane.html`)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function lastLines(file, n) {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-n).join("\n");
  } catch {
    return "";
  }
}

async function serveForWeb(reason) {
  const previous = readState(ROOT);
  if (previous?.pid && isOurServer(previous.pid)) {
    fail(`the add-in server is already running (pid ${previous.pid}). Run \`npm stop\` first.`);
  }
  if (!(await portIsFree(PORT))) {
    fail(`port ${PORT} is already in use by another program; stop it (or run \`npm stop\` if it is ours) and retry.`);
  }
  // Served from localhost, so build without a production base URL.
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  console.log("Building the add-in (npm run build)…");
  if (!run("npx", ["webpack", "--mode", "production"], env)) fail("the build failed (see above); nothing is served.");

  const certs = await ensureCerts(ROOT);
  const log = openSync(LOG, "w");
  const child = spawn(
    process.execPath,
    [join(ROOT, "scripts", "serve.mjs"), join(ROOT, "dist"), certs.key, certs.cert, String(PORT)],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", log, log],
    },
  );
  child.unref();
  writeState(ROOT, { mode: "web", pid: child.pid, port: PORT, log: LOG });

  if (!(await waitUntilServing(child, 20))) {
    if (isAlive(child.pid)) process.kill(child.pid, "SIGTERM");
    fail(`the server did not answer on ${BASE}.\n${lastLines(LOG, 5)}`);
  }
  printWebSteps(certs.cert, reason);
}

function printWebSteps(certFile, reason) {
  console.log(`
The add-in is served at ${BASE} (pid recorded in .addin-server.pid, log in addin-server.log).
Not sideloading into Excel desktop: ${reason}
Sideload into Excel on the web instead; keep this server running while Excel uses the add-in:

  1. Trust the development certificate once, in the browser you will use:
     open ${BASE}taskpane.html and accept the warning
     (Chrome/Edge: "Advanced" > "Proceed to localhost";
     Firefox: "Advanced" > "Accept the Risk and Continue"); the page must then load.
     Or import ${certFile} as a trusted certificate in the browser's settings.
     Until then Excel on the web shows the add-in as failing to load.
  2. Open a workbook in Excel on the web (https://www.office.com > Excel).
  3. Home > Add-ins > More Add-ins (or Insert > Add-ins) > Upload My Add-in,
     choose ${join(ROOT, "manifest.xml")}, then Upload.
  4. Type =PROD. in a cell to see the functions; Home > PROD opens the task pane.

Stop the server with: npm stop
`);
}

const choice = startMode({
  platform: process.platform,
  argv: process.argv,
  env: process.env,
  debugging: hasOfficeAddinDebugging(ROOT),
});
if (choice.mode === "desktop") sideloadDesktop();
else await serveForWeb(choice.reason);
