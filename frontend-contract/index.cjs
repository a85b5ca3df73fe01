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

module.exports = { createCruddurClient };
