// pc.follow: any Link the API returns (provisioningStatus, patchOperation, activationLinks, next),
// resolved against the API root and sent as the operations are.
import { PartnerCenterValidationError } from "../errors";
import type { CallOptions } from "../options";
import { callIds, callOptionProblems, exchange, type ClientCore } from "./call";
import { resolveLink, type LinkInput } from "./links";

export interface FollowOptions extends CallOptions {
  /** JSON body to send, for links whose method takes one (patchOperation). */
  body?: unknown;
}

export function followLinks(core: ClientCore) {
  return async function follow<T = unknown>(link: LinkInput, options: FollowOptions = {}): Promise<T> {
    const target = resolveLink(link, core.baseUrl);
    const ids = callIds(options);
    const problems = [...(Array.isArray(target) ? target : []), ...callOptionProblems(options)];
    if (problems.length || Array.isArray(target)) throw new PartnerCenterValidationError("follow", problems);
    const init = { params: { header: target.headers }, body: options.body };
    return exchange<T>(core, target.method, target.path, init, ids, options);
  };
}
