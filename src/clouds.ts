// Where each Partner Center cloud lives. US Government shares the global API host and differs
// only in where tokens come from, so pass its authorityHost to your @azure/identity credential.

export type Cloud = "global" | "usgov" | "china";

export interface CloudEndpoints {
  /** API root, version segment included. */
  baseUrl: string;
  /** Microsoft Entra sign-in authority for this cloud's tokens. */
  authorityHost: string;
}

export const CLOUDS: Readonly<Record<Cloud, CloudEndpoints>> = {
  global: { baseUrl: "https://api.partnercenter.microsoft.com/v1", authorityHost: "https://login.microsoftonline.com" },
  usgov: { baseUrl: "https://api.partnercenter.microsoft.com/v1", authorityHost: "https://login.microsoftonline.us" },
  china: {
    baseUrl: "https://partner.partnercenterapi.microsoftonline.cn/v1",
    authorityHost: "https://login.chinacloudapi.cn",
  },
};
