import type { Client, ClientOptions } from "openapi-fetch";
import type { paths } from "./generated/openapi.js";

export * from "./generated/openapi.js";

type Responses<Operation> = Operation extends { responses: infer R } ? R : never;
type ErrorBodyCodes<R> = {
  [Status in keyof R]: `${Status & (string | number)}` extends `${4 | 5}${string}`
    ? R[Status] extends { content: { "application/json": readonly (infer Code)[] } }
      ? Code
      : never
    : never;
}[keyof R];

/** The error codes one operation can answer with, e.g. `OperationErrorCode<"/api/activities", "post">`. */
export type OperationErrorCode<Path extends keyof paths, Method extends keyof paths[Path]> = ErrorBodyCodes<
  Responses<NonNullable<paths[Path][Method]>>
>;

/** The JSON body one operation takes, e.g. `RequestBody<"/api/activities", "post">` is `{message?, ttl?}`. */
export type RequestBody<Path extends keyof paths, Method extends keyof paths[Path]> = NonNullable<
  paths[Path][Method]
> extends { requestBody?: { content: { "application/json": infer Body } } }
  ? Body
  : never;

/** Every error code of the contract. */
export type ErrorCode = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]-?: OperationErrorCode<Path, Method> }[keyof paths[Path]];
}[keyof paths];

/** A non-2xx answer: its HTTP status and its error codes, e.g. 422 `["message_blank"]`. */
export declare class CruddurApiError<Code extends string = ErrorCode> extends Error {
  constructor(status: number, codes: Code[], where?: { method?: string; path?: string });
  readonly name: "CruddurApiError";
  readonly status: number;
  readonly codes: Code[];
  /** The request's method, e.g. `POST`. */
  readonly method?: string;
  /** The operation's path in the contract, e.g. `/api/activities/{activity_uuid}/reply`. */
  readonly path?: string;
}

export interface CruddurClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The API origin, e.g. `process.env.REACT_APP_BACKEND_URL` (`http://localhost:4567` with bin/dev). */
  baseUrl: string;
  /** The Cognito access token of the signed-in user, or nothing when signed out; awaited before every request. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
}

/** openapi-fetch's client for the contract's paths; a non-2xx answer rejects with a {@link CruddurApiError}. */
export type CruddurClient = Client<paths>;

export declare function createCruddurClient(options: CruddurClientOptions): CruddurClient;
