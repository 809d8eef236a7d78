// The fake Partner Center's options, their defaults, and the checks that refuse a bad one at start
// (a test's mistake, reported before anything listens).
import type { CatalogProduct } from "./state/catalog";
import { PartnerCenterValidationError, type ValidationProblem } from "../errors";
import { isWhole, MAX_TIMER_MS, wholeNumberProblems } from "../rules/is-whole";
import { OFFER_KINDS, type OfferKind, type Tenant } from "./state/cancellation";
import type { CredentialKind } from "../rules/credential-kinds";
import type { LifecycleOptions } from "./state/lifecycle";

export interface FakePartnerCenterOptions extends LifecycleOptions {
  /** The only bearer token accepted, as App+User; any non-empty token (as App+User) when neither this nor `tokens` is set. */
  token?: string | undefined;
  /**
   * The bearer tokens accepted and the kind of each: `"app"` (App-only) or `"app+user"`. Any other
   * token is answered 401, and an App-only token 403 on an operation the docs give to App+User
   * alone (the spec's x-credentials). Tokens the fake's token endpoint issues are App+User.
   */
  tokens?: Readonly<Record<string, CredentialKind>> | undefined;
  /**
   * What each offer is, for the cancellation rules updateOrder enforces (D37), over what the
   * catalog says: an offer of a catalog product is what its product type makes it (D69), and any
   * other offer is `"new-commerce"`, which the service never cancels by updateOrder (400 800063).
   */
  offerKinds?: Readonly<Record<string, OfferKind>> | undefined;
  /** The partner's tenant: `"production"` (default) or `"sandbox"` (an integration sandbox), for the cancellation rules. */
  tenant?: Tenant | undefined;
  /**
   * How long a new order takes to appear in listOrders, in milliseconds. The service documents up
   * to 15 minutes; default 0, so that tests need not wait. Read a new order by id (getOrder) instead.
   */
  listDelayMs?: number | undefined;
  /**
   * How long a new subscription answers updateSubscription 409 800082 "not ready to be updated",
   * in milliseconds on the fake's clock (default 0): as one still provisioning does.
   */
  subscriptionReadyAfterMs?: number | undefined;
  /**
   * 0 (default): updateSubscription answers 200 with the change. More: it answers 202 with a
   * Location, the change shows that many milliseconds later on the fake's clock, and another change
   * meanwhile is answered 409 900278 (a pending operation).
   */
  subscriptionUpdateDelayMs?: number | undefined;
  /**
   * How long placing an order takes before createOrder answers, in milliseconds (default 0). While
   * it is being placed, another request with the same MS-RequestId is answered 409 800060 "Your
   * order is in progress", as the service documents.
   */
  placementDelayMs?: number | undefined;
  /**
   * Offers whose SKU enforces attestation (`enforceAttestation`): createOrder refuses a line of one
   * without `attestationAccepted: true` (400 800002; the docs give the rule, not its code: D40).
   */
  attestationOffers?: readonly string[] | undefined;
  /**
   * How long a cart lives after it is created, in milliseconds: then getCart, updateCart and
   * checkoutCart answer 404 800008, as for a cart never created. Default 7 days, as documented (D41).
   */
  cartLifetimeMs?: number | undefined;
  /**
   * How long a checkout takes after it has placed its orders before it answers, in milliseconds
   * (default 0). Meanwhile another checkout of the cart is answered 409 800064, and a client that
   * dies then has its orders placed without having read them.
   */
  checkoutDelayMs?: number | undefined;
  /**
   * Cart errors by offer: createCart and updateCart set `error` on every line of the offer (a
   * CartErrorCode such as 10003 inventory not available), and checkoutCart refuses the cart, 400
   * 800009 "Error in cart item(s)", placing nothing (D46). Offers in `attestationOffers` get 10012
   * on a line without `attestationAccepted: true`.
   */
  cartErrors?: Readonly<Record<string, { code: number; description: string }>> | undefined;
  /**
   * Failures while checkoutCart creates an offer's order: its order group is not placed and is
   * listed in `orderErrors` with this code and description; the other groups are placed (D46).
   */
  checkoutErrors?: Readonly<Record<string, { code: number; description: string }>> | undefined;
  /**
   * The catalog the catalog reads answer from and purchases are checked against (D66): products
   * with their SKUs and availabilities, each listed in the views it names. Default: a catalog drawn
   * from the docs' examples (new commerce, the Azure plan, the Azure savings plan, a reservation).
   * Offers of products it does not hold are not checked.
   */
  catalog?: readonly CatalogProduct[] | undefined;
  /**
   * Catalog views (`targetView`) and segments (`targetSegment`) the partner may not read: their
   * lists are answered 403 400036 and 400030. Default: the `SpecializedOffers` view ("made
   * available to some partners") and no segment (D67).
   */
  refusedViews?: readonly string[] | undefined;
  refusedSegments?: readonly string[] | undefined;
  /**
   * Indirect resellers, by MPN id or tenant id, that have not signed the Microsoft Partner
   * Agreement: getResellerAgreementStatus answers 400 2203 (2206 by tenant id) and a purchase naming
   * one as `partnerIdOnRecord` (or a cart line's transaction reseller) is refused 403 900123.
   */
  resellersWithoutMpa?: readonly string[] | undefined;
  /**
   * Catalog items (`productId:skuId`) whose inventory is restricted: checkInventory says so and a
   * purchase of one is refused 400 800010.
   */
  restrictedInventory?: readonly string[] | undefined;
  /** Orders per page of listOrders, at least 1; later pages come through links.next and MS-ContinuationToken. Default 100. */
  pageSize?: number | undefined;
  /** Port to listen on; a free one when unset. */
  port?: number | undefined;
  /** Largest request body taken, in bytes; a larger one is answered 413 and its connection closed. Default 10 MB. */
  maxBodyBytes?: number | undefined;
  /** How long a client may take to send a request's headers, in milliseconds. Default 10 000. */
  headersTimeoutMs?: number | undefined;
  /** How long a client may take to send a whole request, in milliseconds; then 408. Default 30 000. */
  requestTimeoutMs?: number | undefined;
  /** How long an MS-RequestId is remembered, in milliseconds; each record takes about 2 kB. Default 10 minutes (Partner Center publishes none). */
  idempotencyRetentionMs?: number | undefined;
  /** Told of every error inside the fake, which then answers 500 (or closes the socket) and carries on. */
  onError?: ((error: unknown, request: { method: string; url: string }) => void) | undefined;
  /**
   * Answer 429 (with Retry-After and the documented throttling body) past this many requests a
   * minute, counted over `windowMs` (default 60 000), as Partner Center limits the Order resource
   * to 500 a minute per tenant. Off by default.
   */
  rateLimit?: { requestsPerMinute: number; windowMs?: number } | undefined;
}

/** Carts expire 7 days after they are created ("Carts expire 7 days from the initial creation", D41). */
export const DEFAULT_CART_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export const DEFAULTS = {
  pageSize: 100,
  maxBodyBytes: 10 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export function optionProblems(options: FakePartnerCenterOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const name of POSITIVE) problems.push(...wholeNumberProblems(options[name], `options.${name}`, { min: 1 }));
  for (const name of [
    "listDelayMs",
    "placementDelayMs",
    "checkoutDelayMs",
    "subscriptionReadyAfterMs",
    "subscriptionUpdateDelayMs",
  ] as const)
    problems.push(
      ...wholeNumberProblems(options[name], `options.${name}`, { min: 0, max: MAX_TIMER_MS, unit: "milliseconds" }),
    );
  if (options.port !== undefined && !isWhole(options.port, 0, 65_535)) {
    problems.push({ path: "options.port", message: `must be a port number, got ${String(options.port)}` });
  }
  if (options.tenant !== undefined && options.tenant !== "production" && options.tenant !== "sandbox") {
    problems.push({
      path: "options.tenant",
      message: `must be "production" or "sandbox", got ${String(options.tenant)}`,
    });
  }
  if (options.onError !== undefined && typeof options.onError !== "function")
    problems.push({ path: "options.onError", message: "must be a function" });
  problems.push(
    ...tokenProblems(options),
    ...offerMapProblems(options),
    ...planProblems(options.provisioning),
    ...stringListProblems(options, "failOffers"),
    ...stringListProblems(options, "purchaseOrderOffers"),
    ...stringListProblems(options, "attestationOffers"),
    ...stringListProblems(options, "refusedViews"),
    ...stringListProblems(options, "refusedSegments"),
    ...stringListProblems(options, "resellersWithoutMpa"),
    ...stringListProblems(options, "restrictedInventory"),
    ...catalogProblems(options.catalog),
    ...rateLimitProblems(options.rateLimit),
  );
  return problems;
}

const POSITIVE = [
  "pageSize",
  "maxBodyBytes",
  "headersTimeoutMs",
  "requestTimeoutMs",
  "idempotencyRetentionMs",
  "cartLifetimeMs",
] as const;

const PRINTABLE_TOKEN = /^[\x21-\x7e]+$/;

/** `token` and `tokens`: printable ASCII, as an Authorization header carries it. */
function tokenProblems(options: FakePartnerCenterOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (options.token !== undefined && (typeof options.token !== "string" || !PRINTABLE_TOKEN.test(options.token))) {
    problems.push({ path: "options.token", message: "must be a non-empty token of printable ASCII characters" });
  }
  if (options.tokens !== undefined) {
    const entries = options.tokens && typeof options.tokens === "object" ? Object.entries(options.tokens) : undefined;
    if (
      !entries ||
      entries.some(([token, kind]) => !PRINTABLE_TOKEN.test(token) || (kind !== "app" && kind !== "app+user"))
    )
      problems.push({ path: "options.tokens", message: 'must map printable-ASCII tokens to "app" or "app+user"' });
  }
  return problems;
}

/** The options that map offer ids to something: their kinds, and their cart and checkout errors. */
function offerMapProblems(options: FakePartnerCenterOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const entriesOf = (value: unknown) => (value && typeof value === "object" ? Object.entries(value) : undefined);
  if (options.offerKinds !== undefined) {
    const entries = entriesOf(options.offerKinds) as [string, OfferKind][] | undefined;
    if (!entries || entries.some(([offer, kind]) => offer === "" || !OFFER_KINDS.includes(kind)))
      problems.push({ path: "options.offerKinds", message: `must map offer ids to one of ${OFFER_KINDS.join(", ")}` });
  }
  for (const name of ["cartErrors", "checkoutErrors"] as const) {
    if (options[name] === undefined) continue;
    const entries = entriesOf(options[name]) as
      [string, { code?: unknown; description?: unknown } | null][] | undefined;
    const bad = ([offer, plan]: [string, { code?: unknown; description?: unknown } | null]) =>
      offer === "" || !plan || !Number.isInteger(plan.code) || typeof plan.description !== "string";
    if (!entries || entries.some(bad))
      problems.push({
        path: `options.${name}`,
        message: "must map offer ids to { code: a whole number, description: a string }",
      });
  }
  return problems;
}

function planProblems(plan: FakePartnerCenterOptions["provisioning"]): ValidationProblem[] {
  if (plan === undefined) return [];
  if (plan && typeof plan === "object" && "polls" in plan && isWhole(plan.polls, 1)) return [];
  if (plan && typeof plan === "object" && "afterMs" in plan && isWhole(plan.afterMs, 0)) return [];
  return [
    {
      path: "options.provisioning",
      message: "must be { polls: a whole number of at least 1 } or { afterMs: a whole number of milliseconds }",
    },
  ];
}

function stringListProblems(
  options: FakePartnerCenterOptions,
  name:
    | "failOffers"
    | "purchaseOrderOffers"
    | "attestationOffers"
    | "refusedViews"
    | "refusedSegments"
    | "resellersWithoutMpa"
    | "restrictedInventory",
): ValidationProblem[] {
  const offers = options[name];
  if (offers === undefined || (Array.isArray(offers) && offers.every((o) => typeof o === "string" && o !== "")))
    return [];
  return [{ path: `options.${name}`, message: "must be a list of non-empty strings" }];
}

/** A catalog of products, each with an id, its views and its SKUs, each SKU with its availabilities. */
function catalogProblems(catalog: unknown): ValidationProblem[] {
  if (catalog === undefined) return [];
  const text = (v: unknown) => typeof v === "string" && v !== "";
  const listOf = (v: unknown, each: (item: Record<string, unknown>) => boolean) =>
    Array.isArray(v) &&
    v.length <= 10_000 &&
    (v as unknown[]).every(
      (item) => item !== null && typeof item === "object" && each(item as Record<string, unknown>),
    );
  const availability = (a: Record<string, unknown>) => text(a.id) && text(a.country) && text(a.segment);
  const sku = (s: Record<string, unknown>) => text(s.id) && listOf(s.availabilities, availability);
  const product = (p: Record<string, unknown>) =>
    text(p.id) && Array.isArray(p.views) && p.views.every(text) && listOf(p.skus, sku);
  return listOf(catalog, product)
    ? []
    : [
        {
          path: "options.catalog",
          message:
            "must be a list of products { id, views: string[], skus: [{ id, availabilities: [{ id, country, segment }] }] }",
        },
      ];
}

function rateLimitProblems(limit: FakePartnerCenterOptions["rateLimit"]): ValidationProblem[] {
  if (limit === undefined) return [];
  const windowMs = limit?.windowMs ?? 60_000;
  if (!(limit && typeof limit === "object" && isWhole(limit.requestsPerMinute, 1) && isWhole(windowMs, 1))) {
    return [
      {
        path: "options.rateLimit",
        message: "must be { requestsPerMinute: a whole number of at least 1, windowMs?: milliseconds }",
      },
    ];
  }
  if (Math.floor((limit.requestsPerMinute * windowMs) / 60_000) < 1) {
    return [
      {
        path: "options.rateLimit.windowMs",
        message: `must be long enough to hold one request at ${limit.requestsPerMinute} a minute`,
      },
    ];
  }
  return [];
}

/** The options, checked: a bad one is refused with every problem listed. */
export function checkedOptions(options: FakePartnerCenterOptions): FakePartnerCenterOptions & typeof DEFAULTS {
  const problems = optionProblems(options);
  if (problems.length) throw new PartnerCenterValidationError("startFakePartnerCenter", problems);
  return { ...DEFAULTS, ...options };
}
