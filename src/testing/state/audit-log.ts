// The fake's audit log: a record of every order created (a checkout's orders included), order
// updated, subscription changed and agreement confirmed, shaped as the docs' records are
// (auditing-resources; api-throttling-guidance's create_order record), dated on the fake's clock,
// kept 90 days, read 30 days at a time (D73).
import type { AuditRecord, PlacedOrder, Subscription } from "../../../generated/schema";

const DAY_MS = 86_400_000;
export const AUDIT_RETENTION_MS = 90 * DAY_MS;
export const AUDIT_WINDOW_MS = 30 * DAY_MS;
/** The fake partner's tenant id, as every record names it. */
export const FAKE_PARTNER_ID = "3b33e682-00c3-41ee-9dd2-a548adf56438";

/** How the store of a resource turns into the record's JSON text: PascalCase keys, as the docs' records show. */
function pascalJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, inner: unknown) {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]),
    );
  });
}

const data = (pairs: [string, string | null | undefined][]) =>
  pairs.filter(([, value]) => value !== undefined).map(([key, value]) => ({ key, value: value ?? null }));

export class AuditLog {
  private records: AuditRecord[] = [];

  constructor(private readonly now: () => number) {}

  /**
   * Keeps `record`, dated now, with the docs' id (`{partner}_{customer}_{resource}_{operation}_{ticks}`)
   * and the request's correlation id; records 90 days old go first, from the front of the log,
   * where the oldest are.
   */
  private write(
    record: AuditRecord & { customerId: string; operationType: string },
    resourceId: string,
    correlationId?: string,
  ): void {
    const at = this.now();
    let expired = 0;
    while (
      expired < this.records.length &&
      at - Date.parse(this.records[expired]!.operationDate ?? "") >= AUDIT_RETENTION_MS
    )
      expired += 1;
    if (expired) this.records.splice(0, expired);
    const operation = record.operationType.replace(/_/g, "");
    this.records.push({
      id: `${FAKE_PARTNER_ID}_${record.customerId}_${resourceId.toLowerCase()}_${operation}_${at}`,
      ...record,
      ...(correlationId ? { originalCorrelationId: correlationId } : {}),
      partnerId: FAKE_PARTNER_ID,
      operationDate: new Date(at).toISOString(),
      operationStatus: "succeeded",
      attributes: { objectType: "AuditRecord" },
    });
  }

  orderCreated(customerId: string, order: PlacedOrder, correlationId?: string): void {
    const record = {
      customerId,
      resourceType: "order",
      resourceNewValue: pascalJson(order),
      operationType: "create_order",
      customizedData: data([
        ["OrderId", order.id],
        ["AlternateId", order.alternateId],
        ["BillingCycle", order.billingCycle],
        ...order.lineItems.flatMap((line, i): [string, string | null | undefined][] => [
          [`OfferId-${i}`, line.offerId],
          [`Quantity-${i}`, String(line.quantity ?? 0)],
          [`PartnerOnRecord-${i}`, line.partnerIdOnRecord ?? null],
        ]),
      ]),
    };
    this.write(record, order.id, correlationId);
  }

  orderUpdated(customerId: string, before: string, order: PlacedOrder, correlationId?: string): void {
    const record = {
      customerId,
      resourceType: "order",
      resourceOldValue: before,
      resourceNewValue: pascalJson(order),
      operationType: "update_order",
      customizedData: data([
        ["OrderId", order.id],
        ["Status", order.status],
      ]),
    };
    this.write(record, order.id, correlationId);
  }

  subscriptionUpdated(customerId: string, before: Subscription, after: Subscription, correlationId?: string): void {
    const record = {
      customerId,
      resourceType: "subscription",
      resourceOldValue: pascalJson(before),
      resourceNewValue: pascalJson(after),
      operationType: "update_subscription",
      customizedData: data([
        ["SubscriptionId", after.id],
        ["OfferId", after.offerId],
        ["Quantity", String(after.quantity ?? 0)],
        ["Status", after.status],
        ["AutoRenewEnabled", String(after.autoRenewEnabled ?? false)],
      ]),
    };
    this.write(record, after.id, correlationId);
  }

  /** An agreement has no id of its own: its record's id names the agreement's type. */
  agreementCreated(customerId: string, agreement: Record<string, unknown>, correlationId?: string): void {
    const type = typeof agreement.agreementType === "string" ? agreement.agreementType : "MicrosoftCustomerAgreement";
    const record = {
      customerId,
      resourceType: "agreement",
      resourceNewValue: pascalJson(agreement),
      operationType: "create_agreement",
      customizedData: data([["AgreementType", type]]),
    };
    this.write(record, type, correlationId);
  }

  /** The records of `[from, to]` (whole days), oldest first, that the filter keeps. */
  between(from: number, to: number, keep: (record: AuditRecord) => boolean): AuditRecord[] {
    return this.records.filter((r) => {
      const at = Date.parse(r.operationDate ?? "");
      return at >= from && at < to && keep(r);
    });
  }

  clear(): void {
    this.records = [];
  }
}
