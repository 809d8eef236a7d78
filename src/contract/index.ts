// partner-center-orders/contract: for services that consume Partner Center or mock it. Validators
// for requests (as the service binds them) and answers (generated from the spec), every named
// example of the spec, typed, and test matchers for Jest and Vitest. The client entry imports
// none of it.
export { examples } from "../../generated/examples";
export type { ValidationProblem } from "../errors";
export type { OperationName } from "../rules/operation-types";
export type { RequestParts } from "../rules/request";
export { partnerCenterMatchers, type PartnerCenterMatchers } from "./matchers";
export { validateRequest } from "./validate-request";
export { validateResponse, type ContractResult, type HeadersLike } from "./validate-response";
