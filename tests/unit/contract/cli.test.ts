// The contract command, run in-process: it passes against the fake Partner Center, with writes and
// generated requests; against a server whose answers break the spec it fails and names each
// violation; it refuses a wrong command line or missing credentials with exit code 2; it never
// prints the token.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/contract/cli";
import { readContractArgs } from "../../../src/contract/cli-args";
import { examples } from "../../../src/contract";
import { createPartnerCenterClient } from "../../../src";
import { startFakePartnerCenter, type FakePartnerCenter } from "../../../src/testing";
import { startServer, type HostileServer } from "../../helpers/hostile-server";
import { startProxy, withProxyEnvironment } from "../../helpers/proxy";

const CUSTOMER = "b0d70a69-4c42-4b27-b17b-91a835d8686a";
const TOKEN = "eyJ0eXAiOiJKV1QifQ.c2VjcmV0.c2ln";

async function run(...argv: string[]) {
  let output = "";
  const code = await main(argv, { PARTNER_CENTER_TOKEN: TOKEN }, (text) => (output += `${text}\n`));
  return { code, output };
}

describe("the contract command against the fake Partner Center", () => {
  let fake: FakePartnerCenter;
  beforeAll(async () => {
    // The default offer is cancelled here: as software in a sandbox, which updateOrder cancels (D37).
    fake = await startFakePartnerCenter({
      pageSize: 2,
      tenant: "sandbox",
      offerKinds: { "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P": "software" },
    });
    fake.seedOrders(CUSTOMER, 3);
  });
  afterAll(() => fake.close());

  it("signs in App-only with the client secret at PARTNER_CENTER_AUTHORITY_HOST, through the proxy its calls take", async () => {
    const proxy = await startProxy("open");
    try {
      await withProxyEnvironment({ HTTP_PROXY: proxy.url }, async () => {
        let output = "";
        const env = {
          PARTNER_CENTER_TENANT_ID: "contoso.onmicrosoft.com",
          PARTNER_CENTER_CLIENT_ID: "app-id",
          PARTNER_CENTER_CLIENT_SECRET: "s3cr3t",
          PARTNER_CENTER_AUTHORITY_HOST: fake.authorityHost,
        };
        const code = await main(
          ["contract", "--base-url", fake.url, "--customer", CUSTOMER, "--rate-limit", "0"],
          env,
          (text) => (output += `${text}\n`),
        );
        expect(output).not.toContain("s3cr3t");
        expect(code).toBe(0);
      });
      const relayed = await proxy.logged(2);
      expect(relayed[0]).toEqual({
        method: "POST",
        target: `${fake.authorityHost}/contoso.onmicrosoft.com/oauth2/v2.0/token`,
        authorized: true,
      });
      expect(relayed.slice(1).every((entry) => entry.target.startsWith(fake.url))).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it("passes every check, pages included, and writes JUnit XML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pco-junit-"));
    try {
      const { code, output } = await run(
        "contract",
        "--base-url",
        fake.url,
        "--customer",
        CUSTOMER,
        "--junit",
        join(dir, "contract.xml"),
      );
      expect(code).toBe(0);
      expect(output).toMatch(/^listOrders, page 1 +200 +ok/m);
      expect(output).toMatch(/^listOrders, page 2 +200 +ok/m);
      expect(output).toMatch(/^getOrderProvisioningStatus +200 +ok +\d+\n {4}order \S+$/m);
      expect(output).toMatch(/^listSubscriptions, by order +200 +ok +\d+\n {4}order \S+$/m);
      // The catalog, read down from the view's first product, and the customer's agreements.
      expect(output).toMatch(/^listProducts +200 +ok +\d+\n {4}OnlineServices in US$/m);
      expect(output).toMatch(/^listSkus +200 +ok +\d+\n {4}product CFQ7TTC0LH18$/m);
      expect(output).toMatch(/^getSku +200 +ok +\d+\n {4}SKU CFQ7TTC0LH18:0001$/m);
      expect(output).toMatch(/^listAvailabilities +200 +ok +\d+\n {4}SKU CFQ7TTC0LH18:0001$/m);
      expect(output).toMatch(/^listCustomerAgreements +200 +ok/m);
      // One subscription the order created, and a day of the audit log.
      expect(output).toMatch(/^getSubscription +200 +ok +\d+\n {4}subscription \S+$/m);
      expect(output).toMatch(/^listAuditRecords, one day +200 +ok +\d+\n {4}\d{4}-\d\d-\d\d$/m);
      // Hundredths: a run against a local server takes well under a tenth of a second.
      expect(output).toMatch(/^13 checks: 13 passed, 0 failed, 0 skipped, in \d+\.\d\d s$/m);
      const xml = readFileSync(join(dir, "contract.xml"), "utf8");
      expect(xml).toContain('<testsuite name="partner-center-orders contract" tests="13" failures="0" skipped="0"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the cart named by --cart, and refuses --cart without --customer", async () => {
    const pc = createPartnerCenterClient({ credential: "t", baseUrl: fake.url });
    const cart = await pc.carts.create(CUSTOMER, {
      lineItems: [{ catalogItemId: "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", quantity: 1, billingCycle: "monthly" }],
    });
    const { code, output } = await run("contract", "--base-url", fake.url, "--customer", CUSTOMER, "--cart", cart.id!);
    expect(code).toBe(0);
    expect(output).toMatch(new RegExp(`^getCart +200 +ok +\\d+\\n {4}cart ${cart.id}$`, "m"));
    const unknown = await run(
      "contract",
      "--base-url",
      fake.url,
      "--customer",
      CUSTOMER,
      "--cart",
      crypto.randomUUID(),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/^getCart +404 +FAIL/m);
    const alone = await run("contract", "--base-url", fake.url, "--cart", cart.id!);
    expect(alone).toMatchObject({ code: 2, output: expect.stringContaining("--cart needs --customer") });
  });

  it("reads the catalog of --view in --country, and says which levels it skipped when a view has no product there", async () => {
    const azure = await run("contract", "--base-url", fake.url, "--view", "azure", "--country", "us");
    expect(azure.code).toBe(0);
    expect(azure.output).toMatch(/^listProducts +200 +ok +\d+\n {4}azure in us$/m);
    expect(azure.output).toMatch(/^listAvailabilities +200 +ok +\d+\n {4}SKU DZH318Z09V6F:0001$/m);
    const empty = await run("contract", "--base-url", fake.url, "--view", "SoftwareSUSELinux");
    expect(empty.code).toBe(0);
    expect(empty.output).toMatch(/^listProducts +200 +ok/m);
    for (const name of ["listSkus", "getSku", "listAvailabilities"]) {
      expect(empty.output).toMatch(
        new RegExp(`^${name} +- +skipped +\\d+\\n {4}the SoftwareSUSELinux view has no product in US$`, "m"),
      );
    }
  });

  it("without --customer, checks what needs no customer of the partner's and says what it skipped", async () => {
    const { code, output } = await run("contract", "--base-url", fake.url, "--writes", "sandbox", "--fuzz", "2");
    expect(code).toBe(0);
    expect(output).toMatch(/^listOrders, a customer not the partner's +200 +ok/m);
    expect(output).toMatch(
      /^the customer's orders, one order, its provisioning, activation links and subscriptions, one subscription, a cart +- +skipped +\d+\n {4}no --customer \(or PARTNER_CENTER_CUSTOMER_ID\)/m,
    );
    expect(output).toMatch(/^createOrder \(sandbox\) +- +skipped +\d+\n {4}no --customer/m);
    expect(output).toMatch(/^generated listOrders \(4 requests\) +- +ok/m);
  });

  it("creates and cancels an order with --writes sandbox, and sends generated requests with --fuzz", async () => {
    const before = fake.stats.created;
    const { code, output } = await run(
      "contract",
      "--base-url",
      fake.url,
      "--customer",
      CUSTOMER,
      "--writes",
      "sandbox",
      "--fuzz",
      "5",
      "--seed",
      "7",
    );
    expect(code).toBe(0);
    expect(output).toMatch(/^createOrder \(sandbox\) +201 +ok/m);
    expect(output).toMatch(/^updateOrder: cancel \(sandbox\) +200 +ok +\d+\n {4}order \S+$/m);
    expect(output).toMatch(/^generated createCart \(10 requests\) +- +ok/m);
    // Only what it can clean up: the one order it cancelled, no generated orders or checkouts.
    expect(output).not.toMatch(/generated (createOrder|checkoutCart)/);
    expect(fake.stats.created - before).toBe(1);
  });
});

describe("the contract command with an App-only token", () => {
  it("reports getOrderProvisioningStatus and listCustomerAgreements as needing App+User, not as failures", async () => {
    const fake = await startFakePartnerCenter({ tokens: { [TOKEN]: "app" } });
    fake.seedOrders(CUSTOMER, 1);
    try {
      const dir = mkdtempSync(join(tmpdir(), "pco-app-only-"));
      try {
        const { code, output } = await run(
          "contract",
          "--base-url",
          fake.url,
          "--customer",
          CUSTOMER,
          "--junit",
          join(dir, "out.xml"),
        );
        expect(code).toBe(0);
        expect(output).toMatch(
          /^getOrderProvisioningStatus +403 +skipped +\d+\n {4}order \S+\n {4}needs App\+User credentials/m,
        );
        expect(output).toMatch(/^getOrder +200 +ok/m);
        expect(output).toMatch(/^listCustomerAgreements +403 +skipped +\d+\n {4}needs App\+User credentials/m);
        expect(output).toMatch(/^listProducts +200 +ok/m);
        expect(readFileSync(join(dir, "out.xml"), "utf8")).toMatch(
          /<testcase [^>]*name="getOrderProvisioningStatus"[^>]*>\n {6}<skipped message="needs App\+User/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await fake.close();
    }
  });
});

describe("the contract command cancelling an order the service will not cancel", () => {
  it("fails the check whose cleanup failed, naming the order left behind and what to pass instead", async () => {
    const fake = await startFakePartnerCenter({});
    fake.seedOrders(CUSTOMER, 1);
    try {
      const { code, output } = await run(
        "contract",
        "--base-url",
        fake.url,
        "--customer",
        CUSTOMER,
        "--writes",
        "sandbox",
        "--offer",
        "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
      );
      expect(code).toBe(1);
      expect(output).toMatch(/^updateOrder: cancel \(sandbox\) +400 +FAIL/m);
      expect(output).toMatch(/cleanup failed: order \S+ was placed and could not be cancelled \(400 800063\).*--offer/);
    } finally {
      await fake.close();
    }
  });

  it("places the docs' software offer by default, which updateOrder cancels anywhere (D37)", async () => {
    const fake = await startFakePartnerCenter({});
    try {
      const { code, output } = await run(
        "contract",
        "--base-url",
        fake.url,
        "--customer",
        CUSTOMER,
        "--writes",
        "sandbox",
      );
      expect(code).toBe(0);
      expect(output).toMatch(/^updateOrder: cancel \(sandbox\) +200 +ok/m);
      expect(fake.orders(CUSTOMER).map((o) => [o.lineItems[0]!.offerId, o.status])).toEqual([
        ["DG7GMGF0FKZV:0003:DG7GMGF0DWMS", "cancelled"],
      ]);
    } finally {
      await fake.close();
    }
  });
});

describe("the contract command against a server whose answers break the spec", () => {
  let server: HostileServer;
  let url: string;
  beforeAll(async () => {
    const order = examples.getOrder200;
    const answers: Record<string, [number, unknown]> = {
      [`/customers/${CUSTOMER}/orders`]: [200, { totalCount: "1", items: [order] }],
      [`/customers/${CUSTOMER}/orders/${order.id}`]: [200, { ...order, id: undefined }],
      [`/customers/${CUSTOMER}/orders/${order.id}/provisioningstatus`]: [
        200,
        { totalCount: 1, items: [{ lineItemNumber: "0", status: "fulfilled" }] },
      ],
      [`/customers/${CUSTOMER}/orders/${order.id}/activationlinks`]: [418, { code: 418, description: "I'm a teapot" }],
      [`/customers/${CUSTOMER}/subscriptions`]: [200, { totalCount: 1, items: [{ orderId: order.id }] }],
      ["/products"]: [200, { totalCount: 1, items: [{ id: 7, title: "A product" }] }],
    };
    server = await startServer((request, response) => {
      const [status, body] = answers[new URL(request.url!, "http://x").pathname] ?? [
        404,
        { code: 404, description: "no" },
      ];
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    });
    url = server.url;
  });
  afterAll(() => server.close());

  it("fails, naming each violation: a wrong type, a missing required field (in an order and in a subscription), an undeclared status, and reads no further down a broken catalog", async () => {
    const { code, output } = await run("contract", "--base-url", url, "--customer", CUSTOMER);
    expect(code).toBe(1);
    expect(output).toMatch(/^listOrders, page 1 +200 +FAIL/m);
    expect(output).toContain('body.totalCount: must be integer, got "1"');
    expect(output).toMatch(/^getOrder +200 +FAIL +\d+\n {4}order \S+\n {4}body\.id: is required/m);
    expect(output).toContain('body.items[0].lineItemNumber: must be integer, got "0"');
    expect(output).toMatch(/^listOrderActivationLinks +418 +FAIL/m);
    expect(output).toContain("status: 418 is not a documented answer of listOrderActivationLinks");
    expect(output).toMatch(
      /^listSubscriptions, by order +200 +FAIL +\d+\n {4}order \S+\n {4}body\.items\[0\]\.id: is required/m,
    );
    expect(output).toMatch(
      /^listProducts +200 +FAIL +\d+\n {4}OnlineServices in US\n {4}body\.items\[0\]\.id: must be string/m,
    );
    expect(output).toMatch(/^listSkus +- +skipped +\d+\n {4}listProducts failed$/m);
    expect(output).toMatch(/^listCustomerAgreements +404 +FAIL/m);
    expect(output).toMatch(/^getSubscription +- +skipped +\d+\n {4}listSubscriptions failed$/m);
    expect(output).toMatch(/^listAuditRecords, one day +404 +FAIL/m);
    expect(output).toMatch(/12 checks: 0 passed, 8 failed, 4 skipped/);
    expect(output).not.toContain(TOKEN);
  });
});

describe("the contract command against a server that echoes the request's Authorization header", () => {
  let server: HostileServer;
  let url: string;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const echoed = request.headers.authorization ?? "";
      response
        .writeHead(401, { "Content-Type": "application/json" })
        .end(JSON.stringify({ code: 401, description: `token rejected: ${echoed}`, totalCount: echoed }));
    });
    url = server.url;
  });
  afterAll(() => server.close());

  it("fails without --customer too when the token is refused: a 401 is documented, but not a pass", async () => {
    const { code, output } = await run("contract", "--base-url", url);
    expect(code).toBe(1);
    expect(output).toMatch(
      /^listOrders, a customer not the partner's +401 +FAIL +\d+\n {4}status: the token was refused \(401\)/m,
    );
  });

  it.each([
    ["a JWT", TOKEN],
    ["an opaque token", "opaque-secret-7f3a9c"],
  ])("never prints %s, in the table or the JUnit XML", async (_, token) => {
    const dir = mkdtempSync(join(tmpdir(), "pco-echo-"));
    try {
      let output = "";
      const code = await main(
        ["contract", "--base-url", url, "--customer", CUSTOMER, "--junit", join(dir, "out.xml")],
        { PARTNER_CENTER_TOKEN: token },
        (text) => (output += text),
      );
      expect(code).toBe(1);
      expect(output).toContain("token rejected: Bearer [redacted]");
      expect(output).not.toContain(token);
      expect(readFileSync(join(dir, "out.xml"), "utf8")).not.toContain(token);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the contract command against a server that answers with terminal control sequences", () => {
  let server: HostileServer;
  let url: string;
  beforeAll(async () => {
    server = await startServer((_request, response) => {
      response
        .writeHead(503, { "Content-Type": "text/plain" })
        .end("\u001b[2J\u001b[32mall good\nlistOrders, page 1  200  ok\r\u0007");
    });
    url = server.url;
  });
  afterAll(() => server.close());

  it("prints the answer's text with its control characters shown as escapes, on the problem's own line, and in valid XML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pco-control-"));
    try {
      const { code, output } = await run(
        "contract",
        "--base-url",
        url,
        "--customer",
        CUSTOMER,
        "--junit",
        join(dir, "out.xml"),
      );
      expect(code).toBe(1);
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
      expect(output).not.toMatch(/^listOrders, page 1 +200 +ok/m);
      expect(output).toContain(
        "expected a success, got 503: \\u001b[2J\\u001b[32mall good\\nlistOrders, page 1  200  ok\\r\\u0007",
      );
      // XML 1.0 allows no C0 control character but tab, newline and carriage return.
      expect(readFileSync(join(dir, "out.xml"), "utf8")).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the contract command's own mistakes", () => {
  it.each([
    [["contract", "--customer", CUSTOMER], "--base-url is required"],
    [["contract", "--base-url", "http://pc.example.com/v1", "--customer", CUSTOMER], "--base-url must use https"],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--writes",
        "production",
      ],
      '--writes must be "sandbox"',
    ],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--fuzz",
        "many",
      ],
      "--fuzz must be a whole number from 0 to 10000, got many",
    ],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--fuzz",
        "1000000",
      ],
      "--fuzz must be a whole number from 0 to 10000, got 1000000",
    ],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--seed",
        "4294967296",
      ],
      "--seed must be a whole number from 0 to 2147483647",
    ],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--verbose",
        "yes",
      ],
      "--verbose is not a flag",
    ],
    [
      [
        "contract",
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--rate-limit",
        "fast",
      ],
      "--rate-limit must be a whole number from 0 to 1000000, got fast",
    ],
    [
      ["contract", "--base-url", "https://api.partnercenter.microsoft.com/v1", "--country", "USA"],
      "--country must be a two-letter country code (ISO 3166), got USA",
    ],
    [
      ["contract", "--base-url", "https://api.partnercenter.microsoft.com/v1", "--view", "OnlineService"],
      "--view must be a catalog view the docs name (Azure, ",
    ],
    [["audit"], "usage: partner-center-orders contract"],
  ])("refuses %p with exit code 2: %s", async (argv, message) => {
    const { code, output } = await run(...argv);
    expect(code).toBe(2);
    expect(output).toContain(message);
  });

  it("takes no customer: --customer and PARTNER_CENTER_CUSTOMER_ID are optional", () => {
    expect(readContractArgs(["--base-url", "https://api.partnercenter.microsoft.com/v1"], {})).toMatchObject({
      customerId: undefined,
    });
    expect(
      readContractArgs(["--base-url", "https://api.partnercenter.microsoft.com/v1"], {
        PARTNER_CENTER_CUSTOMER_ID: CUSTOMER,
      }),
    ).toMatchObject({ customerId: CUSTOMER });
  });

  it("takes any 32-bit seed, a date for instance", () => {
    const args = readContractArgs(
      [
        "--base-url",
        "https://api.partnercenter.microsoft.com/v1",
        "--customer",
        CUSTOMER,
        "--seed",
        "20261121",
        "--fuzz",
        "10000",
      ],
      {},
    );
    expect(args).toMatchObject({ seed: 20261121, fuzz: 10000 });
  });

  it("paces at Partner Center's 500 requests a minute unless --rate-limit says otherwise (0: not at all)", () => {
    const base = ["--base-url", "https://api.partnercenter.microsoft.com/v1", "--customer", CUSTOMER];
    expect(readContractArgs(base, {})).toMatchObject({ rateLimit: 500 });
    expect(readContractArgs([...base, "--rate-limit", "6000"], {})).toMatchObject({ rateLimit: 6000 });
    expect(readContractArgs([...base, "--rate-limit", "0"], {})).toMatchObject({ rateLimit: false });
  });

  it("asks for credentials, naming both ways, with exit code 2", async () => {
    let output = "";
    const code = await main(
      ["contract", "--base-url", "https://api.partnercenter.microsoft.com/v1", "--customer", CUSTOMER],
      {},
      (text) => (output += text),
    );
    expect(code).toBe(2);
    expect(output).toContain(
      "set PARTNER_CENTER_TOKEN, or PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_CLIENT_SECRET",
    );
  });

  it("names the variable, not the secret, when PARTNER_CENTER_TENANT_ID cannot be a tenant", async () => {
    let output = "";
    const env = {
      PARTNER_CENTER_TENANT_ID: "..",
      PARTNER_CENTER_CLIENT_ID: "c",
      PARTNER_CENTER_CLIENT_SECRET: "s3cr3t",
    };
    const code = await main(
      ["contract", "--base-url", "https://api.partnercenter.microsoft.com/v1", "--customer", CUSTOMER],
      env,
      (text) => (output += text),
    );
    expect(code).toBe(2);
    expect(output).toContain("PARTNER_CENTER_TENANT_ID must be a tenant id");
    expect(output).not.toContain("s3cr3t");
  });
});

describe("the contract command against a server that echoes the token inside a long field", () => {
  const LONG = `eyJ0eXAiOiJKV1QifQ.${"c2VjcmV0".repeat(8)}.c2lnbmF0dXJl`;
  let server: HostileServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      // The token sits past the point where a printed value is cut.
      response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ totalCount: `${"x".repeat(20)}${token}`, items: [] }));
    });
  });
  afterAll(() => server.close());

  it("prints no part of the token, in the table or the JUnit XML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pco-cut-"));
    try {
      let output = "";
      await main(
        ["contract", "--base-url", server.url, "--customer", CUSTOMER, "--junit", join(dir, "out.xml")],
        { PARTNER_CENTER_TOKEN: LONG },
        (text) => (output += text),
      );
      const xml = readFileSync(join(dir, "out.xml"), "utf8");
      for (const text of [output, xml]) {
        expect(text).toContain("[redacted]");
        // Any 16 characters in a row of the token's would be part of it.
        for (let i = 0; i + 16 <= LONG.length; i += 4) expect(text).not.toContain(LONG.slice(i, i + 16));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the contract command with a short token, as a mock takes", () => {
  let fake: FakePartnerCenter;
  beforeAll(async () => {
    fake = await startFakePartnerCenter({ token: "x" });
    fake.seedOrders(CUSTOMER, 1);
  });
  afterAll(() => fake.close());

  it("writes well-formed JUnit XML and leaves order ids whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pco-short-"));
    try {
      let output = "";
      const code = await main(
        ["contract", "--base-url", fake.url, "--customer", CUSTOMER, "--junit", join(dir, "out.xml")],
        { PARTNER_CENTER_TOKEN: "x" },
        (text) => (output += text),
      );
      expect(code).toBe(0);
      const xml = readFileSync(join(dir, "out.xml"), "utf8");
      expect(xml.startsWith('<?xml version="1.0"')).toBe(true);
      expect(output).not.toContain("[redacted]");
      expect(xml).toContain(fake.orders(CUSTOMER)[0]!.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the contract command against a server whose answers would break it or its report", () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startServer((request, response) => {
      const path = new URL(request.url!, "http://x").pathname;
      const nested = "[".repeat(100_000) + "]".repeat(100_000);
      const body = path.endsWith("/orders")
        ? `{"totalCount":1,"items":[{"id":"a\uFFFEb\uFFFF\uD800","lineItems":${nested}}]}`
        : `{"id":${nested}}`;
      response.writeHead(200, { "Content-Type": "application/json" }).end(body);
    });
  });
  afterAll(() => server.close());

  it("reports a 100,000-deep answer as a failed check (exit 1) and writes JUnit XML that XML 1.0 allows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pco-deep-"));
    try {
      const { code, output } = await run(
        "contract",
        "--base-url",
        server.url,
        "--customer",
        CUSTOMER,
        "--junit",
        join(dir, "out.xml"),
      );
      expect(code).toBe(1);
      expect(output).toMatch(/FAIL/);
      const xml = readFileSync(join(dir, "out.xml"), "utf8");
      // XML 1.0's Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and the astral planes, surrogates paired.
      expect(xml).not.toMatch(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the contract command's exit codes and test names", () => {
  it.each([["contract", "--help"], ["contract", "-h"], ["--help"]])(
    "prints its usage for %p and exits 0",
    async (...argv) => {
      const { code, output } = await run(...argv);
      expect(code).toBe(0);
      expect(output).toContain("usage: partner-center-orders contract");
    },
  );

  it("exits 3, not 1, when the endpoint cannot be reached, and says so", async () => {
    // Port 1 on loopback: nothing listens there, where a port just closed can be taken by another
    // test's server at once (it was, once, in a full run: exit 1).
    const { code, output } = await run(
      "contract",
      "--base-url",
      "http://127.0.0.1:1",
      "--customer",
      CUSTOMER,
      "--rate-limit",
      "0",
    );
    expect(code).toBe(3);
    expect(output).toMatch(/could not be reached/);
  }, 30_000);

  it("names JUnit tests by operation and check, the same in every run, with the ids in the body", async () => {
    const fake = await startFakePartnerCenter({});
    fake.seedOrders(CUSTOMER, 1);
    const dir = mkdtempSync(join(tmpdir(), "pco-names-"));
    try {
      const names = async () => {
        await run(
          "contract",
          "--base-url",
          fake.url,
          "--customer",
          CUSTOMER,
          "--writes",
          "sandbox",
          "--junit",
          join(dir, "out.xml"),
        );
        const xml = readFileSync(join(dir, "out.xml"), "utf8");
        return { xml, names: [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]) };
      };
      const first = await names();
      const second = await names();
      expect(second.names).toEqual(first.names);
      for (const order of fake.orders(CUSTOMER)) expect(first.names.join()).not.toContain(order.id);
      expect(first.xml).toContain(fake.orders(CUSTOMER)[0]!.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fake.close();
    }
  });
});
