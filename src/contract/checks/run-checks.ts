// The contract command's checks against a live endpoint, in order: the customer's orders (or, with
// none, a customer not the partner's), the catalog and the customer's agreements, a day of the
// audit log, then with --fuzz
// generated requests. Each answer must be a success and match the spec (status documented,
// headers, body).
import type { ContractArgs } from "../cli-args";
import { fuzzableOperations, fuzzOperation, type SendRaw } from "../fuzz";
import { auditChecks } from "./audit-checks";
import { agreementChecks, catalogChecks } from "./catalog-checks";
import { timed, type Checked, type CheckResult } from "./check";
import { customerChecks, noCustomerChecks } from "./order-checks";

export async function runChecks(send: SendRaw, args: ContractArgs): Promise<CheckResult[]> {
  const results: Checked[] = args.customerId
    ? await customerChecks(send, args, args.customerId)
    : await noCustomerChecks(send, args);
  results.push(...(await catalogChecks(send, args)));
  if (args.customerId) results.push(...(await agreementChecks(send, args.customerId)));
  results.push(...(await auditChecks(send, Date.now())));

  if (args.fuzz > 0) {
    for (const operationId of fuzzableOperations(args.writes)) {
      results.push(
        await timed(async () => {
          const report = await fuzzOperation(operationId, send, args.baseUrl, args.fuzz, args.seed);
          const name = `generated ${operationId} (${report.requests} requests)`;
          if (!report.failure) return { name, problems: [] };
          const { what, problems, curl } = report.failure;
          return { name, problems: problems.map((p) => ({ ...p, message: `${p.message} (${what})` })), details: curl };
        }),
      );
    }
  }
  return results.map(({ answer: _answer, ...result }) => result);
}

/** Whether no check got any answer at all: the endpoint could not be reached, which is not a contract violation. */
export function unreachable(results: readonly CheckResult[]): boolean {
  const sent = results.filter((r) => !r.skipped);
  return sent.length > 0 && sent.every((r) => r.unreachable);
}
