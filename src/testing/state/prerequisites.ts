// What the fake knows of a purchase's prerequisites: the partner's confirmations of each
// customer's agreement acceptance, the customers' qualifications, the indirect resellers that
// have not signed the MPA, and the catalog items whose inventory is restricted. Ids are data:
// Maps and Sets, never an object's keys.

/** The agreements the fake has metadata for: the docs' MCA template, and the older Microsoft Cloud Agreement's (made up: no page shows it). */
export const AGREEMENT_TEMPLATES = [
  {
    templateId: "117a77b0-9360-443b-8795-c6dedc750cf9",
    agreementType: "MicrosoftCustomerAgreement",
    agreementLink: "https://aka.ms/customeragreement",
    versionRank: 0,
  },
  {
    templateId: "0c1f8a1d-7c8e-4a36-9d1e-000000000ca1",
    agreementType: "MicrosoftCloudAgreement",
    agreementLink: "https://aka.ms/microsoftcloudagreement",
    versionRank: 0,
  },
] as const;

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
}

export interface StoredAgreement {
  primaryContact: Contact;
  templateId: string;
  dateAgreed: string;
  type: string;
  agreementLink?: string;
  userId?: string;
}

export interface StoredQualification {
  qualification: string;
  vettingStatus: string;
  vettingCreateDate: string;
  [field: string]: unknown;
}

const sameContact = (a: Contact, b: Contact) =>
  (["firstName", "lastName", "email", "phoneNumber"] as const).every(
    (key) => (a[key] ?? "").toLowerCase() === (b[key] ?? "").toLowerCase(),
  );

export class Prerequisites {
  private readonly agreements = new Map<string, StoredAgreement[]>();
  private readonly qualifications = new Map<string, StoredQualification[]>();

  constructor(
    /** MPN ids and tenant ids of indirect resellers that have not signed the MPA (lower case). */
    private readonly resellersWithoutMpa: ReadonlySet<string>,
    /** Catalog items (`productId:skuId`) whose inventory is restricted. */
    private readonly restricted: ReadonlySet<string>,
  ) {}

  /** Forgets every confirmation and qualification. */
  clear(): void {
    this.agreements.clear();
    this.qualifications.clear();
  }

  agreementsOf(customerId: string, type: string): StoredAgreement[] {
    const all = this.agreements.get(customerId.toLowerCase()) ?? [];
    return type === "*" ? all : all.filter((a) => a.type.toLowerCase() === type.toLowerCase());
  }

  /** Adds a confirmation, unless one with the same type and contact exists (600061). */
  confirm(customerId: string, agreement: StoredAgreement): boolean {
    const key = customerId.toLowerCase();
    const held = this.agreements.get(key) ?? [];
    const duplicate = held.some(
      (a) =>
        a.type.toLowerCase() === agreement.type.toLowerCase() &&
        sameContact(a.primaryContact, agreement.primaryContact),
    );
    if (duplicate) return false;
    this.agreements.set(key, [...held, agreement]);
    return true;
  }

  /** Whether the partner has confirmed the customer's acceptance of the MCA. */
  hasAcceptedMca(customerId: string): boolean {
    return this.agreementsOf(customerId, "MicrosoftCustomerAgreement").length > 0;
  }

  qualificationsOf(customerId: string): StoredQualification[] {
    return this.qualifications.get(customerId.toLowerCase()) ?? [];
  }

  qualify(customerId: string, qualification: StoredQualification): void {
    const key = customerId.toLowerCase();
    this.qualifications.set(key, [...this.qualificationsOf(key), qualification]);
  }

  /** Whether an indirect reseller (by MPN id or tenant id) has signed the MPA. */
  hasSignedMpa(resellerId: string): boolean {
    return !this.resellersWithoutMpa.has(resellerId.toLowerCase());
  }

  isRestricted(productId: string, skuId: string): boolean {
    return this.restricted.has(`${productId}:${skuId}`.toLowerCase());
  }
}
