// What an operation refuses beyond its schemas, checked on the bound request: one export per
// operation that has such a rule, so that a bundle carries the checks of the operations it calls.
import type { ValidationProblem } from "../errors";
import { printable } from "../internal/printable";
import { sameOrderId } from "./ids";
import { lineItemNumberProblems } from "./line-items";
import type { BoundRequest } from "./rule-types";

/** A body whose `id` names another resource than the path's `parameter` (GUIDs match in any casing). */
function bodyIdProblems(
  { body, path }: BoundRequest,
  parameter: string,
  noun: string,
  same: (a: string, b: string) => boolean,
): ValidationProblem[] {
  const id = (body as { id?: unknown } | undefined)?.id;
  const named = path[parameter];
  return typeof id === "string" && typeof named === "string" && !same(id, named)
    ? [{ path: "body.id", message: `must match the ${noun} id in the path (${printable(named, 100)})` }]
    : [];
}

/** Additional resellers of record a cart line may name (create-a-cart, D47), as its additionalPartnerIdsOnRecord. */
const MAX_ADDITIONAL_RESELLERS = 5;

/** A bound cart's lines naming more additional transaction resellers than the service takes. */
function participantProblems({ body }: BoundRequest): ValidationProblem[] {
  const lines = (body as { lineItems?: unknown } | undefined)?.lineItems;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line: { participants?: unknown } | null, i) => {
    const participants = line?.participants;
    const count = Array.isArray(participants)
      ? participants.filter((p: { key?: unknown } | null) => p?.key === "additional_transaction_reseller").length
      : 0;
    return count > MAX_ADDITIONAL_RESELLERS
      ? [
          {
            path: `body.lineItems[${i}].participants`,
            message: `must name at most ${MAX_ADDITIONAL_RESELLERS} additional_transaction_reseller partners, got ${count}`,
          },
        ]
      : [];
  });
}

/** Error 800071: line item numbers run 0..n-1, each once. */
export function createOrderCheck({ body }: BoundRequest): ValidationProblem[] {
  const items = (body as { lineItems?: unknown } | undefined)?.lineItems;
  return Array.isArray(items) ? lineItemNumberProblems(items) : [];
}

/** A body naming another order than the path is a slip; which one the service would change is undocumented. */
export function updateOrderCheck(request: BoundRequest): ValidationProblem[] {
  return bodyIdProblems(request, "order_id", "order", sameOrderId);
}

export const createCartCheck = participantProblems;

/** A body naming another cart than the path, and too many additional resellers on a line. */
export function updateCartCheck(request: BoundRequest): ValidationProblem[] {
  return [
    ...bodyIdProblems(request, "cart_id", "cart", (a, b) => a.toLowerCase() === b.toLowerCase()),
    ...participantProblems(request),
  ];
}

/**
 * D33: the docs' table requires a tender link or tender files for a purchase order that is part of
 * a tender. The bound body has the spec's names, whatever casing the caller wrote.
 */
export function createOrderAttachmentsCheck({ body }: BoundRequest): ValidationProblem[] {
  const { Metadata: metadata, TenderFiles: files } = (body ?? {}) as {
    Metadata?: { isPartOfTender?: unknown; tenderLink?: unknown };
    TenderFiles?: unknown;
  };
  const attached = Array.isArray(files) ? files.length > 0 : files !== undefined;
  return metadata?.isPartOfTender === true && metadata.tenderLink === undefined && !attached
    ? [
        {
          path: "body.Metadata.tenderLink",
          message: "is required when isPartOfTender is true, unless tender files are attached (TenderFiles)",
        },
      ]
    : [];
}

/** D65: exactly one of mpnId and tenantId (the service answers 400 2000 for both, 2001 for neither). */
export function getResellerAgreementStatusCheck({ query }: BoundRequest): ValidationProblem[] {
  const given = [query.mpnId, query.tenantId].filter((v) => v !== undefined).length;
  return given === 1
    ? []
    : [
        {
          path: "query",
          message: `must have exactly one of mpnId and tenantId, got ${given === 0 ? "neither" : "both"}`,
        },
      ];
}

/** D70: `order_id` and `mpn_id` "cannot be combined" (the REST reference). */
export function listSubscriptionsCheck({ query }: BoundRequest): ValidationProblem[] {
  return query.order_id !== undefined && query.mpn_id !== undefined
    ? [{ path: "query", message: "must not have both order_id and mpn_id: the service cannot combine them" }]
    : [];
}

/** D63: a date of agreement later than now is refused by the service (400 600002). */
export function createCustomerAgreementCheck({ body }: BoundRequest): ValidationProblem[] {
  const dateAgreed = (body as { dateAgreed?: unknown } | undefined)?.dateAgreed;
  if (typeof dateAgreed !== "string") return [];
  const at = Date.parse(dateAgreed);
  if (Number.isNaN(at))
    return [{ path: "body.dateAgreed", message: `must be a date-time, got ${printable(dateAgreed, 40)}` }];
  return at > Date.now()
    ? [{ path: "body.dateAgreed", message: `must not be in the future, got ${printable(dateAgreed, 40)}` }]
    : [];
}

/** D64: what update-customer-qualification says each qualification requires, and what cannot be set. */
export function createCustomerQualificationCheck({ body }: BoundRequest): ValidationProblem[] {
  const { qualification, educationSegment, validationCode } = (body ?? {}) as Record<string, unknown>;
  const named = typeof qualification === "string" ? qualification.toLowerCase() : "";
  if (named === "none" || named === "nonprofit")
    return [{ path: "body.qualification", message: `cannot be set to ${printable(String(qualification), 40)}` }];
  if (named === "education" && educationSegment === undefined)
    return [{ path: "body.educationSegment", message: "is required for Education (K12 or HigherEducation)" }];
  if (named === "governmentcommunitycloud" && validationCode === undefined)
    return [{ path: "body.validationCode", message: "is required for GovernmentCommunityCloud" }];
  return [];
}
