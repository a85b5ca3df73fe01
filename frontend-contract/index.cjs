// The Cruddur API client: openapi-fetch typed by the contract, plus the two things every Cruddur call needs.
// - Each request carries `Content-Type: application/json` and, when `getAccessToken` gives one, the Cognito access
//   token as `Authorization: Bearer <token>`. The token is awaited on every request, so a refreshed session is used
//   (the original frontend read a stale one from localStorage).
// - openapi-fetch's convention: each call resolves to `{ data, error, response }`. A non-2xx answer's `error` is
//   always an array of error codes: a body that is not one (a load balancer's HTML page) becomes a generic code.
// CommonJS, so that CommonJS tools (Create React App's Jest) can require it; index.js is the ES module entry.
// openapi-fetch is required by its CommonJS file: its package "main" is an ES module, which Jest 27 cannot load.
"use strict";

const createClient = require("openapi-fetch/dist/index.cjs").default;

function createCruddurClient({ baseUrl, getAccessToken, headers, ...options } = {}) {
  const client = createClient({ ...options, baseUrl, headers: { "Content-Type": "application/json", ...headers } });
  client.use({
    async onRequest({ request }) {
      const token = getAccessToken ? await getAccessToken() : undefined;
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
    async onResponse({ response }) {
      if (response.ok || (await isErrorCodes(response))) {
        return undefined;
      }
      const headers = new Headers(response.headers);
      headers.set("Content-Type", "application/json");
      headers.delete("Content-Length");
      return new Response(JSON.stringify([genericCode(response.status)]), {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    },
  });
  return client;
}

/** Whether the body is what our services answer: a JSON array of error codes. */
async function isErrorCodes(response) {
  try {
    const body = await response.clone().json();
    return Array.isArray(body) && body.length > 0 && body.every((code) => typeof code === "string");
  } catch {
    return false;
  }
}

/** The codes the frontend already has texts for. */
function genericCode(status) {
  return status === 401 ? "generic_401" : status === 403 ? "generic_403" : "generic_500";
}

/**
 * The caller's notifications, live: gets a stream ticket with the access token (`POST /api/notifications/stream_ticket`;
 * EventSource cannot send an Authorization header, and the token never goes in a URL), opens an `EventSource` on
 * `GET /api/notifications/stream?ticket=...`, and calls `onNotification` with each notification (as the list returns
 * it) and `onUnread` with each unread count. When the stream fails or ends, it reconnects itself, with a new ticket
 * (a ticket is single-use, so EventSource's own reconnect, to the same URL, cannot work) and `last_event_id`, the id
 * of the last event received, so the service replays exactly what was missed; after a delay that doubles with each
 * failed attempt (1 s, 2 s, ... up to 30 s, with jitter) and starts again at 1 s once a stream is open. A refused
 * ticket (401: signed out, 403) ends it with `onError(codes)`; `close()` ends it too.
 */
function openNotificationStream({
  baseUrl,
  getAccessToken,
  onNotification = () => {},
  onUnread = () => {},
  onError = () => {},
  EventSource = globalThis.EventSource,
  fetch = globalThis.fetch,
  retryDelay = defaultRetryDelay,
}) {
  const origin = baseUrl.replace(/\/+$/, "");
  let lastEventId = null;
  let source = null;
  let timer = null;
  let failures = 0;
  let closed = false;

  const retry = (after) => {
    if (!closed) {
      timer = setTimeout(connect, after ?? retryDelay(failures));
      failures += 1;
    }
  };

  async function connect() {
    timer = null;
    let response;
    try {
      const token = getAccessToken ? await getAccessToken() : null;
      response = await fetch(`${origin}/api/notifications/stream_ticket`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      retry(); // offline: try again later
      return;
    }
    if (closed) {
      return;
    }
    if (!response.ok) {
      if (response.status === 401 || response.status === 403) {
        closed = true;
        onError(await errorCodes(response));
      } else {
        const retryAfter = Number(response.headers.get("Retry-After"));
        retry(response.status === 429 && retryAfter > 0 ? retryAfter * 1000 : undefined);
      }
      return;
    }
    const { ticket } = await response.json();
    const query = new URLSearchParams({ ticket });
    if (lastEventId !== null) {
      query.set("last_event_id", lastEventId);
    }
    const opened = new EventSource(`${origin}/api/notifications/stream?${query}`);
    source = opened;
    opened.onopen = () => {
      failures = 0;
    };
    opened.addEventListener("notification", (event) => {
      lastEventId = event.lastEventId;
      onNotification(JSON.parse(event.data));
    });
    opened.addEventListener("unread", (event) => onUnread(JSON.parse(event.data)));
    opened.onerror = () => {
      // EventSource would reconnect to the same URL, whose ticket is spent: a new ticket instead
      opened.close();
      if (source === opened) {
        source = null;
        retry();
      }
    };
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
      source = null;
    },
  };
}

function defaultRetryDelay(failures) {
  const delay = Math.min(30_000, 1000 * 2 ** failures);
  return delay / 2 + Math.random() * (delay / 2);
}

async function errorCodes(response) {
  return (await isErrorCodes(response)) ? response.json() : [genericCode(response.status)];
}

module.exports = { createCruddurClient, openNotificationStream };
