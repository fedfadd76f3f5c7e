// Development key + self-signed certificate for https://localhost:3000.
// Generated directly and cached in .certs/ so that no CA is ever installed
// (this machine has no sudo); the user trusts it once in the browser.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { X509Certificate } from "node:crypto";
import selfsigned from "selfsigned";

const DAY_MS = 24 * 60 * 60 * 1000;

export function certPaths(root) {
  const dir = join(root, ".certs");
  return { dir, key: join(dir, "localhost.key"), cert: join(dir, "localhost.crt") };
}

function stillValid(certPem) {
  try {
    const cert = new X509Certificate(certPem);
    // Renew a week early so a long session does not hit expiry.
    return Date.parse(cert.validTo) - Date.now() > 7 * DAY_MS;
  } catch {
    return false;
  }
}

export async function ensureCerts(root) {
  const paths = certPaths(root);
  if (existsSync(paths.key) && existsSync(paths.cert)) {
    const cert = readFileSync(paths.cert, "utf8");
    if (stillValid(cert)) return { key: readFileSync(paths.key, "utf8"), cert, ...paths };
  }
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(Date.now() + 365 * DAY_MS);
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.key, pems.private, { mode: 0o600 });
  writeFileSync(paths.cert, pems.cert);
  return { key: pems.private, cert: pems.cert, ...paths };
}
