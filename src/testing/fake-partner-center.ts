// A fake Partner Center for tests: a real node:http server on loopback with stateful orders that
// provision as Partner Center's do, bearer auth, requests bound and checked as the service binds
// them, strict MS-RequestId idempotency, paged lists, an optional rate limit, and faults injected
// on schedule or at a rate. It runs inside other services' test processes, so nothing that arrives
// can make it throw into them: every request gets an answer in the documented error shape or a
// closed socket, and its own errors go to `onError` and `stats`. Prism cannot keep state or script
// failures. This file holds its state and its handle; serve.ts holds the request path.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { PlacedOrder } from "../../generated/schema";
import type { CredentialKind } from "../rules/credential-kinds";
import { AttemptCounter, type Fault, type FaultRate } from "./faults";
import { AuditLog } from "./state/audit-log";
import { Catalog } from "./state/catalog";
import { advanceProblem, FakeClock } from "./state/clock";
import { DEFAULT_CATALOG } from "./state/default-catalog";
import { Prerequisites } from "./state/prerequisites";
import { purchaseRefusal } from "./state/purchase-rules";
import type { HandlerContext } from "./handlers";
import { checkedOptions, DEFAULT_CART_LIFETIME_MS, type FakePartnerCenterOptions } from "./options";
import { serve, type FakeContext } from "./serve";
import { cancellationRefusal, offerKindOf, type OfferKind } from "./state/cancellation";
import { CartStore } from "./state/carts";
import { Lifecycle } from "./state/lifecycle";
import { OrderStore, type NewOrder } from "./state/store";
import { SubscriptionStore } from "./state/subscriptions";
import { AnswerOnce } from "./wire/answer-once";
import { errorAnswer } from "./wire/answers";
import { answerClientError, writeAnswer } from "./wire/http";
import { PartnerCenterValidationError } from "../errors";
import { DEFAULT_IDEMPOTENCY_RETENTION_MS } from "./wire/idempotency";
import { Throttle } from "./wire/throttle";
import { TokenEndpoint } from "./wire/token-endpoint";

export interface FakePartnerCenterStats {
  /** Requests received, faulted ones included. */
  requests: number;
  /** Orders created. */
  created: number;
  /** Requests answered from an earlier one with the same MS-RequestId. */
  replays: number;
  /** Requests refused because their MS-RequestId was used for another request. */
  conflicts: number;
  /** Faults injected. */
  faults: number;
  /** Requests whose client went away before sending all of them. */
  aborted: number;
  /** Errors inside the fake, each also given to `onError`. */
  errors: number;
  /** Requests answered 429 by the rate limit (`rateLimit`), injected 429s not included. */
  throttled: number;
  /** Requests to the token endpoint. */
  tokenExchanges: number;
  /** Requests answered 409 800060: their MS-RequestId's first request was still being answered. */
  inProgress: number;
}

export interface FakePartnerCenter {
  /** Base URL to give the client (`baseUrl`). */
  readonly url: string;
  /**
   * The fake's identity platform, to give createRefreshTokenCredential (`authorityHost`): its
   * `POST /{tenant}/oauth2/v2.0/token` takes the refresh-token grant and issues App+User tokens.
   */
  readonly authorityHost: string;
  /** A refresh token the token endpoint takes, as the one-time consent gives a partner. */
  issueRefreshToken(): string;
  /** Revokes every refresh token issued so far: the next exchange is refused with invalid_grant (AADSTS50173). */
  revokeRefreshTokens(): void;
  /** Expires one refresh token, as 90 days unused do: its next exchange is refused with invalid_grant (AADSTS700082). */
  expireRefreshToken(refreshToken: string): void;
  /** Every order, or one customer's. */
  orders(customerId?: string): PlacedOrder[];
  readonly stats: Readonly<FakePartnerCenterStats>;
  /**
   * Gives every availability of the catalog a new id, as the service reissues them (D57): a
   * `catalogItemId` read before is answered 404 400019 by the reads and by a purchase after.
   */
  reissueAvailabilities(): void;
  /** The fake's time: the wall clock, moved on by every advanceTime. */
  now(): Date;
  /**
   * Moves the fake's time forward by `ms` for every rule that depends on it (Stripe's test clocks
   * are the model): the subscriptions' cancel and seat-reduction windows, renewal and 202 delay,
   * cart expiry, sandbox orders older than 60 days, refresh tokens unused for 90 days, access
   * token expiry, the list delay, provisioning after `afterMs`, idempotency retention, the audit
   * log's 90 days. Resolves to the new time; a negative or non-finite `ms` is refused with a
   * PartnerCenterValidationError.
   */
  advanceTime(ms: number): Promise<Date>;
  /** Faults for the next requests, in order; `null` lets one through. */
  injectFaults(...faults: (Fault | null)[]): void;
  /** Faults at a rate, drawn per MS-RequestId and attempt; `undefined` stops them. */
  setFaultRate(plan: FaultRate | undefined): void;
  /** Adds `count` orders for a customer directly, without requests (for paging tests). */
  seedOrders(customerId: string, count: number, order?: NewOrder): void;
  /** Forgets orders, subscriptions, audit records, carts, agreements, qualifications, faults, idempotency records and stats; the catalog's availabilities get their first ids back, and the clock is the wall clock again. */
  reset(): void;
  close(): Promise<void>;
}

export type { FakePartnerCenterOptions };

const freshStats = (): FakePartnerCenterStats => ({
  requests: 0,
  created: 0,
  replays: 0,
  conflicts: 0,
  faults: 0,
  aborted: 0,
  errors: 0,
  throttled: 0,
  tokenExchanges: 0,
  inProgress: 0,
});

/** The fake's state and what its handlers are given, from its options. */
function fakeContext(options: FakePartnerCenterOptions, stats: FakePartnerCenterStats) {
  const settings = checkedOptions(options);
  const retention = options.idempotencyRetentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
  const clock = new FakeClock();
  const store = new OrderStore(new Lifecycle(options, clock.now), clock.now);
  const limit = options.rateLimit;
  const windowMs = limit?.windowMs ?? 60_000;
  const throttle = limit && new Throttle(Math.floor((limit.requestsPerMinute * windowMs) / 60_000), windowMs);
  const catalog = new Catalog(options.catalog ?? DEFAULT_CATALOG);
  const audit = new AuditLog(clock.now);
  const onCreate = (customerId: string, order: PlacedOrder, correlationId?: string) => {
    stats.created += 1;
    audit.orderCreated(customerId, order, correlationId);
  };
  const kindOf = offerKindsOf(options, catalog);
  const subscriptions = new SubscriptionStore({
    catalog,
    kindOf,
    now: clock.now,
    readyAfterMs: options.subscriptionReadyAfterMs ?? 0,
    updateDelayMs: options.subscriptionUpdateDelayMs ?? 0,
  });
  const lowerSet = (values: readonly string[] | undefined) => new Set((values ?? []).map((v) => v.toLowerCase()));
  const prerequisites = new Prerequisites(lowerSet(options.resellersWithoutMpa), lowerSet(options.restrictedInventory));
  const attestationOffers = new Set(options.attestationOffers ?? []);
  // Offer ids and tokens are data: Maps, never an object's keys.
  const carts = new CartStore(store, {
    lifetimeMs: options.cartLifetimeMs ?? DEFAULT_CART_LIFETIME_MS,
    checkoutDelayMs: options.checkoutDelayMs ?? 0,
    errors: new Map(Object.entries(options.cartErrors ?? {})),
    checkoutErrors: new Map(Object.entries(options.checkoutErrors ?? {})),
    attestationOffers,
    onCreate,
    now: clock.now,
    refusePurchase: (customerId, lines) => purchaseRefusal(catalog, prerequisites, customerId, lines),
  });
  const signIn = new TokenEndpoint(clock.now);
  const tokens = new Map<string, CredentialKind>(Object.entries(options.tokens ?? {}));
  if (options.token !== undefined) tokens.set(options.token, "app+user");
  const context: FakeContext = {
    maxBodyBytes: settings.maxBodyBytes,
    stats,
    signIn,
    throttle: throttle || undefined,
    once: new AnswerOnce(retention, stats, clock.now),
    attempts: new AttemptCounter(retention, clock.now),
    faults: { scheduled: [] as (Fault | null)[], rate: undefined as FaultRate | undefined },
    handlers: handlerContext(options, settings.pageSize, clock.now, kindOf, {
      store,
      subscriptions,
      audit,
      carts,
      catalog,
      prerequisites,
      attestationOffers,
      onCreate,
    }),
    tokenKind: (token) => signIn.kindOf(token) ?? (tokens.size === 0 ? "app+user" : tokens.get(token)),
    options,
  };
  return { context, settings, store, carts, catalog, prerequisites, clock, subscriptions, audit };
}

/** Views refused unless the options say otherwise: specialized offers are "made available to some partners" (D67). */
const DEFAULT_REFUSED_VIEWS = ["SpecializedOffers"];

/** What each offer is: what the caller said, else what its catalog product is; unknown offers are new commerce. */
function offerKindsOf(options: FakePartnerCenterOptions, catalog: Catalog): (offerId: string) => OfferKind {
  const offerKinds = new Map<string, OfferKind>(Object.entries(options.offerKinds ?? {}));
  return (offerId) => {
    const product = catalog.productOf(offerId);
    return offerKinds.get(offerId) ?? (product ? offerKindOf(product) : "new-commerce");
  };
}

/** What the handlers know of the service's rules: cancellation, list delays, paging. */
function handlerContext(
  options: FakePartnerCenterOptions,
  pageSize: number,
  now: () => number,
  kindOf: (offerId: string) => OfferKind,
  parts: Pick<
    HandlerContext,
    "store" | "subscriptions" | "audit" | "carts" | "catalog" | "prerequisites" | "attestationOffers" | "onCreate"
  >,
): HandlerContext {
  const tenant = options.tenant ?? "production";
  const listDelayMs = options.listDelayMs ?? 0;
  return {
    ...parts,
    placementDelayMs: options.placementDelayMs ?? 0,
    pageSize,
    refusedViews: new Set((options.refusedViews ?? DEFAULT_REFUSED_VIEWS).map((v) => v.toLowerCase())),
    refusedSegments: new Set((options.refusedSegments ?? []).map((v) => v.toLowerCase())),
    now,
    refuseCancel: (customerId, order) => cancellationRefusal(order, customerId, kindOf, tenant, now()),
    listed: (order) => listDelayMs === 0 || now() - Date.parse(order.creationDate ?? "") >= listDelayMs,
  };
}

/** The server, listening on loopback; its failures are reported, never thrown into the host. */
async function listen(
  context: FakeContext,
  settings: ReturnType<typeof checkedOptions>,
  report: (error: unknown, request: { method: string; url: string }) => void,
): Promise<{ server: Server; sockets: Set<Socket>; port: number }> {
  const sockets = new Set<Socket>();
  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node checks those timeouts only this often (30 s by default).
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 4))),
    },
    (request, response) => {
      serve(context, request, response).catch((error: unknown) => {
        report(error, { method: String(request.method), url: String(request.url) });
        if (response.headersSent) response.destroy();
        else writeAnswer(response, errorAnswer(500, 500, "The fake Partner Center failed; see its onError hook."), {});
      });
    },
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(context.options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Errors on the listening socket after start (rare) are the fake's own: reported, never thrown.
  server.on("error", (error) => report(error, { method: "", url: "" }));
  return { server, sockets, port: (server.address() as AddressInfo).port };
}

export async function startFakePartnerCenter(options: FakePartnerCenterOptions = {}): Promise<FakePartnerCenter> {
  const stats = freshStats();
  const { context, settings, store, carts, catalog, prerequisites, clock, subscriptions, audit } = fakeContext(
    options,
    stats,
  );
  const report = (error: unknown, request: { method: string; url: string }) => {
    stats.errors += 1;
    try {
      options.onError?.(error, request);
    } catch {
      // The hook's own failure must not reach the host either.
    }
  };
  const { server, sockets, port } = await listen(context, settings, report);
  const { signIn, faults } = context;

  return {
    url: `http://127.0.0.1:${port}`,
    authorityHost: `http://127.0.0.1:${port}`,
    issueRefreshToken: () => signIn.issueRefreshToken(),
    revokeRefreshTokens: () => signIn.revokeAll(),
    expireRefreshToken: (refreshToken) => signIn.expire(refreshToken),
    orders: (customerId) => (customerId ? store.list(customerId) : store.all()),
    stats,
    reissueAvailabilities: () => catalog.reissue(),
    now: () => new Date(clock.now()),
    advanceTime(ms) {
      const problem = advanceProblem(ms);
      if (problem)
        return Promise.reject(new PartnerCenterValidationError("advanceTime", [{ path: "ms", message: problem }]));
      clock.advance(ms);
      return Promise.resolve(new Date(clock.now()));
    },
    injectFaults: (...added) => void faults.scheduled.push(...added),
    setFaultRate: (plan) => void (faults.rate = plan),
    seedOrders(
      customerId,
      count,
      order: NewOrder = { lineItems: [{ lineItemNumber: 0, offerId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1 }] },
    ) {
      for (let i = 0; i < count; i++) store.create(customerId, order);
    },
    reset() {
      store.clear();
      subscriptions.clear();
      audit.clear();
      catalog.reset();
      prerequisites.clear();
      carts.clear();
      context.once.clear();
      context.attempts.clear();
      faults.scheduled = [];
      faults.rate = undefined;
      context.throttle?.clear();
      signIn.clear();
      clock.reset();
      Object.assign(stats, freshStats());
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
