import type { Client, ClientOptions } from "openapi-fetch";
import type { components, paths } from "./generated/openapi.js";

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

export interface CruddurClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** The API origin, e.g. `process.env.REACT_APP_BACKEND_URL` (`http://localhost:4567` with bin/dev). */
  baseUrl: string;
  /** The Cognito access token of the signed-in user, or nothing when signed out; awaited before every request. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
}

/**
 * openapi-fetch's client for the contract's paths. Each call resolves to `{ data, error, response }`: `data` on a 2xx
 * answer; otherwise `error`, the answer's array of error codes, typed by the operation's documented error responses
 * (a body that is not an array of codes becomes `generic_401`, `generic_403` or `generic_500`), and
 * `response.status`. Only a request that gets no answer at all (offline, refused by CORS) rejects, as `fetch` does.
 */
export type CruddurClient = Client<paths>;

export declare function createCruddurClient(options: CruddurClientOptions): CruddurClient;

export interface NotificationStreamOptions {
  /** The API origin, as for `createCruddurClient`. */
  baseUrl: string;
  /** The Cognito access token of the signed-in user; awaited before each ticket is asked for. */
  getAccessToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** Each new notification, exactly as `GET /api/activities/notifications` lists it. */
  onNotification?: (notification: components["schemas"]["Notification"]) => void;
  /** Each unread count pushed on the stream. */
  onUnread?: (unread: components["schemas"]["UnreadCount"]) => void;
  /** The stream has ended for good: its ticket was refused (401 signed out, 403), with the answer's codes. */
  onError?: (codes: ErrorCode[]) => void;
  /** Defaults to the browser's (`globalThis.EventSource`). */
  EventSource?: new (url: string) => EventSource;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds to wait before the next attempt after `failures` failed ones in a row (default 1 s doubling to 30 s, with jitter). */
  retryDelay?: (failures: number) => number;
}

/**
 * Opens the caller's live notifications (`GET /api/notifications/stream`) with a single-use ticket got with the access
 * token, and keeps it open: after a failure it reconnects with a new ticket and `last_event_id`, so the service replays
 * what was missed, backing off between failed attempts. `close()` ends it.
 */
export declare function openNotificationStream(options: NotificationStreamOptions): { close(): void };
