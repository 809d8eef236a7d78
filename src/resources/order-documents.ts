// The documents of an order on pc.orders: its activation links (where to activate what it bought)
// and its attachments (purchase orders and tender files, E1 and E2).
import type {
  OrderAttachmentCollection,
  OrderAttachmentMetadata,
  OrderLineItemActivationLinkCollection,
} from "../../generated/schema";
import type { CallOptions } from "../options";
import type { OperationCall } from "../calls/call";

export interface OrderAttachmentsInput {
  /** Purchase-order details, sent as the JSON `Metadata` part. */
  metadata: OrderAttachmentMetadata;
  /** The purchase-order files. */
  poFiles: Blob[];
  /** Tender documents, if the order is part of a tender (the `TenderFiles` part, E1). */
  tenderFiles?: Blob[] | undefined;
}

export function orderDocumentsApi(call: OperationCall) {
  return {
    /** listOrderActivationLinks: where to activate what each line item of an order bought. */
    async listOrderActivationLinks(customerId: string, orderId: string, options: CallOptions = {}) {
      return call<OrderLineItemActivationLinkCollection>(
        "listOrderActivationLinks",
        { path: { customer_id: customerId, order_id: orderId } },
        options,
      );
    },

    /** listLineItemActivationLinks: where to activate what one line item bought. */
    async listLineItemActivationLinks(
      customerId: string,
      orderId: string,
      lineItemNumber: number,
      options: CallOptions = {},
    ) {
      return call<OrderLineItemActivationLinkCollection>(
        "listLineItemActivationLinks",
        { path: { customer_id: customerId, order_id: orderId, line_item_number: lineItemNumber } },
        options,
      );
    },

    /** listSubscriptionActivationLinks: where to activate what one subscription is for. */
    async listSubscriptionActivationLinks(customerId: string, subscriptionId: string, options: CallOptions = {}) {
      return call<OrderLineItemActivationLinkCollection>(
        "listSubscriptionActivationLinks",
        { path: { customer_id: customerId, subscription_id: subscriptionId } },
        options,
      );
    },

    /** createOrderAttachments: uploads purchase-order (and tender) files as multipart/form-data. */
    async createOrderAttachments(
      customerId: string,
      orderId: string,
      input: OrderAttachmentsInput,
      options: CallOptions = {},
    ) {
      // Part names as the .NET SDK's AttachmentDetails has them (E1).
      const upload = { Metadata: input?.metadata, POFiles: input?.poFiles, TenderFiles: input?.tenderFiles };
      return call<OrderAttachmentCollection>(
        "createOrderAttachments",
        { path: { customer_id: customerId, order_id: orderId }, body: upload },
        options,
      );
    },

    /** listOrderAttachments: the documents attached to an order (known from the .NET SDK only, E2). */
    async listOrderAttachments(customerId: string, orderId: string, options: CallOptions = {}) {
      return call<OrderAttachmentCollection>(
        "listOrderAttachments",
        { path: { customer_id: customerId, order_id: orderId } },
        options,
      );
    },

    /** getOrderAttachment: one attached document's content, as a Blob (known from the .NET SDK only, E2). */
    async getOrderAttachment(
      customerId: string,
      orderId: string,
      attachmentId: string,
      options: CallOptions = {},
    ): Promise<Blob> {
      return call<Blob>(
        "getOrderAttachment",
        { path: { customer_id: customerId, order_id: orderId, attachment_id: attachmentId } },
        options,
      );
    },
  };
}
