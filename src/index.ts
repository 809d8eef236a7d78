export { createPartnerCenterClient, type FollowOptions, type PartnerCenterClient } from "./client";
export { createPartnerCenterCore } from "./core";
export type { PartnerCenterCore } from "./calls/core-handle";
// One function per operation, taking the client first: a bundle keeps only the ones it imports.
export {
  createOrder,
  createOrderAndWait,
  getOrder,
  getOrderProvisioningStatus,
  listOrders,
  pollProvisioning,
  updateOrder,
} from "./resources/orders";
export {
  createOrderAttachments,
  getOrderAttachment,
  listLineItemActivationLinks,
  listOrderActivationLinks,
  listOrderAttachments,
  listSubscriptionActivationLinks,
} from "./resources/order-documents";
export { checkoutCart, checkoutCartAndWait, createCart, getCart, updateCart } from "./resources/carts";
export {
  cancelSubscription,
  DEFAULT_ACCEPTED_WAIT_MS,
  getSubscription,
  listSubscriptions,
  listSubscriptionsByOrder,
  updateSubscription,
  type ListSubscriptionsOptions,
  type SubscriptionChanges,
  type UpdateSubscriptionOptions,
} from "./resources/subscriptions";
export {
  listAuditRecords,
  type AuditRecordFilter,
  type AuditRecordsRange,
  type ListAuditRecordsOptions,
} from "./resources/audit-records";
export {
  getAvailability,
  getCustomerAvailability,
  getCustomerProduct,
  getCustomerSku,
  getProduct,
  getSku,
  listAvailabilities,
  listCustomerAvailabilities,
  listCustomerProducts,
  listCustomerSkus,
  listProducts,
  listSkus,
  offers,
  type CatalogOffer,
  type CatalogOptions,
  type CustomerAvailabilityOptions,
  type ListProductsOptions,
} from "./resources/catalog";
export {
  checkInventory,
  checkPromotionEligibilities,
  createCustomerAgreement,
  createCustomerQualification,
  getResellerAgreementStatus,
  listAgreementMetadata,
  listCustomerAgreements,
  listCustomerQualifications,
  type AgreementInput,
  type AgreementOptions,
  type AgreementTypeQuery,
  type ResellerId,
} from "./resources/prerequisites";
export { CLOUDS, type Cloud, type CloudEndpoints } from "./clouds";
export {
  createRefreshTokenCredential,
  type RefreshTokenCredentialOptions,
} from "./credentials/refresh-token-credential";
export {
  DEFAULT_TOKEN_TIMEOUT_MS,
  PARTNER_CENTER_SCOPE,
  type AccessToken,
  type Credential,
  type TokenCredential,
} from "./credentials/credential";
export {
  PartnerCenterError,
  PartnerCenterValidationError,
  isPartnerCenterError,
  isPartnerCenterValidationError,
  isStaleCatalogItemError,
  isSubscriptionPendingError,
  type ClientErrorCode,
  type PartnerCenterErrorFields,
  type ValidationProblem,
} from "./errors";
export type { Logger } from "./diagnostics/log";
export type { LinkInput } from "./calls/links";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./pipeline/retry-policy";
export type { AdmissionAnswer, AdmissionRequest, RateLimitStore } from "./rate-limit/rate-limit-store";
export { sharedStore } from "./rate-limit/shared-store";
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
} from "./resources/orders";
export type {
  CartInput,
  CartLineItemInput,
  CartsApi,
  CheckoutAndWaitOptions,
  CheckoutAndWaitResult,
  CheckoutCartOptions,
  CheckoutGroupResult,
} from "./resources/carts";
export type { ListOptions } from "./calls/list-pages";
export type { SubscriptionsApi } from "./resources/subscriptions";
export type { AuditRecordsApi } from "./resources/audit-records";
export type { CatalogApi } from "./resources/catalog";
export type { PrerequisitesApi } from "./resources/prerequisites";
export type { AcceptedAnswer, OperationName, OperationRequest, OperationResult } from "./rules/operation-types";
export { DEFAULT_MAX_WAIT_MS, DEFAULT_POLL_SCHEDULE, type PollSchedule } from "./polling/poll-delay";
export type { PollOptions, ProvisioningPoller, ProvisioningResult, ProvisioningState } from "./polling/poller";
export type { ProvisioningOutcome } from "./polling/provisioning-outcome";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RATE_LIMIT,
  DEFAULT_STORE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type ClientOptions,
  type RateLimitOption,
} from "./options";
export { errorFromResponse } from "./calls/read-answer";
export type * from "./types";
