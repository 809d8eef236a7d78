/** Thrown when a request schema uses a keyword or format src/rules/bind.ts does not implement. */
export declare class UnsupportedKeywordError extends Error {}
/** The TypeScript source of generated/request-rules.ts, from the bundled spec. */
export declare function buildRequestRules(spec: unknown): string;
