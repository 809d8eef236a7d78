// Calls after undici's setGlobalDispatcher(new ProxyAgent(proxy)), run in a worker thread
// (runIsolated): Jest's sandbox has a global of its own, which Node's fetch does not read.
// `fetch` is the platform's own call, `client` the client's, so that a test can compare where
// each went.
import { ProxyAgent, setGlobalDispatcher } from "undici";
import { createPartnerCenterClient } from "../../src";

export default async function call({
  proxy,
  baseUrl,
  by,
}: {
  proxy: string;
  baseUrl: string;
  by: "fetch" | "client";
}): Promise<string> {
  setGlobalDispatcher(new ProxyAgent(proxy));
  const path = "/customers/b0d70a69-4c42-4b27-b17b-91a835d8686a/orders/o1";
  if (by === "fetch") return ((await (await fetch(`${baseUrl}${path}`)).json()) as { id: string }).id;
  const pc = createPartnerCenterClient({ credential: "t", baseUrl, rateLimit: false, maxRetries: 0 });
  return (await pc.orders.get("b0d70a69-4c42-4b27-b17b-91a835d8686a", "o1")).id;
}
