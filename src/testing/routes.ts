// Which operation a request is, from the spec's method and path templates.
import { operations } from "../../generated/request-rules";
import type { OperationId } from "../validation/request";

interface Route {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const ROUTES: Route[] = Object.entries(operations).map(([operationId, rule]) => {
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

/** The operation for `method` and `pathname`, its path parameters decoded; "method" if only the method is wrong. */
export function matchRoute(method: string, pathname: string): Matched | "method" | undefined {
  let pathMatched = false;
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const path: Record<string, string | number> = {};
    route.names.forEach((name, i) => {
      const value = decodeURIComponent(found[i + 1]!);
      path[name] = name === "line_item_number" && /^-?\d+$/.test(value) ? Number(value) : value;
    });
    return { operationId: route.operationId, path };
  }
  return pathMatched ? "method" : undefined;
}
