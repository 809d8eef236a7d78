// What a purchase needs first, as a SKU's purchasePrerequisites name it: the customer's acceptance
// of the Microsoft Customer Agreement (confirmed by the partner, else 403 13605 at purchase), the
// indirect reseller's MPA (else 403 900123), qualifications, the inventory and promotions. Each a
// function named after its operationId taking the client first; pc.prerequisites, the same bound.
import {
  checkInventoryRule,
  checkPromotionEligibilitiesRule,
  createCustomerAgreementRule,
  createCustomerQualificationRule,
  getResellerAgreementStatusRule,
  listAgreementMetadataRule,
  listCustomerAgreementsRule,
  listCustomerQualificationsRule,
} from "../../generated/request-rules";
import type {
  Agreement,
  AgreementCollection,
  AgreementCreate,
  AgreementMetaData,
  AgreementMetaDataCollection,
  AgreementStatus,
  CustomerQualification,
  CustomerQualificationCreate,
  InventoryCheckRequest,
  InventoryItem,
  PromotionEligibilityCollection,
  PromotionEligibilityItem,
  PromotionEligibilityRequest,
} from "../../generated/schema";
import { callWith, type PartnerCenterCore } from "../calls/core-handle";
import type { CallOptions } from "../options";
import {
  createCustomerAgreementCheck,
  createCustomerQualificationCheck,
  getResellerAgreementStatusCheck,
} from "../rules/operation-checks";
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";

const LIST_AGREEMENT_METADATA: Operation = { rule: listAgreementMetadataRule };
const LIST_CUSTOMER_AGREEMENTS: Operation = { rule: listCustomerAgreementsRule };
const CREATE_CUSTOMER_AGREEMENT: Operation = { rule: createCustomerAgreementRule, check: createCustomerAgreementCheck };
const GET_RESELLER_AGREEMENT_STATUS: Operation = {
  rule: getResellerAgreementStatusRule,
  check: getResellerAgreementStatusCheck,
};
const LIST_CUSTOMER_QUALIFICATIONS: Operation = { rule: listCustomerQualificationsRule };
const CREATE_CUSTOMER_QUALIFICATION: Operation = {
  rule: createCustomerQualificationRule,
  check: createCustomerQualificationCheck,
};
const CHECK_INVENTORY: Operation = { rule: checkInventoryRule };
const CHECK_PROMOTION_ELIGIBILITIES: Operation = { rule: checkPromotionEligibilitiesRule };

/** `MicrosoftCloudAgreement`, `MicrosoftCustomerAgreement` or `*` (every type). */
export type AgreementTypeQuery = "MicrosoftCloudAgreement" | "MicrosoftCustomerAgreement" | "*";

export interface AgreementOptions extends CallOptions {
  /** Which agreements. The service's default is the older `MicrosoftCloudAgreement`; name the one you mean (D62). */
  agreementType?: AgreementTypeQuery | undefined;
}

/** listAgreementMetadata: the agreements a partner confirms, with the templateId a confirmation names (App+User only). */
export async function listAgreementMetadata(
  client: PartnerCenterCore,
  options: AgreementOptions = {},
): Promise<AgreementMetaData[]> {
  const query = { agreementType: options.agreementType };
  const page = await callWith<AgreementMetaDataCollection>(client, LIST_AGREEMENT_METADATA, { query }, options);
  return page.items;
}

/** listCustomerAgreements: the partner's confirmations of a customer's acceptance (App+User only). */
export async function listCustomerAgreements(
  client: PartnerCenterCore,
  customerId: string,
  options: AgreementOptions = {},
): Promise<Agreement[]> {
  const request = { path: { customer_id: customerId }, query: { agreementType: options.agreementType } };
  const page = await callWith<AgreementCollection>(client, LIST_CUSTOMER_AGREEMENTS, request, options);
  return page.items;
}

/** A confirmation to post: `templateId` and `type` may be left out (the MCA's, read from its metadata); `dateAgreed` may be a Date. */
export type AgreementInput = Omit<AgreementCreate, "templateId" | "type" | "dateAgreed"> & {
  templateId?: string | undefined;
  type?: AgreementCreate["type"] | undefined;
  dateAgreed: string | Date;
};

/**
 * createCustomerAgreement: confirms that the customer accepted the agreement (the MCA unless
 * `type` says otherwise), answered 201 (App+User only). Without a `templateId` it reads the
 * agreement's metadata first and names its current version (the highest versionRank, D63). A
 * `dateAgreed` in the future is refused before sending; the same contact again is answered 600061.
 */
export async function createCustomerAgreement(
  client: PartnerCenterCore,
  customerId: string,
  agreement: AgreementInput,
  options: CallOptions = {},
): Promise<Agreement> {
  const type = agreement?.type ?? "MicrosoftCustomerAgreement";
  const dateAgreed = agreement?.dateAgreed instanceof Date ? agreement.dateAgreed.toISOString() : agreement?.dateAgreed;
  const templateId = agreement?.templateId ?? (await currentTemplateId(client, type, options));
  const body = { ...agreement, type, dateAgreed, templateId };
  return callWith(client, CREATE_CUSTOMER_AGREEMENT, { path: { customer_id: customerId }, body }, options);
}

/** The template id of an agreement type's current version, or undefined (then the call is refused as missing one). */
async function currentTemplateId(
  client: PartnerCenterCore,
  type: string,
  { signal, timeoutMs }: CallOptions,
): Promise<string | undefined> {
  const known = ["MicrosoftCloudAgreement", "MicrosoftCustomerAgreement"].find(
    (t) => t.toLowerCase() === type.toLowerCase(),
  );
  const metadata = await listAgreementMetadata(client, {
    agreementType: (known ?? "*") as AgreementTypeQuery,
    signal,
    timeoutMs,
  });
  const current = metadata
    .filter(
      (m) => String(m.agreementType ?? "").toLowerCase() === type.toLowerCase() && typeof m.templateId === "string",
    )
    .sort((a, b) => (b.versionRank ?? 0) - (a.versionRank ?? 0))[0];
  return current?.templateId;
}

/** An indirect reseller, by exactly one of its MPN id and its tenant id (D65). */
export type ResellerId = { mpnId: string | number; tenantId?: undefined } | { tenantId: string; mpnId?: undefined };

/** getResellerAgreementStatus: whether an indirect reseller has signed the MPA (program `csp` unless told; App+User only). */
export async function getResellerAgreementStatus(
  client: PartnerCenterCore,
  reseller: ResellerId,
  options: CallOptions & { programName?: string | undefined } = {},
): Promise<AgreementStatus> {
  const mpnId = reseller?.mpnId === undefined ? undefined : String(reseller.mpnId);
  const request = {
    path: { program_name: options.programName ?? "csp" },
    query: { mpnId, tenantId: reseller?.tenantId },
  };
  return callWith(client, GET_RESELLER_AGREEMENT_STATUS, request, options);
}

/** listCustomerQualifications: the customer's qualifications and their vetting. */
export async function listCustomerQualifications(
  client: PartnerCenterCore,
  customerId: string,
  options: CallOptions = {},
): Promise<CustomerQualification[]> {
  return callWith(client, LIST_CUSTOMER_QUALIFICATIONS, { path: { customer_id: customerId } }, options);
}

/** createCustomerQualification: submits a qualification for vetting, answered 201 `InReview` (App+User only). */
export async function createCustomerQualification(
  client: PartnerCenterCore,
  customerId: string,
  qualification: CustomerQualificationCreate,
  options: CallOptions = {},
): Promise<CustomerQualification> {
  const request = { path: { customer_id: customerId }, body: qualification };
  return callWith(client, CREATE_CUSTOMER_QUALIFICATION, request, options);
}

/** checkInventory: whether items whose SKU lists InventoryCheck can be bought for a context; items not in the catalog are left out. */
export async function checkInventory(
  client: PartnerCenterCore,
  country: string,
  request: InventoryCheckRequest,
  options: CallOptions = {},
): Promise<InventoryItem[]> {
  return callWith(client, CHECK_INVENTORY, { query: { country }, body: request }, options);
}

/** checkPromotionEligibilities: the customer's eligibility for the promotions of offers named by catalogItemId. */
export async function checkPromotionEligibilities(
  client: PartnerCenterCore,
  customerId: string,
  request: PromotionEligibilityRequest,
  options: CallOptions = {},
): Promise<PromotionEligibilityItem[]> {
  const page = await callWith<PromotionEligibilityCollection>(
    client,
    CHECK_PROMOTION_ELIGIBILITIES,
    { path: { customer_id: customerId }, body: request },
    options,
  );
  return page.items;
}

/** pc.prerequisites: the functions above, bound to one client. */
export function prerequisitesApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** listAgreementMetadata: the agreements a partner confirms. */
    listAgreementMetadata: on(listAgreementMetadata),
    /** listCustomerAgreements: a customer's confirmations. */
    listCustomerAgreements: on(listCustomerAgreements),
    /** createCustomerAgreement: confirm a customer's acceptance of the MCA. */
    createCustomerAgreement: on(createCustomerAgreement),
    /** getResellerAgreementStatus: an indirect reseller's MPA status. */
    getResellerAgreementStatus: on(getResellerAgreementStatus),
    /** listCustomerQualifications: a customer's qualifications. */
    listCustomerQualifications: on(listCustomerQualifications),
    /** createCustomerQualification: submit a qualification. */
    createCustomerQualification: on(createCustomerQualification),
    /** checkInventory: check catalog items' inventory. */
    checkInventory: on(checkInventory),
    /** checkPromotionEligibilities: check promotions for offers. */
    checkPromotionEligibilities: on(checkPromotionEligibilities),
  };
}

export type PrerequisitesApi = ReturnType<typeof prerequisitesApi>;
