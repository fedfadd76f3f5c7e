/**
 * End to end: `npm start` on a machine without Excel desktop builds and serves the add-in over
 * https on localhost:3000; every URL in the manifest answers 200; `npm stop` frees the port.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { createServer, Server } from "node:net";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, ROOT } from "./build";
// @ts-expect-error plain ESM script without types
import { manifestUrls } from "../../scripts/lib/manifest-rules.mjs";

const PID_FILE = join(ROOT, ".addin-server.pid");

function npm(script: "start" | "stop") {
  // --web: take the Linux path even on a Windows/macOS developer machine.
  const args = script === "start" ? ["run", "start", "--", "--web"] : ["run", "stop"];
  const run = spawnSync("npm", args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: BUILD_TIMEOUT_MS - 20_000,
    env: { ...process.env, CI: "true" },
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function fetchInsecure(url: string, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // The certificate is self-signed by design (no CA is installed).
    const req = request(url, { method, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function listenOn3000(host?: string): Promise<Server | NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (err) => resolve(err as NodeJS.ErrnoException));
    server.listen(3000, host, () => resolve(server));
  });
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

function manifestUrlList(): string[] {
  const doc = new DOMParser().parseFromString(readFileSync(join(ROOT, "manifest.xml"), "utf8"), "text/xml");
  return [...new Set<string>(manifestUrls(doc).map((u: { url: string }) => u.url))];
}

describe("npm start / npm stop without Excel desktop", () => {
  let started: { code: number | null; out: string };

  beforeAll(async () => {
    const probe = await listenOn3000();
    if (!(probe instanceof Server))
      throw new Error(`port 3000 is busy before the test (${probe.code}); stop what holds it (npm stop)`);
    await close(probe);
    started = npm("start");
  }, BUILD_TIMEOUT_MS);

  afterAll(() => {
    if (existsSync(PID_FILE)) npm("stop");
  }, 60_000);

  it("npm start exits 0 and prints how to sideload into Excel on the web and trust the certificate", () => {
    expect(started.out).toContain("Not sideloading into Excel desktop: you asked for Excel on the web (--web).");
    expect(started.out).toContain("keep this server running while Excel uses the add-in");
    expect(started.out).toContain("Upload My Add-in");
    expect(started.out).toContain("Proceed to localhost");
    expect(started.code).toBe(0);
  });

  it("every URL in the manifest answers 200 over https", async () => {
    const urls = manifestUrlList();
    expect(urls).toContain("https://localhost:3000/functions.json");
    for (const url of urls) {
      expect((await fetchInsecure(url)).status, url).toBe(200);
    }
  });

  it("the scripts and styles the page itself loads answer 200 too", async () => {
    const page = await fetchInsecure("https://localhost:3000/taskpane.html");
    const local = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((ref) => !/^[a-z]+:/i.test(ref));
    expect(local).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "taskpane.css"]));
    for (const ref of local) {
      expect((await fetchInsecure(new URL(ref, "https://localhost:3000/taskpane.html").href)).status, ref).toBe(200);
    }
  });

  it("icons are served as PNG without Cache-Control, and unknown paths are 404", async () => {
    const icon = await fetchInsecure("https://localhost:3000/assets/icon-32.png");
    expect(icon.headers["content-type"]).toBe("image/png");
    expect(icon.headers["cache-control"]).toBeUndefined();
    expect((await fetchInsecure("https://localhost:3000/no-such-file.js")).status).toBe(404);
    expect((await fetchInsecure("https://localhost:3000/%2e%2e/package.json")).status).toBe(404);
  });

  it("a second npm start refuses instead of pretending to serve", () => {
    const again = npm("start");
    expect(again.code).not.toBe(0);
    expect(again.out).toContain("already running");
  });

  it("npm stop leaves port 3000 free", async () => {
    const stopped = npm("stop");
    expect(stopped.code).toBe(0);
    expect(existsSync(PID_FILE)).toBe(false);
    for (const host of [undefined, "127.0.0.1"]) {
      const server = await listenOn3000(host);
      expect(server, `listen on ${host ?? "all interfaces"}`).toBeInstanceOf(Server);
      if (server instanceof Server) await close(server);
    }
  }, 60_000);

  it("npm start fails with a message when another program holds port 3000", async () => {
    const squatter = await listenOn3000("127.0.0.1");
    expect(squatter).toBeInstanceOf(Server);
    try {
      const blocked = npm("start");
      expect(blocked.code).not.toBe(0);
      expect(blocked.out).toContain("port 3000 is already in use");
      expect(existsSync(PID_FILE)).toBe(false);
    } finally {
      if (squatter instanceof Server) await close(squatter);
    }
  });
});
