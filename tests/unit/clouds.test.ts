import spec from "../../generated/openapi.json";
import { CLOUDS } from "../../src/clouds";

describe("CLOUDS", () => {
  const servers = spec.servers.map((s) => s.url.replace("{version}", s.variables?.version.default ?? ""));

  it("points every cloud at a server the spec lists", () => {
    for (const cloud of Object.values(CLOUDS)) expect(servers).toContain(cloud.baseUrl);
  });

  it("gives US Government the global API host and its own sign-in authority", () => {
    expect(CLOUDS.usgov.baseUrl).toBe(CLOUDS.global.baseUrl);
    expect(CLOUDS.usgov.authorityHost).toBe("https://login.microsoftonline.us");
  });

  it("gives 21Vianet its own host", () => {
    expect(CLOUDS.china.baseUrl).toBe("https://partner.partnercenterapi.microsoftonline.cn/v1");
  });
});
