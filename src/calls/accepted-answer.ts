// What a 202 without a body answers (updateSubscription's): that it was accepted, and where to read
// the result. The answers this module made are remembered, so a JSON body shaped like one is not.
import type { AcceptedAnswer } from "../rules/operation-types";

const made = new WeakSet<object>();

export function acceptedAnswer(headers: Headers): AcceptedAnswer {
  const answer: AcceptedAnswer = { accepted: true, location: headers.get("Location") };
  made.add(answer);
  return answer;
}

/** Whether `value` is a 202's answer read by acceptedAnswer, not a body a server sent. */
export const isAcceptedAnswer = (value: unknown): value is AcceptedAnswer =>
  typeof value === "object" && value !== null && made.has(value);
