import { findChromium } from "../../scripts/find-chromium.cjs";

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, and only if it can be run", () => {
    expect(
      findChromium({ CHROMIUM_PATH: "/my/chrome", PATH: "/usr/bin" }, only("/my/chrome", "/usr/bin/chromium")),
    ).toBe("/my/chrome");
    expect(findChromium({ CHROMIUM_PATH: "/missing", PATH: "/usr/bin" }, only("/usr/bin/chromium"))).toBeUndefined();
  });

  it("then looks on PATH for chromium, chromium-browser, google-chrome and google-chrome-stable, in that order", () => {
    const path = "/a:/b";
    expect(findChromium({ PATH: path }, only("/b/chromium", "/a/google-chrome"))).toBe("/b/chromium");
    expect(findChromium({ PATH: path }, only("/a/google-chrome-stable", "/b/chromium-browser"))).toBe(
      "/b/chromium-browser",
    );
    expect(findChromium({ PATH: path }, only("/a/google-chrome-stable"))).toBe("/a/google-chrome-stable");
  });

  it("then in the usual install locations", () => {
    expect(findChromium({ PATH: "/nothing" }, only("/opt/google/chrome/chrome"))).toBe("/opt/google/chrome/chrome");
  });

  it("finds nothing when there is nothing", () => {
    expect(findChromium({}, () => false)).toBeUndefined();
  });
});
