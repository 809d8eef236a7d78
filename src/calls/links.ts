// Following a Link the API returns: where it points, relative to the client's API root.
import type { Link } from "../../generated/schema";
import type { ValidationProblem } from "../errors";
import { printable } from "../internal/printable";
import { headerValueProblems } from "../rules/bind-request";

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * Headers the client or its transport sets: where the request goes and how it is framed, whose
 * credentials and ids it carries. A link, which a server wrote, may set none of them.
 */
const OWNED_HEADERS = new Set([
  "host",
  "authorization",
  "proxy-authorization",
  "cookie",
  "ms-requestid",
  "ms-correlationid",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
]);

/** A Link as the API returns it; `method` defaults to GET as the spec says. */
export type LinkInput = Omit<Link, "method"> & { method?: string };

export interface ResolvedLink {
  method: string;
  /** Path and query relative to the API root (the root carries the version segment). */
  path: string;
  headers: Record<string, string>;
}

/**
 * Resolves `link` against `baseUrl`. Link URIs are relative, with or without the `/v1` the root
 * already ends in (the .NET SDK adds it when missing). Wherever a link points, once resolved (dot
 * segments and their percent-encoded forms included) it must stay under the root: the bearer
 * token goes wherever the link points.
 */
export function resolveLink(link: LinkInput, baseUrl: string): ResolvedLink | ValidationProblem[] {
  if (link === null || typeof link !== "object") return [{ path: "link", message: "must be an object with a uri" }];
  const problems: ValidationProblem[] = [];
  const uri = typeof link?.uri === "string" ? link.uri.trim() : "";
  const root = new URL(baseUrl);
  const rootPath = root.pathname.replace(/\/+$/, "");
  let target: URL | undefined;
  if (/^https?:\/\//i.test(uri)) {
    target = URL.canParse(uri) ? new URL(uri) : undefined;
  } else if (uri.startsWith("/") && !uri.startsWith("//")) {
    target = new URL(`${rootPath}${uri.replace(/^\/v\d+(?=\/|\?|$)/i, "")}`, root.origin);
  }
  let path: string | undefined;
  if (!target) {
    problems.push({
      path: "link.uri",
      message: `must be a path or a URL under ${baseUrl}, got ${typeof link.uri === "string" ? JSON.stringify(printable(link.uri, 100)) : typeof link.uri}`,
    });
  } else if (
    target.origin !== root.origin ||
    !(target.pathname === rootPath || target.pathname.startsWith(`${rootPath}/`))
  ) {
    problems.push({ path: "link.uri", message: `points outside ${baseUrl}; the client sends its token only there` });
  } else {
    path = (target.pathname.slice(rootPath.length) || "/") + target.search;
  }
  const given = link?.method ?? "GET";
  const method = typeof given === "string" ? given.toUpperCase() : "";
  if (!METHODS.has(method))
    problems.push({ path: "link.method", message: `must be one of ${[...METHODS].join(", ")}` });
  // Header names are the server's data: a null-prototype object keeps `__proto__` a header.
  const headers = Object.create(null) as Record<string, string>;
  const list: unknown = link?.headers ?? [];
  if (!Array.isArray(list)) problems.push({ path: "link.headers", message: "must be an array of { key, value }" });
  (Array.isArray(list) ? (list as LinkInput["headers"] & object) : []).forEach((header, i) => {
    if (typeof header?.key !== "string" || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(header.key)) {
      problems.push({ path: `link.headers[${i}].key`, message: "must be a header name" });
    } else if (OWNED_HEADERS.has(header.key.toLowerCase())) {
      problems.push({
        path: `link.headers[${i}].key`,
        message: `must not be ${header.key}: the client sets it, never a link`,
      });
    } else if (typeof header.value !== "string") {
      problems.push({ path: `link.headers[${i}].value`, message: "must be a string" });
    } else {
      problems.push(...headerValueProblems(header.value, `link.headers[${i}].value`));
      headers[header.key] = header.value;
    }
  });
  return problems.length || path === undefined ? problems : { method, path, headers };
}
