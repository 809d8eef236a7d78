// Stops the Prism mock the setup started, and waits for it to exit so nothing is left behind.
export default async function teardown(): Promise<void> {
  await (globalThis as { __prism__?: { stop(): Promise<void> } }).__prism__?.stop();
}
