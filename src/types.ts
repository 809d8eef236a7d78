// The spec's types by name, for consumers who want the types alone ("partner-center-orders/types").
export type * from "../generated/schema";
