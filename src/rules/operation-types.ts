// The request and result types of any operation, from the generated `operations` types, for
// pc.call(operationId, ...).
import type { operations } from "../../generated/schema";

export type OperationName = keyof operations;

type Content<T, Media extends string> = T extends { content: { [M in Media]: infer B } } ? B : never;
type Params<K extends OperationName> = NonNullable<operations[K]["parameters"]>;

export interface OperationRequest<K extends OperationName> {
  path?: Params<K>["path"];
  query?: Params<K>["query"];
  header?: Params<K>["header"];
  /** The JSON body; for a multipart operation, one field per part (Blobs for files). */
  body?: operations[K] extends { requestBody: infer B }
    ? | Content<B, "application/json">
      | ([Content<B, "multipart/form-data">] extends [never] ? never : Record<string, unknown>)
    : never;
}

type Responses<K extends OperationName> = operations[K]["responses"];

/** A 202 without a body, read from its headers: accepted, and where to read the result (updateSubscription's Location). */
export interface AcceptedAnswer {
  accepted: true;
  location: string | null;
}

/** The JSON body of the operation's success answer (200 or 201), or an AcceptedAnswer for a 202 without one. */
export type OperationResult<K extends OperationName> = {
  [S in keyof Responses<K>]: S extends 200 | 201
    ? Content<Responses<K>[S], "application/json">
    : S extends 202
      ? AcceptedAnswer
      : never;
}[keyof Responses<K>];
