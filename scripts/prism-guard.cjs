// A guard in front of Prism 5.14.2 for multipart/form-data requests (createOrderAttachments),
// which Prism cannot take: a file part without its own Content-Type makes its multipart parser
// throw outside any handler, and the whole mock exits (`npm run mock` dies); and it never decodes
// a JSON part or repeated file parts, so it refuses every valid upload, the spec's own example
// included ("Metadata must be object", "POFiles must be array"). The guard reads such a body as
// ASP.NET binds it (part names in any casing, a part without a filename is no file), validates it
// with Ajv against the spec's own schema, and answers the documented 400 or the spec's 201
// example. Every other request goes to Prism untouched.
const { createServer, request: forward } = require("node:http");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const spec = require("../generated/openapi.json");

const PATH = "/customers/{customer_id}/orders/{order_id}/attachment";
const ROUTE = /^\/(?:v1\/)?customers\/[^/]+\/orders\/[^/]+\/attachment\/?$/i;
const operation = spec.paths[PATH].post;
const media = operation.requestBody.content["multipart/form-data"];
const created = operation.responses["201"].content["application/json"];
const createdExample = Object.values(created.examples ?? {})[0];
const example = createdExample?.$ref
  ? spec.components.examples[createdExample.$ref.split("/").pop()].value
  : createdExample?.value;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, "openapi.json");
const resolve = (node) =>
  node?.$ref
    ? resolve(
        node.$ref
          .split("/")
          .slice(1)
          .reduce((at, key) => at[key], spec),
      )
    : node;
const schema = resolve(media.schema);
const validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${media.schema.$ref.split("/").pop()}` });

const MAX_BODY = 8 * 1024 * 1024;

function answer(response, status, body, requestId) {
  response.writeHead(status, {
    "Content-Type": "application/json",
    ...(requestId ? { "MS-RequestId": requestId } : {}),
  });
  response.end(JSON.stringify(body));
}

const fault = (data) => ({ code: 400, description: "Invalid request input.", data, source: "PrismGuard" });

/** The upload as the service binds it: the spec's part names in any casing, JSON parts parsed, files by name. */
async function bound(raw, contentType) {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  const names = new Map(Object.keys(schema.properties ?? {}).map((name) => [name.toLowerCase(), name]));
  const body = {};
  for (const [given, value] of form) {
    const name = names.get(given.toLowerCase());
    if (!name) continue;
    const property = resolve(schema.properties[name]);
    if (property.type === "array") {
      // A part without a filename is a form value, not a file: ASP.NET binds no IFormFile from it.
      if (typeof value !== "string") (body[name] ??= []).push(value.name);
    } else {
      body[name] = JSON.parse(typeof value === "string" ? value : await value.text());
    }
  }
  return body;
}

async function guarded(request, response, raw) {
  const contentType = String(request.headers["content-type"] ?? "");
  const requestId = request.headers["ms-requestid"];
  let body;
  try {
    body = await bound(raw, contentType);
  } catch {
    return answer(response, 400, fault(["The multipart/form-data body could not be read."]), requestId);
  }
  if (!validate(body))
    return answer(
      response,
      400,
      fault(validate.errors.map((e) => `body${e.instancePath.replace(/\//g, ".")} ${e.message}`)),
      requestId,
    );
  answer(response, 201, example, requestId);
}

/** Starts the guard on `port` in front of the Prism at `upstream` (its port). Resolves to the server. */
function startGuard(port, upstreamPort) {
  const server = createServer((request, response) => {
    const multipart = /^multipart\/form-data/i.test(String(request.headers["content-type"] ?? ""));
    if (multipart && request.method === "POST" && ROUTE.test(new URL(request.url, "http://guard").pathname)) {
      const chunks = [];
      let size = 0;
      request.on("data", (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY) request.destroy();
        else chunks.push(chunk);
      });
      request.on(
        "end",
        () =>
          void guarded(request, response, Buffer.concat(chunks)).catch(() =>
            answer(response, 400, fault(["The request could not be read."])),
          ),
      );
      request.on("error", () => response.destroy());
      return;
    }
    const upstream = forward(
      { host: "127.0.0.1", port: upstreamPort, method: request.method, path: request.url, headers: request.headers },
      (answered) => {
        response.writeHead(answered.statusCode ?? 502, answered.headers);
        answered.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent)
        answer(response, 502, { code: 502, description: "The Prism mock behind the guard did not answer." });
      else response.destroy();
    });
    request.pipe(upstream);
  });
  return new Promise((resolveStarted, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveStarted(server));
  });
}

module.exports = { startGuard };
