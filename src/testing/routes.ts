// Which operation a request is, from the spec's method and path templates.
import { operations } from "../../generated/request-rules";
import type { OperationId } from "../validation/request";

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
  return { operationId: operationId as OperationId, method: rule.method, pattern: new RegExp(`^${source}$`), names };
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

/** What a request's method and path route to: an operation, a wrong method, a bad escape, or nothing. */
export type Route = Matched | "method" | "escape" | undefined;

/**
 * The operation for `method` and `pathname`, its path parameters decoded; "method" if only the
 * method is wrong, "escape" if a parameter is not valid percent-encoding.
 */
export function matchRoute(method: string, pathname: string): Route {
  let pathMatched = false;
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const path: Record<string, string | number> = {};
    for (const [i, name] of route.names.entries()) {
      const value = decode(found[i + 1]!);
      if (value === undefined) return "escape";
      path[name] = name === "line_item_number" && /^-?\d+$/.test(value) ? Number(value) : value;
    }
    return { operationId: route.operationId, path };
  }
  return pathMatched ? "method" : undefined;
}
