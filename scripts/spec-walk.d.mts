type Json = Record<string, any>;
export declare const METHODS: readonly string[];
export declare function resolve<T = Json>(spec: unknown, node: unknown): T;
export interface OperationInfo {
  operationId: string;
  /** Upper case: "GET". */
  method: string;
  path: string;
  operation: Json;
}
export declare function operationsOf(spec: unknown): OperationInfo[];
export interface NamedExample {
  operationId: string;
  /** "request" for a request body example, else the answer's status. */
  where: "request" | number;
  mediaType: string;
  name: string;
  value: unknown;
  summary?: string;
  schema: Json;
}
export declare function namedExamplesOf(spec: unknown): NamedExample[];
