export { createPartnerCenterClient, type FollowOptions, type PartnerCenterClient } from "./client";
export { CLOUDS, type Cloud, type CloudEndpoints } from "./clouds";
export { DEFAULT_TOKEN_TIMEOUT_MS, PARTNER_CENTER_SCOPE, type AccessToken, type Credential, type TokenCredential } from "./credential";
export {
  PartnerCenterError,
  PartnerCenterValidationError,
  isPartnerCenterError,
  isPartnerCenterValidationError,
  type ClientErrorCode,
  type PartnerCenterErrorFields,
  type ValidationProblem,
} from "./errors";
export type { Logger } from "./http/log";
export type { LinkInput } from "./links";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./http/retry-policy";
export type {
  BillingType,
  CreateOrderOptions,
  GetOrderOptions,
  ListOrdersOptions,
  OrderAttachmentsInput,
  OrderCreateInput,
  OrderLineItemInput,
  OrdersApi,
  OrderUpdateInput,
  UpdateOrderOptions,
} from "./operations/orders";
export type { OperationName, OperationRequest, OperationResult } from "./operations/typed";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type CallOptions, type ClientOptions } from "./options";
export { errorFromResponse } from "./response";
export type * from "./types";
