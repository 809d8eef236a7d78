// A call of the client after undici's setGlobalDispatcher(new ProxyAgent(proxy)), run in a worker
// thread (runIsolated): Jest's sandbox has a global of its own, which Node's fetch does not read.
import { ProxyAgent, setGlobalDispatcher } from "undici";
import { createPartnerCenterClient } from "../../src";

export default async function call({ proxy, baseUrl }: { proxy: string; baseUrl: string }): Promise<string> {
  setGlobalDispatcher(new ProxyAgent(proxy));
  const pc = createPartnerCenterClient({ credential: "t", baseUrl, rateLimit: false, maxRetries: 0 });
  const order = await pc.orders.get("b0d70a69-4c42-4b27-b17b-91a835d8686a", "o1");
  return order.id;
}
