// `npx partner-center-orders contract ...`: the contract checks against any Partner Center Orders
// endpoint, from the installed package. Prints a table, writes JUnit XML with --junit, and exits
// 0 when every check passed, 1 when one failed, 2 when the command or its credentials are wrong,
// 3 when the endpoint could not be reached at all. It never prints a token: requests go through
// the client, whose errors never carry one, curl lines show it as [redacted], and every answer is
// scrubbed of the tokens given out (whole or in part) before anything reads it.
import { writeFileSync } from "node:fs";
import { createPartnerCenterClient } from "../client";
import { isPartnerCenterValidationError } from "../errors";
import { runChecks, unreachable } from "./checks/run-checks";
import type { SendRaw } from "./fuzz";
import { readContractArgs, USAGE } from "./cli-args";
import { credentialFromEnv } from "./credential-from-env";
import { junit, table } from "./report";
import { rawSender } from "./send-raw";
import { tokenScrubber, type TokenScrubber } from "./token-scrubber";

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  print: (text: string) => void,
): Promise<number> {
  const [command, ...rest] = argv;
  const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";
  const help = isHelp(command) || (command === "contract" && rest.some(isHelp));
  if (help || command !== "contract") {
    print(USAGE);
    return help ? 0 : 2;
  }
  const args = readContractArgs(rest, env);
  if (Array.isArray(args)) {
    print(`${args.map((p) => `${p.path} ${p.message}`).join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const credential = credentialFromEnv(env);
  if (Array.isArray(credential)) {
    print(credential.join("\n"));
    return 2;
  }
  const scrubber = tokenScrubber(credential);
  let pc;
  try {
    pc = createPartnerCenterClient({
      credential: scrubber.credential,
      baseUrl: args.baseUrl,
      maxRetries: 2,
      timeoutMs: 30_000,
      rateLimit: args.rateLimit,
      applicationName: "partner-center-orders contract",
    });
  } catch (error) {
    if (!isPartnerCenterValidationError(error)) throw error;
    print(error.problems.map((p) => `${p.path.replace("options.baseUrl", "--base-url")} ${p.message}`).join("\n"));
    return 2;
  }
  const started = performance.now();
  const results = await runChecks(scrubbed(rawSender(pc), scrubber), args);
  const seconds = (performance.now() - started) / 1000;
  print(table(results, seconds));
  if (args.junit) writeFileSync(args.junit, junit(results, seconds));
  if (unreachable(results)) {
    print(
      `\n${args.baseUrl} could not be reached: no check got an answer (exit code 3). Check --base-url, the network and any proxy.`,
    );
    return 3;
  }
  return results.some((r) => r.problems.length) ? 1 : 0;
}

/** Every answer with the tokens given out taken out of its text and headers, as it arrives. */
function scrubbed(send: SendRaw, scrubber: TokenScrubber): SendRaw {
  return async (method, path, parts) => {
    const answer = await send(method, path, parts);
    const headers = new Headers();
    answer.headers.forEach((value, name) => headers.append(name, scrubber.scrub(value)));
    return { status: answer.status, headers, text: scrubber.scrub(answer.text) };
  };
}

if (require.main === module) {
  main(process.argv.slice(2), process.env, (text) => process.stdout.write(`${text}\n`)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
