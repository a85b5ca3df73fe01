// The Cruddur API client: openapi-fetch typed by the contract, plus the two things every Cruddur call needs.
// - Each request carries `Content-Type: application/json` and, when `getAccessToken` gives one, the Cognito access
//   token as `Authorization: Bearer <token>`. The token is awaited on every request, so a refreshed session is used
//   (the original frontend read a stale one from localStorage).
// - Each non-2xx answer is thrown as a CruddurApiError carrying the status and the error codes of the body.
import createClient from "openapi-fetch";

/** A non-2xx answer: its HTTP status and its error codes, e.g. 422 `["message_blank"]`. */
export class CruddurApiError extends Error {
  constructor(status, codes, { method, path } = {}) {
    super(`${method ?? "?"} ${path ?? "?"} answered ${status} ${JSON.stringify(codes)}`);
    this.name = "CruddurApiError";
    this.status = status;
    this.codes = codes;
    this.method = method;
    this.path = path;
  }
}

export function createCruddurClient({ baseUrl, getAccessToken, headers, ...options } = {}) {
  const client = createClient({ ...options, baseUrl, headers: { "Content-Type": "application/json", ...headers } });
  client.use({
    async onRequest({ request }) {
      const token = getAccessToken ? await getAccessToken() : undefined;
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
    async onResponse({ request, response, schemaPath }) {
      if (!response.ok) {
        throw new CruddurApiError(response.status, await errorCodes(response), { method: request.method, path: schemaPath });
      }
      return undefined;
    },
  });
  return client;
}

/** The body's codes; a body that is not an array of codes (a load balancer's HTML page) becomes a generic code. */
async function errorCodes(response) {
  try {
    const body = await response.clone().json();
    if (Array.isArray(body) && body.length > 0 && body.every((code) => typeof code === "string")) {
      return body;
    }
  } catch {
    // not JSON
  }
  return [response.status === 401 ? "generic_401" : response.status === 403 ? "generic_403" : "generic_500"];
}
