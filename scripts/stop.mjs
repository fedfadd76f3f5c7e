// npm stop: undoes what `npm start` started, and checks port 3000 is free.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { portIsFree } from "./lib/port.mjs";
import { clearState, isAlive, isOurServer, readState } from "./lib/state.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;

async function stopServer(pid) {
  // Only kill a pid that is still our server.
  if (!isOurServer(pid)) return;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  console.log(`Stopped the add-in server (pid ${pid}).`);
}

const state = readState(ROOT);
if (state?.mode === "sideload") {
  spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
} else if (state?.pid) {
  await stopServer(state.pid);
} else {
  console.log("No add-in server recorded by npm start.");
}
clearState(ROOT);

let free = await portIsFree(PORT);
for (let i = 0; i < 20 && !free; i++) {
  await new Promise((r) => setTimeout(r, 100));
  free = await portIsFree(PORT);
}
if (!free) {
  console.error(`npm stop: port ${PORT} is still in use by a program npm start did not start; stop it yourself.`);
  process.exit(1);
}
