// Starts one Prism mock for the contract project on a free port; its URL reaches the test
// workers through the environment.
import { startPrism } from "../../scripts/prism.cjs";

export default async function setup(): Promise<void> {
  const mock = await startPrism();
  process.env.PRISM_URL = mock.url;
  (globalThis as { __prism__?: { stop(): Promise<void> } }).__prism__ = mock;
}
