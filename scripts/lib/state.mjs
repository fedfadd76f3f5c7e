// What `npm start` left running, so `npm stop` can undo exactly that.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const stateFile = (root) => join(root, ".addin-server.pid");

export function readState(root) {
  const file = stateFile(root);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export function writeState(root, state) {
  writeFileSync(stateFile(root), JSON.stringify(state, null, 2) + "\n");
}

export function clearState(root) {
  rmSync(stateFile(root), { force: true });
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** True when pid is alive and still our server (pids get reused after a reboot). */
export function isOurServer(pid) {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return process.platform !== "linux";
  return readFileSync(cmdline, "utf8").includes("serve.mjs");
}
