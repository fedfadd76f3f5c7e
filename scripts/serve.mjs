// Static https server for dist/ on localhost:3000, used by `npm start` where
// Excel desktop cannot sideload (Linux, CI). Started detached by start.mjs.
// Usage: node scripts/serve.mjs <distDir> <keyFile> <certFile> [port]
import { createServer } from "node:https";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const [distDir, keyFile, certFile, portArg] = process.argv.slice(2);
const port = Number(portArg || 3000);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

function fileFor(urlPath) {
  const path = decodeURIComponent(urlPath.split("?")[0]);
  const file = normalize(join(distDir, path === "/" ? "taskpane.html" : path));
  if (file !== distDir && !file.startsWith(distDir.endsWith(sep) ? distDir : distDir + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function handle(req, res) {
  let file;
  try {
    file = fileFor(req.url || "/");
  } catch {
    file = null; // malformed escape in the URL
  }
  // Excel on the web reads functions.json (and the other files) from its own origin, so every
  // answer allows any origin, and a preflight (OPTIONS) is answered too. Icons must not carry
  // Cache-Control, so nothing here sets it.
  res.setHeader("Access-Control-Allow-Origin", "*");
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] || "*",
      "Access-Control-Max-Age": "600",
    });
    res.end();
    return;
  }
  if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(file ? 405 : 404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(file ? "method not allowed\n" : "not found\n");
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] || "application/octet-stream",
    "Content-Length": statSync(file).size,
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
}

const options = { key: readFileSync(keyFile), cert: readFileSync(certFile) };
// Loopback only, on both IPv4 and IPv6: browsers resolve localhost to either.
const hosts = ["127.0.0.1", "::1"];
for (const host of hosts) {
  const server = createServer(options, handle);
  server.on("error", (err) => {
    if (host === "::1" && err.code === "EADDRNOTAVAIL") return; // no IPv6 here
    console.error(
      `serve: cannot listen on ${host}:${port}: ${err.code === "EADDRINUSE" ? "the port is already in use" : err.message}`,
    );
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`serve: https://${host.includes(":") ? `[${host}]` : host}:${port}/ serving ${distDir}`);
  });
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
