// A real HTTP proxy (the `proxy` package, CONNECT included) in its own process, for the proxy
// tests: `node proxy-process.mjs open|auth|refuse`. It prints `listening <port>`, then one JSON
// line per request it relays or refuses: `{ method, target, authorized }`. `auth` takes only
// Basic user:s3cret; `refuse` takes nobody (407 to everything).
import { createServer } from "node:http";
import { createProxy } from "proxy";

const mode = process.argv[2] ?? "open";
const server = createProxy(createServer());
const log = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const expected = `Basic ${Buffer.from("user:s3cret").toString("base64")}`;
server.authenticate = (request) => {
  const authorized = mode === "open" || (mode === "auth" && request.headers["proxy-authorization"] === expected);
  log({ method: request.method, target: request.url, authorized });
  return authorized;
};
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
