export { createPartnerCenterClient, type FollowOptions, type PartnerCenterClient } from "./client";
export { CLOUDS, type Cloud, type CloudEndpoints } from "./clouds";
export { createRefreshTokenCredential, type RefreshTokenCredentialOptions } from "./refresh-token-credential";
export {
  DEFAULT_TOKEN_TIMEOUT_MS,
  PARTNER_CENTER_SCOPE,
  type AccessToken,
  type Credential,
  type TokenCredential,
} from "./credential";
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
export type { AdmissionAnswer, AdmissionRequest, RateLimitStore } from "./http/rate-limit-store";
export type {
  BillingCycleInput,
  BillingType,
  CreateAndWaitOptions,
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
export type {
  CartInput,
  CartLineItemInput,
  CartsApi,
  CheckoutAndWaitOptions,
  CheckoutAndWaitResult,
  CheckoutCartOptions,
  CheckoutGroupResult,
} from "./operations/carts";
export type { ListOptions } from "./operations/list-pages";
export type { SubscriptionsApi } from "./operations/subscriptions";
export type { OperationName, OperationRequest, OperationResult } from "./operations/typed";
export { DEFAULT_MAX_WAIT_MS, DEFAULT_POLL_SCHEDULE, type PollSchedule } from "./operations/poll-delay";
export type { PollOptions, ProvisioningPoller, ProvisioningResult, ProvisioningState } from "./operations/poller";
export type { ProvisioningOutcome } from "./operations/provisioning-outcome";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RATE_LIMIT,
  DEFAULT_STORE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RateLimitOption,
} from "./options";
export { errorFromResponse } from "./response";
export type * from "./types";
