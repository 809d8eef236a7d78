// The loop that reads a list page after page as `links.next` leads (paging.ts decides each step),
// holding one page at a time; pc.orders.list and pc.subscriptions.listByOrder are its callers.
import { PartnerCenterError, PartnerCenterValidationError } from "../errors";
import type { CallOptions } from "../options";
import type { LinkInput } from "./links";
import { callIds, type CallIds } from "./call";
import { DEFAULT_MAX_PAGES, readPage, type PagingState } from "./paging";
import { wholeNumberProblems } from "../rules/is-whole";

/** Follows a link; provided by the client so that lists can page. */
export type Follow = <T>(link: LinkInput, options?: CallOptions) => Promise<T>;

export interface ListOptions extends CallOptions {
  /** The most pages read before the list is taken to be endless. Default 10,000 (DEFAULT_MAX_PAGES). */
  maxPages?: number | undefined;
}

export interface ListRequest {
  operationId: string;
  /** What the list is of, for an error message ("customer <id>"). */
  subject: string;
  /**
   * The first page's path under the API root, which a `next` link must not lead back to; made only
   * if the first page has one (most lists are one page, and the path costs a URLSearchParams).
   */
  firstPath: () => string;
  /** Reads the first page with these ids. */
  first(ids: CallIds): Promise<unknown>;
}

/** Every item of every page. Each page is its own call with its own ids; the caller's ids belong to the first. */
export async function* listPages<T>(
  list: ListRequest,
  options: ListOptions,
  follow: Follow,
  baseUrl: string,
): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const problems = wholeNumberProblems(maxPages, "options.maxPages", { min: 1, unit: "pages" });
  if (problems.length) throw new PartnerCenterValidationError(list.operationId, problems);
  // Each page's ids are known here, so that an error about a page can name them.
  let ids = callIds(options);
  const state: PagingState = { seen: new Set(), pages: 1, firstPath: list.firstPath };
  let page = await list.first(ids);
  for (;;) {
    const step = readPage(page, state, baseUrl, maxPages);
    for (const item of step.items) yield item as T;
    if (step.problem) {
      throw new PartnerCenterError(`${list.operationId} for ${list.subject} stopped: ${step.problem}`, {
        code: "INVALID_RESPONSE",
        isRetryable: false,
        method: "GET",
        ...ids,
      });
    }
    if (!step.next) return;
    ids = callIds({});
    page = await follow<unknown>(step.next, { signal: options.signal, timeoutMs: options.timeoutMs, ...ids });
    state.pages += 1;
  }
}
