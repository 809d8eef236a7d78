// What to do with a page of a list: its items, and the link to follow next, or why the list ends
// here. A pure decision; pc.orders.list is the loop that applies it. A server cannot steer paging
// off its path: only GET links are followed, a page seen before means the pages loop, and no list
// is longer than maxPages.
import type { Link } from "../../generated/schema";
import { resolveLink } from "./links";
import { printable } from "../internal/printable";
import { asText } from "../internal/as-text";

/**
 * More pages than any customer's orders fill at the service's page sizes: 10,000 pages of 100 is
 * a million orders. A list this long is a server that does not stop.
 */
export const DEFAULT_MAX_PAGES = 10_000;

export interface PagingState {
  /**
   * Every page asked for so far, by where it is and the continuation token it was asked with; the
   * first page's is added once it links to another.
   */
  readonly seen: Set<string>;
  pages: number;
  /** The first page's path with its query, as a next link would name it. */
  readonly firstPath: () => string;
}

/** A page's items, then either the link to the next page, the end, or why the list must end in error. */
export interface PageStep {
  items: Record<string, unknown>[];
  next?: Link;
  problem?: string;
}

/**
 * How a page is known: its path under the API root (in any casing, as the service routes it),
 * its query (in any order) and the continuation token that picks it.
 */
export function pageKey(path: string, headers: Record<string, string> = {}): string {
  const token = Object.entries(headers).find(([name]) => name.toLowerCase() === "ms-continuationtoken")?.[1] ?? "";
  const at = path.indexOf("?");
  const route = (at === -1 ? path : path.slice(0, at)).toLowerCase().replace(/\/+$/, "");
  const query = new URLSearchParams(at === -1 ? "" : path.slice(at + 1));
  query.sort();
  return `${route}?${query.toString()}\n${token}`;
}

/** A first page's path with the query it was asked with, as a next link would name it. */
export function pathWithQuery(path: string, query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null) search.append(name, asText(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function readPage(page: unknown, state: PagingState, baseUrl: string, maxPages: number): PageStep {
  const items = (page as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return { items: [], problem: `page ${state.pages} has no items array` };
  const bad = items.findIndex((item) => item === null || typeof item !== "object" || Array.isArray(item));
  if (bad !== -1) return { items: [], problem: `item ${bad} of page ${state.pages} is not an object` };
  const orders = items as Record<string, unknown>[];
  const next = (page as { links?: { next?: Link } }).links?.next;
  if (!next) return { items: orders };
  const method = (typeof next.method === "string" ? next.method : "GET").toUpperCase();
  if (method !== "GET")
    return {
      items: orders,
      problem: `links.next of page ${state.pages} asks for ${printable(method, 20)}; a page is only ever read with GET`,
    };
  const target = resolveLink(next, baseUrl);
  if (Array.isArray(target))
    return {
      items: orders,
      problem: `links.next of page ${state.pages}: ${target.map((p) => `${p.path} ${p.message}`).join("; ")}`,
    };
  const key = pageKey(target.path, target.headers);
  if (state.seen.size === 0) state.seen.add(pageKey(state.firstPath()));
  if (state.seen.has(key))
    return {
      items: orders,
      problem: `links.next of page ${state.pages} leads to a page already read (${printable(target.path, 100)}): the pages loop`,
    };
  if (state.pages >= maxPages)
    return { items: orders, problem: `the list did not end after ${maxPages} pages (maxPages)` };
  state.seen.add(key);
  return { items: orders, next };
}
