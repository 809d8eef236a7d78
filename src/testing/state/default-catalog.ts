// The fake's default catalog, drawn from the docs' own examples: a new-commerce license-based
// product (Microsoft 365 Business Basic, get-a-sku-by-id and get-an-availability-by-id), the Azure
// savings plan (azure-purchase-savings-plan), a VM reservation (get-a-sku-by-id) and the Azure plan
// (get-a-list-of-products-by-customer, whose SKU lists the MCA as a prerequisite) and a software
// subscription (cancel-software-purchases and get-all-of-a-customer-s-subscriptions), all in the
// US. What the docs do not show of a product (the reservation's title and availability, the Azure
// plan's availability, the software SKU's fields beyond its name and terms) is made up, and says so.
import type { CatalogProduct } from "./catalog";

const M365_BUSINESS_BASIC: CatalogProduct = {
  id: "CFQ7TTC0LH18",
  views: ["OnlineServices"],
  title: "Microsoft 365 Business Basic",
  description:
    "Best for businesses that need professional email, cloud file storage, and online meetings & chat. Desktop versions of Office apps like Excel, Word, and PowerPoint not included. For businesses with up to 300 employees.",
  productType: { id: "OnlineServicesNCE", displayName: "OnlineServicesNCE" },
  isMicrosoftProduct: true,
  publisherName: "Microsoft Corporation",
  skus: [
    {
      id: "0001",
      title: "Microsoft 365 Business Basic",
      description: "Microsoft 365 Business Basic",
      minimumQuantity: 1,
      maximumQuantity: 300,
      isTrial: false,
      supportedBillingCycles: ["annual", "monthly"],
      purchasePrerequisites: ["MicrosoftCloudAgreement"],
      inventoryVariables: [],
      provisioningVariables: [],
      actions: ["Refund"],
      dynamicAttributes: { isMicrosoftProduct: true, hasConstraints: true, isAddon: false, prerequisiteSkus: [] },
      availabilities: [
        {
          id: "CFQ7TTC0K971",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: true,
          renewalInstructions: [
            {
              applicableTermIds: ["5aeco6mffyxo"],
              renewalOptions: [{ renewToId: "CFQ7TTC0LH18:0001", isAutoRenewable: true }],
            },
          ],
          terms: [
            {
              id: "5aeco6mffyxo",
              duration: "P1Y",
              description: "One-Year commitment for monthly/yearly billing",
              billingCycle: "Annual",
              cancellationPolicies: [{ refundOptions: [{ sequenceId: 0, type: "Full", expiresAfter: "P1D" }] }],
            },
          ],
        },
      ],
    },
  ],
};

const AZURE_SAVINGS_PLAN: CatalogProduct = {
  id: "DZH318Z09V6F",
  views: ["Azure"],
  title: "Azure savings plan",
  description:
    "Flexible pricing model offering lower prices compared to On-Demand pricing, in exchange for a specific usage commitment",
  productType: { id: "Azure", displayName: "Azure", subType: { id: "SavingsPlan", displayName: "SavingsPlan" } },
  isMicrosoftProduct: true,
  publisherName: "Microsoft Corporation",
  skus: [
    {
      id: "0001",
      title: "Compute savings plan, 1 Year",
      description: "Compute savings plan, 1 Year",
      minimumQuantity: 1,
      maximumQuantity: 1,
      minimumPurchaseCommitment: { grain: "Hourly", currencyCode: { code: "USD", symbol: "$" }, amount: "0.001" },
      isTrial: false,
      supportedBillingCycles: ["one_time", "monthly"],
      purchasePrerequisites: ["MicrosoftCloudAgreement"],
      inventoryVariables: [],
      provisioningVariables: [],
      actions: ["Refund"],
      dynamicAttributes: { isMicrosoftProduct: true, armSkuName: "Compute_Savings_Plan", termDuration: "P1Y" },
      availabilities: [
        {
          id: "DZH318Z0BLD3",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: false,
          renewalInstructions: [],
          terms: [{ duration: "P1Y", description: "1year" }],
        },
      ],
    },
  ],
};

const VM_RESERVATION: CatalogProduct = {
  id: "DZH318Z0BQ3V",
  views: ["Azure", "AzureReservations", "AzureReservationsVM", "AzureAzureReservationsVM"],
  // Made up, as is the availability below: the docs show only this product's SKU.
  title: "Reserved Virtual Machine Instances, Dsv3 Series",
  description: "Reserved Virtual Machines Instance, Dsv3 Series",
  productType: {
    id: "Azure",
    displayName: "Azure",
    subType: { id: "VirtualMachines", displayName: "VirtualMachines" },
  },
  isMicrosoftProduct: true,
  publisherName: "Microsoft",
  skus: [
    {
      id: "00G1",
      title: "Reserved VM Instance, Standard_D32s_v3, US West 2, 3 Years",
      description: "Reserved Virtual Machines Instance, Standard_D32s_v3, US West 2, 3 Years",
      minimumQuantity: 1,
      maximumQuantity: 999999999,
      isTrial: false,
      supportedBillingCycles: ["one_time"],
      purchasePrerequisites: ["AzureSubscriptionRegistration", "InventoryCheck"],
      inventoryVariables: ["CustomerId", "AzureSubscriptionId"],
      provisioningVariables: ["Scope", "SubscriptionId"],
      dynamicAttributes: { armSkuName: "Standard_D32s_v3", armRegionName: "westus2", duration: "3Years" },
      availabilities: [
        {
          // Made up: no docs page shows this SKU's availability.
          id: "FAKE0000RI01",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: false,
          renewalInstructions: [],
          terms: [{ duration: "P3Y", description: "3 Years" }],
        },
      ],
    },
  ],
};

const AZURE_PLAN: CatalogProduct = {
  id: "DZH318Z0BPS6",
  views: ["MicrosoftAzure"],
  title: "Azure plan",
  description: "Microsoft Azure plan (MS-AZR-0017G)",
  productType: { id: "Azure", displayName: "Azure" },
  isMicrosoftProduct: true,
  publisherName: "Microsoft Corporation",
  skus: [
    {
      // get-a-list-of-products-by-customer: the SKU that lists the MCA among its prerequisites.
      id: "0001",
      title: "Microsoft Azure plan",
      description: "Microsoft Azure plan (MS-AZR-0017G)",
      minimumQuantity: 1,
      maximumQuantity: 1,
      isTrial: false,
      supportedBillingCycles: ["one_time"],
      purchasePrerequisites: ["MicrosoftCustomerAgreement"],
      inventoryVariables: [],
      provisioningVariables: [],
      actions: ["Refund"],
      dynamicAttributes: { isMicrosoftProduct: true, pilotProgram: "modernazurepilot" },
      availabilities: [
        {
          // Made up: no docs page shows the Azure plan's availability.
          id: "FAKE0000AP01",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: false,
          renewalInstructions: [],
          terms: [],
        },
      ],
    },
  ],
};

const SQL_SERVER_ENTERPRISE: CatalogProduct = {
  // The offers of cancel-software-purchases (DWMS) and get-all-of-a-customer-s-subscriptions (DQLM).
  id: "DG7GMGF0FKZV",
  views: ["Software", "SoftwareSubscriptions"],
  // Made up from the SKU's name: no docs page shows this product.
  title: "SQL Server Enterprise",
  description: "SQL Server Enterprise",
  productType: { id: "Software", displayName: "Software" },
  isMicrosoftProduct: true,
  publisherName: "Microsoft",
  skus: [
    {
      id: "0003",
      title: "SQL Server Enterprise - 2 Core License Pack - 3 year",
      description: "SQL Server Enterprise - 2 Core License Pack - 3 year",
      // Made up, as the M365 SKU's are: the docs show no software SKU.
      minimumQuantity: 1,
      maximumQuantity: 5000,
      isTrial: false,
      supportedBillingCycles: ["one_time", "triennial"],
      purchasePrerequisites: ["MicrosoftCloudAgreement"],
      inventoryVariables: [],
      provisioningVariables: [],
      dynamicAttributes: { isMicrosoftProduct: true },
      availabilities: [
        {
          id: "DG7GMGF0DWMS",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: false,
          renewalInstructions: [],
          terms: [{ duration: "P3Y", description: "3 Years", billingCycle: "one_time" }],
        },
        {
          id: "DG7GMGF0DQLM",
          defaultCurrency: { code: "USD", symbol: "$" },
          segment: "commercial",
          country: "US",
          isPurchasable: true,
          isRenewable: true,
          renewalInstructions: [],
          terms: [{ duration: "P3Y", description: "3 Years", billingCycle: "triennial" }],
        },
      ],
    },
  ],
};

export const DEFAULT_CATALOG: readonly CatalogProduct[] = [
  M365_BUSINESS_BASIC,
  AZURE_SAVINGS_PLAN,
  VM_RESERVATION,
  AZURE_PLAN,
  SQL_SERVER_ENTERPRISE,
];
