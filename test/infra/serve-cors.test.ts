/**
 * Excel on the web fetches functions.json from the add-in's server, from another origin: the server
 * must send CORS headers or the functions never register there. scripts/serve.mjs (what `npm start`
 * runs) is started on a free port with a throwaway certificate and asked as a browser would.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./build";
// @ts-expect-error plain ESM script without types
import { ensureCerts } from "../../scripts/certs.mjs";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function ask(url: string, method: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const EXCEL_ON_THE_WEB = "https://excel.officeapps.live.com";
let server: ChildProcess;
let base = "";

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "prod-serve-"));
  const dist = join(dir, "dist");
  mkdirSync(dist);
  writeFileSync(join(dist, "functions.json"), JSON.stringify({ functions: [{ id: "YOY_GROWTH" }] }));
  const certs = await ensureCerts(dir);
  const port = await freePort();
  server = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), dist, certs.key, certs.cert, String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((ready, fail) => {
    server.stdout!.on("data", (d: Buffer) => d.toString().includes("serving") && ready());
    server.on("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  base = `https://127.0.0.1:${port}/`;
}, 60_000);

afterAll(() => {
  server?.kill("SIGTERM");
});

describe("scripts/serve.mjs sends the CORS headers Excel on the web needs for functions.json", () => {
  it("a cross-origin GET of functions.json is allowed from any origin", async () => {
    const got = await ask(`${base}functions.json`, "GET", { Origin: EXCEL_ON_THE_WEB });
    expect(got.status).toBe(200);
    expect(got.headers["access-control-allow-origin"]).toBe("*");
    expect(got.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(got.body).functions[0].id).toBe("YOY_GROWTH");
  });

  it("a preflight (OPTIONS) is answered 204 with the methods and the headers asked for", async () => {
    const got = await ask(`${base}functions.json`, "OPTIONS", {
      Origin: EXCEL_ON_THE_WEB,
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "cache-control, x-requested-with",
    });
    expect(got.status).toBe(204);
    expect(got.headers["access-control-allow-origin"]).toBe("*");
    expect(String(got.headers["access-control-allow-methods"]).split(/,\s*/)).toContain("GET");
    expect(got.headers["access-control-allow-headers"]).toBe("cache-control, x-requested-with");
  });

  it("a missing file is still 404, with the same header, so the browser shows the real error", async () => {
    const got = await ask(`${base}nothing.json`, "GET", { Origin: EXCEL_ON_THE_WEB });
    expect(got.status).toBe(404);
    expect(got.headers["access-control-allow-origin"]).toBe("*");
  });
});
