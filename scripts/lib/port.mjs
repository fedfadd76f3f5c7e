// Whether a TCP port can be bound on loopback (both IPv4 and IPv6), which is
// how we tell "free" from "held by some process".
import { createServer } from "node:net";

function canListen(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (err) => resolve(err.code === "EADDRNOTAVAIL" || err.code === "EAFNOSUPPORT"));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function portIsFree(port) {
  return (await canListen(port, "127.0.0.1")) && (await canListen(port, "::1")) && (await canListen(port, undefined));
}
