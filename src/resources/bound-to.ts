// A resource's methods are its per-operation functions with the client bound as their first argument.
import type { PartnerCenterCore } from "../calls/core-handle";

export function boundTo(client: PartnerCenterCore) {
  return <A extends unknown[], R>(operation: (client: PartnerCenterCore, ...args: A) => R) =>
    (...args: A): R =>
      operation(client, ...args);
}
