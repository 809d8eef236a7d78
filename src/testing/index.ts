// partner-center-orders/testing: a stateful fake Partner Center for other services' tests.
export {
  startFakePartnerCenter,
  type FakePartnerCenter,
  type FakePartnerCenterOptions,
  type FakePartnerCenterStats,
} from "./fake-partner-center";
export type { Fault, FaultRate } from "./faults";
export type { LifecycleOptions, ProvisioningPlan } from "./state/lifecycle";
export { DEFAULT_IDEMPOTENCY_RETENTION_MS } from "./wire/idempotency";
export { credentialKinds, mayCall, type CredentialKind } from "../rules/credential-kinds";
export { cancellationRefusal, type OfferKind, type Tenant } from "./state/cancellation";
