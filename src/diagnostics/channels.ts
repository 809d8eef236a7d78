// The names of the channels the client publishes on (diagnostics.ts), for observers to subscribe to.
export const CHANNELS = {
  call: "partner-center-orders:call",
  attempt: "partner-center-orders:attempt",
  wait: "partner-center-orders:wait",
  poll: "partner-center-orders:poll",
} as const;
