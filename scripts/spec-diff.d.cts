export interface Classified {
  breaking: string[];
  nonBreaking: string[];
}
export function diffReport(basePath: string, headPath: string): { changes?: unknown[] };
export function classify(report: { changes?: unknown[] }): Classified;
export function gate(input: { breaking: string[]; baseVersion: string; headVersion: string }): {
  ok: boolean;
  reason: string;
};
export function lastReleased(changelog: string): string | undefined;
export function releaseCommit(history: { commit: string; version: string }[], released: string): string | undefined;
