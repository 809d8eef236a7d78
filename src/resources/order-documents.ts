// The documents of an order: its activation links (where to activate what it bought) and its
// attachments (purchase orders and tender files, E1 and E2), a function per operation and on pc.orders.
import {
  createOrderAttachmentsRule,
  getOrderAttachmentRule,
  listLineItemActivationLinksRule,
  listOrderActivationLinksRule,
  listOrderAttachmentsRule,
  listSubscriptionActivationLinksRule,
} from "../../generated/request-rules";
import type {
  OrderAttachmentCollection,
  OrderAttachmentMetadata,
  OrderLineItemActivationLinkCollection,
} from "../../generated/schema";
import type { CallOptions } from "../options";
import { callWith, type PartnerCenterCore } from "../calls/core-handle";
import { createOrderAttachmentsCheck } from "../rules/operation-checks";
import type { Operation } from "../rules/rule-types";
import { boundTo } from "./bound-to";

export interface OrderAttachmentsInput {
  /** Purchase-order details, sent as the JSON `Metadata` part. */
  metadata: OrderAttachmentMetadata;
  /** The purchase-order files. */
  poFiles: Blob[];
  /** Tender documents, if the order is part of a tender (the `TenderFiles` part, E1). */
  tenderFiles?: Blob[] | undefined;
}

const LIST_ORDER_ACTIVATION_LINKS: Operation = { rule: listOrderActivationLinksRule };
const LIST_LINE_ITEM_ACTIVATION_LINKS: Operation = { rule: listLineItemActivationLinksRule };
const LIST_SUBSCRIPTION_ACTIVATION_LINKS: Operation = { rule: listSubscriptionActivationLinksRule };
const CREATE_ORDER_ATTACHMENTS: Operation = { rule: createOrderAttachmentsRule, check: createOrderAttachmentsCheck };
const LIST_ORDER_ATTACHMENTS: Operation = { rule: listOrderAttachmentsRule };
const GET_ORDER_ATTACHMENT: Operation = { rule: getOrderAttachmentRule };

/** listOrderActivationLinks: where to activate what each line item of an order bought. */
export async function listOrderActivationLinks(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: CallOptions = {},
): Promise<OrderLineItemActivationLinkCollection> {
  const path = { customer_id: customerId, order_id: orderId };
  return callWith(client, LIST_ORDER_ACTIVATION_LINKS, { path }, options);
}

/** listLineItemActivationLinks: where to activate what one line item bought. */
export async function listLineItemActivationLinks(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  lineItemNumber: number,
  options: CallOptions = {},
): Promise<OrderLineItemActivationLinkCollection> {
  const path = { customer_id: customerId, order_id: orderId, line_item_number: lineItemNumber };
  return callWith(client, LIST_LINE_ITEM_ACTIVATION_LINKS, { path }, options);
}

/** listSubscriptionActivationLinks: where to activate what one subscription is for. */
export async function listSubscriptionActivationLinks(
  client: PartnerCenterCore,
  customerId: string,
  subscriptionId: string,
  options: CallOptions = {},
): Promise<OrderLineItemActivationLinkCollection> {
  const path = { customer_id: customerId, subscription_id: subscriptionId };
  return callWith(client, LIST_SUBSCRIPTION_ACTIVATION_LINKS, { path }, options);
}

/** createOrderAttachments: uploads purchase-order (and tender) files as multipart/form-data. */
export async function createOrderAttachments(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  input: OrderAttachmentsInput,
  options: CallOptions = {},
): Promise<OrderAttachmentCollection> {
  // Part names as the .NET SDK's AttachmentDetails has them (E1).
  const upload = { Metadata: input?.metadata, POFiles: input?.poFiles, TenderFiles: input?.tenderFiles };
  const request = { path: { customer_id: customerId, order_id: orderId }, body: upload };
  return callWith(client, CREATE_ORDER_ATTACHMENTS, request, options);
}

/** listOrderAttachments: the documents attached to an order (known from the .NET SDK only, E2). */
export async function listOrderAttachments(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  options: CallOptions = {},
): Promise<OrderAttachmentCollection> {
  const path = { customer_id: customerId, order_id: orderId };
  return callWith(client, LIST_ORDER_ATTACHMENTS, { path }, options);
}

/** getOrderAttachment: one attached document's content, as a Blob (known from the .NET SDK only, E2). */
export async function getOrderAttachment(
  client: PartnerCenterCore,
  customerId: string,
  orderId: string,
  attachmentId: string,
  options: CallOptions = {},
): Promise<Blob> {
  const path = { customer_id: customerId, order_id: orderId, attachment_id: attachmentId };
  return callWith(client, GET_ORDER_ATTACHMENT, { path }, options);
}

/** The documents' functions on pc.orders. */
export function orderDocumentsApi(client: PartnerCenterCore) {
  const on = boundTo(client);
  return {
    /** listOrderActivationLinks: where to activate what each line item of an order bought. */
    listOrderActivationLinks: on(listOrderActivationLinks),
    /** listLineItemActivationLinks: where to activate what one line item bought. */
    listLineItemActivationLinks: on(listLineItemActivationLinks),
    /** listSubscriptionActivationLinks: where to activate what one subscription is for. */
    listSubscriptionActivationLinks: on(listSubscriptionActivationLinks),
    /** createOrderAttachments: uploads purchase-order (and tender) files as multipart/form-data. */
    createOrderAttachments: on(createOrderAttachments),
    /** listOrderAttachments: the documents attached to an order (known from the .NET SDK only, E2). */
    listOrderAttachments: on(listOrderAttachments),
    /** getOrderAttachment: one attached document's content, as a Blob (known from the .NET SDK only, E2). */
    getOrderAttachment: on(getOrderAttachment),
  };
}
