// What the prerequisite operations answer: agreement metadata and confirmations (201; 400 600061
// for the same contact again, 600002 for a date in the future), the indirect reseller's MPA status
// (exactly one of mpnId and tenantId), qualifications (a bare array; 201 in review; what each
// requires is checked with the request, 400 800002), the inventory
// check (a bare array, unknown items left out) and promotion eligibility (the fake has no
// promotions: every offer answers NoPromotionsAvailable, an unknown one InvalidCatalogItemId).
import { asText } from "../../internal/as-text";
import type { OperationId } from "../../rules/request";
import { AGREEMENT_TEMPLATES, type StoredAgreement } from "../state/prerequisites";
import { errorAnswer } from "../wire/answers";
import { collection, correlationIdOf, type Handler, type HandlerRequest } from "./context";

/** Without agreementType the service answers the Microsoft Cloud Agreement, "for backward compatibility". */
const agreementType = ({ query }: HandlerRequest) =>
  query.agreementType === undefined ? "MicrosoftCloudAgreement" : asText(query.agreementType);

/** The user an App+User token stands for: the fake's tokens name none, so one made-up id. */
const FAKE_USER_ID = "3d6f2c09-eb40-48ca-a4b3-d24c9c007531";

const listAgreementMetadata: Handler = (_ctx, request) => {
  const type = agreementType(request).toLowerCase();
  return collection(AGREEMENT_TEMPLATES.filter((t) => type === "*" || t.agreementType.toLowerCase() === type));
};

const listCustomerAgreements: Handler = ({ prerequisites }, request) =>
  collection(prerequisites.agreementsOf(request.customerId, agreementType(request)));

const createCustomerAgreement: Handler = ({ prerequisites, now, audit }, { customerId, body, headers }) => {
  const posted = body as StoredAgreement;
  const template = AGREEMENT_TEMPLATES.find(
    (t) =>
      t.templateId.toLowerCase() === posted.templateId.toLowerCase() &&
      t.agreementType.toLowerCase() === posted.type.toLowerCase(),
  );
  if (!template)
    return errorAnswer(400, 800002, "Invalid request input.", [`body.templateId is not a template of ${posted.type}`]);
  const agreed = Date.parse(posted.dateAgreed);
  if (Number.isNaN(agreed))
    return errorAnswer(400, 800002, "Invalid request input.", ["body.dateAgreed is not a date"]);
  if (agreed > now()) return errorAnswer(400, 600002, "Date of agreement cannot be greater than the current date");
  const agreement = { ...posted, agreementLink: template.agreementLink, userId: FAKE_USER_ID };
  if (!prerequisites.confirm(customerId, agreement)) {
    return {
      status: 400,
      body: {
        code: 600061,
        message: "A partner confirmed agreement already exists for the customer.",
        description: "A partner confirmed agreement already exists for the customer.",
        errorName: "PartnerConfirmedAgreementAlreadyExists",
        isRetryable: false,
        parameters: {},
        errorMessageExtended: "InternalErrorCode=600061",
      },
    };
  }
  const { agreementLink: _link, ...answer } = agreement;
  audit.agreementCreated(customerId, answer, correlationIdOf(headers));
  return { status: 201, body: answer };
};

const getResellerAgreementStatus: Handler = ({ prerequisites }, { query }) => {
  const { mpnId, tenantId } = query;
  if (mpnId !== undefined && tenantId !== undefined) {
    return errorAnswer(400, 2000, "Both MPN Id and Tenant Id should not be passed.");
  }
  if (mpnId === undefined && tenantId === undefined) {
    return errorAnswer(400, 2001, "Both MPN Id and Tenant Id cannot be empty.");
  }
  const id = asText(mpnId ?? tenantId);
  if (prerequisites.hasSignedMpa(id)) return { status: 200, body: { isAgreementSigned: true } };
  return mpnId === undefined
    ? errorAnswer(400, 2206, `The account of tenant ${id} hasn't signed the agreement.`)
    : errorAnswer(
        400,
        2203,
        `MPN Id ${id} has not signed Microsoft Partner Agreement (MPA) for the CSP region where the order is being placed.`,
      );
};

const listCustomerQualifications: Handler = ({ prerequisites }, { customerId }) => ({
  status: 200,
  body: prerequisites.qualificationsOf(customerId),
});

const createCustomerQualification: Handler = ({ prerequisites, now }, { customerId, body }) => {
  // What each qualification requires was checked with the request (createCustomerQualificationCheck).
  const posted = body as Record<string, unknown>;
  const qualification = {
    qualification: asText(posted.qualification),
    vettingStatus: "InReview",
    vettingCreateDate: new Date(now()).toISOString(),
  };
  prerequisites.qualify(customerId, qualification);
  return { status: 201, body: qualification };
};

const checkInventory: Handler = ({ catalog, prerequisites }, { query, body }) => {
  const { targetItems } = body as { targetItems: { productId: string; skuId?: string }[] };
  const country = asText(query.country);
  const items = targetItems.flatMap(({ productId, skuId }) => {
    const product = catalog.product(productId, country);
    const skus = product?.skus.filter((sku) => skuId === undefined || sku.id === skuId) ?? [];
    return skus.map((sku) => {
      const isRestricted = prerequisites.isRestricted(product!.id, sku.id);
      const restrictions = isRestricted
        ? [
            {
              reasonCode: "NotAvailableForSubscription",
              description: "Restriction identified by the fake's restrictedInventory option.",
              properties: {},
            },
          ]
        : [];
      return { productId: product!.id, skuId: sku.id, isRestricted, restrictions };
    });
  });
  return { status: 200, body: items };
};

const checkPromotionEligibilities: Handler = ({ catalog }, { body }) => {
  const { items } = body as { items: { catalogItemId: string; promotionId?: string }[] };
  const answered = items.map((item) => {
    const known = catalog.availability(item.catalogItemId) !== undefined;
    const error = known
      ? { type: "NoPromotionsAvailable", description: "No promotions are available for this offer." }
      : { type: "InvalidCatalogItemId", description: "The catalog item id is not valid." };
    return {
      ...item,
      eligibilities: [
        { ...(item.promotionId ? { promotionId: item.promotionId } : {}), isEligible: false, errors: [error] },
      ],
    };
  });
  return collection(answered);
};

export const PREREQUISITE_HANDLERS = {
  listAgreementMetadata,
  listCustomerAgreements,
  createCustomerAgreement,
  getResellerAgreementStatus,
  listCustomerQualifications,
  createCustomerQualification,
  checkInventory,
  checkPromotionEligibilities,
} satisfies Partial<Record<OperationId, Handler>>;
