// The contract command's arguments: flags first, then the environment's PARTNER_CENTER_*
// variables. A pure reading: what to run, or what is wrong with the command line.
import { parameterTargetView } from "../../generated/request-rules";
import type { ValidationProblem } from "../errors";
import { wholeNumberMessage } from "../rules/is-whole";

export interface ContractArgs {
  baseUrl: string;
  /** The customer whose orders are read; without one, only what needs no customer of the partner's runs. */
  customerId?: string;
  /** A cart of that customer to read (getCart): carts cannot be listed, so one is named. */
  cartId?: string;
  /** Also create and cancel an order: only with `--writes sandbox`. */
  writes: boolean;
  offerId: string;
  /** The country the catalog is read in, two letters. */
  country: string;
  /** The catalog view whose products are read: one the spec documents. */
  view: string;
  /** Generated requests per operation and kind (valid, invalid); 0 for none. */
  fuzz: number;
  seed: number;
  /** Requests a minute, as the client's `rateLimit`: Partner Center's 500 unless --rate-limit says otherwise. */
  rateLimit: number | false;
  junit?: string;
}

export const USAGE = `usage: partner-center-orders contract --base-url URL [--customer ID] [--cart ID] [--country CC] [--view VIEW] [--writes sandbox] [--offer ID] [--fuzz N] [--seed N] [--rate-limit N] [--junit FILE]

Checks a Partner Center Orders endpoint against the spec: the customer's orders (every page), one
order, its provisioning status, activation links and subscriptions, one subscription, today's audit
records, and with --cart the customer's
cart (without --customer, only the orders of a customer that is not the partner's); the catalog's
products for --view (default OnlineServices) in --country (default US), the first product's SKUs,
one SKU and its availabilities; with --customer and App+User credentials the customer's agreements;
with --writes sandbox also creates and cancels one order
(integration sandbox accounts only; --offer, default the docs' software offer, must be one updateOrder cancels, or the
check fails); with --fuzz N also sends N valid and N invalid generated requests per operation (read-only ones unless
--writes sandbox, and never one that buys). Requests are
paced at Partner Center's 500 a minute; --rate-limit N sets another pace (0: none, for a mock).

Credentials: PARTNER_CENTER_TOKEN, or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and
PARTNER_CENTER_CLIENT_SECRET (App-only, signed in at PARTNER_CENTER_AUTHORITY_HOST, default
https://login.microsoftonline.com, through the same proxy as the calls). --base-url, --customer, --cart and
--offer default to PARTNER_CENTER_BASE_URL, PARTNER_CENTER_CUSTOMER_ID, PARTNER_CENTER_CART_ID and
PARTNER_CENTER_OFFER_ID.
Exit code 0: every check passed; 1: a check failed; 2: the command or its credentials are wrong;
3: the endpoint could not be reached (no check got an answer).`;

const FLAGS = new Set([
  "--base-url",
  "--customer",
  "--cart",
  "--writes",
  "--offer",
  "--country",
  "--view",
  "--fuzz",
  "--seed",
  "--rate-limit",
  "--junit",
]);
/** The "cancel software purchases" page's offer: software, which updateOrder cancels in any tenant (D37), so a sandbox run cleans up after itself. */
const DEFAULT_OFFER = "DG7GMGF0FKZV:0003:DG7GMGF0DWMS";
/** The views the spec documents; the service binds them case-insensitively, so a flag may too. */
const VIEWS = (parameterTargetView.schema.enum ?? []).map(String);

export function readContractArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ContractArgs | ValidationProblem[] {
  const given = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!FLAGS.has(flag)) problems.push({ path: flag, message: "is not a flag of the contract command" });
    else if (value === undefined || value.startsWith("--")) problems.push({ path: flag, message: "needs a value" });
    else given.set(flag, value);
  }
  const baseUrl = given.get("--base-url") ?? env.PARTNER_CENTER_BASE_URL;
  const customerId = given.get("--customer") ?? env.PARTNER_CENTER_CUSTOMER_ID;
  const cartId = given.get("--cart") ?? env.PARTNER_CENTER_CART_ID;
  if (cartId !== undefined && !customerId)
    problems.push({ path: "--cart", message: "needs --customer: a cart is read as one of the customer's" });
  if (!baseUrl) problems.push({ path: "--base-url", message: "is required (or PARTNER_CENTER_BASE_URL)" });
  const writes = given.get("--writes");
  if (writes !== undefined && writes !== "sandbox")
    problems.push({
      path: "--writes",
      message: `must be "sandbox": orders are created and cancelled only on an integration sandbox account, got ${writes}`,
    });
  const country = given.get("--country") ?? "US";
  if (!/^[A-Za-z]{2}$/.test(country))
    problems.push({ path: "--country", message: `must be a two-letter country code (ISO 3166), got ${country}` });
  const view = given.get("--view") ?? "OnlineServices";
  if (!VIEWS.some((known) => known.toLowerCase() === view.toLowerCase()))
    problems.push({
      path: "--view",
      message: `must be a catalog view the docs name (${VIEWS.join(", ")}), got ${view}`,
    });
  const count = (flag: string, fallback: number, max: number) => {
    const text = given.get(flag);
    if (text === undefined) return fallback;
    if (!/^\d{1,10}$/.test(text) || Number(text) > max)
      problems.push({ path: flag, message: wholeNumberMessage(text, { min: 0, max }) });
    return Number(text);
  };
  // Ten thousand requests per operation and kind is already hours against a real endpoint;
  // fast-check's seeds are 32-bit integers.
  const fuzz = count("--fuzz", 0, 10_000);
  const seed = count("--seed", 1, 2 ** 31 - 1);
  const rateLimit = count("--rate-limit", 500, 1_000_000);
  if (problems.length) return problems;
  return {
    baseUrl: baseUrl!,
    customerId,
    ...(cartId === undefined ? {} : { cartId }),
    writes: writes === "sandbox",
    offerId: given.get("--offer") ?? env.PARTNER_CENTER_OFFER_ID ?? DEFAULT_OFFER,
    country,
    view,
    fuzz,
    seed,
    rateLimit: rateLimit || false,
    junit: given.get("--junit"),
  };
}
