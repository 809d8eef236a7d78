// Which operation a request is, from the spec's method and path templates.
import { operations } from "../../../generated/request-rules";
import type { OperationId } from "../../rules/request";

interface RouteRule {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const ROUTES: RouteRule[] = Object.entries(operations).map(([operationId, rule]) => {
  const names: string[] = [];
  const source = rule.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  // ASP.NET routes match in any casing.
  return {
    operationId: operationId as OperationId,
    method: rule.method,
    pattern: new RegExp(`^${source}$`, "i"),
    names,
  };
});

export interface Matched {
  operationId: OperationId;
  path: Record<string, string | number>;
}

const decode = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** A path the spec has, asked with a method it does not: the methods it takes, for `Allow`. */
export interface WrongMethod {
  allow: string[];
}

/** What a request's method and path route to: an operation, a wrong method, a bad escape, or nothing. */
export type Route = Matched | WrongMethod | "escape" | undefined;

/**
 * The operation for `method` and `pathname` (one trailing slash ignored, as ASP.NET routing does),
 * its path parameters decoded; the methods allowed if only the method is wrong; "escape" if a
 * parameter is not valid percent-encoding.
 */
export function matchRoute(method: string, pathname: string): Route {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const allow: string[] = [];
  for (const route of ROUTES) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    if (route.method !== method) {
      if (!allow.includes(route.method)) allow.push(route.method);
      continue;
    }
    const parameters: Record<string, string | number> = {};
    for (const [i, name] of route.names.entries()) {
      const value = decode(found[i + 1]!);
      if (value === undefined) return "escape";
      parameters[name] = name === "line_item_number" && /^-?\d+$/.test(value) ? Number(value) : value;
    }
    return { operationId: route.operationId, path: parameters };
  }
  return allow.length ? { allow } : undefined;
}
