// Calls the API the way the Cruddur React frontend does (its src/lib/Requests.js), from its origin:
// - the browser first preflights (OPTIONS with Origin and Access-Control-Request-Method/-Headers), because the
//   frontend sends `Content-Type: application/json` on every request, GETs included; the answer must allow it;
// - the request carries Origin, Content-Type and, when signed in, `Authorization: Bearer <access token>`;
// - `await res.json()` comes before any look at the status, so every answer, errors included, must be JSON;
// - then the status and the body are checked against the contract, and the call counts for the coverage check.
import assert from "node:assert/strict";
import { config } from "./config.js";
import { loadContract } from "./contract.js";

export const contract = loadContract();

/** Statuses seen per operation id, for the check that every operation, and each client error, was exercised. */
export const exercised = new Map(contract.operations.map((op) => [op.id, new Set()]));

/**
 * @param {string} operationId the operation of openapi.yaml
 * @param {object} request `path` and `query` parameters, `body` (JSON), `token`, extra `headers`; `rawBody` and
 *   `contentType` to send something other than JSON; `invalid: true` when the request breaks the contract on purpose
 */
export async function call(operationId, { path = {}, query = {}, body, token, headers = {}, rawBody, contentType, invalid = false } = {}) {
  const op = contract.operation(operationId);
  const method = op.method.toUpperCase();
  const url = new URL(config.apiUrl + op.path.replace(/\{([^}]+)\}/g, (_, name) => {
    assert.ok(path[name] !== undefined, `${operationId}: path parameter ${name} missing`);
    return encodeURIComponent(path[name]);
  }));
  for (const [name, value] of Object.entries(query)) {
    url.searchParams.set(name, String(value));
  }
  if (!invalid) {
    assert.deepEqual(op.checkRequest(body), [], `${operationId}: the suite's own request breaks the contract`);
  }
  const requestHeaders = { "Content-Type": contentType ?? "application/json", Origin: config.frontendOrigin, ...headers };
  if (token) {
    requestHeaders.Authorization = `Bearer ${token}`;
  }

  await preflight(operationId, url, method, Object.keys(requestHeaders));

  const res = await reach(url, {
    method,
    headers: requestHeaders,
    body: method === "GET" ? undefined : rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  let data;
  try {
    data = await res.json();
  } catch (error) {
    assert.fail(`${method} ${url.pathname} answered ${res.status} with a body that is not JSON (${error.message})`);
  }
  const where = `${operationId} (${method} ${url.pathname}${url.search}) answered ${res.status} ${JSON.stringify(data)}`;
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/, `${where}: Content-Type`);
  assert.equal(res.headers.get("access-control-allow-origin"), config.frontendOrigin,
    `${where}: the browser drops an answer without Access-Control-Allow-Origin for the frontend's origin`);
  assert.deepEqual(op.checkResponse(res.status, data), [], `${where}: breaks the contract`);
  exercised.get(operationId).add(String(res.status));
  return { status: res.status, data, headers: res.headers };
}

/** Asserts the call answered `status`; for an error status, that the body holds `codes`. Returns the body. */
export function expectStatus(result, status, ...codes) {
  assert.equal(result.status, status, `expected ${status}, got ${result.status} ${JSON.stringify(result.data)}`);
  for (const code of codes) {
    assert.ok(result.data.includes(code), `expected code ${code} in ${JSON.stringify(result.data)}`);
  }
  return result.data;
}

/** fetch, with what to do when nothing answers at the API's address. */
async function reach(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new Error(`nothing answers at ${config.apiUrl} (${error.cause?.code ?? error.message}): start bin/dev, `
      + "or set CRUDDUR_API_URL to the backend under test");
  }
}

const SIMPLE_HEADERS = new Set(["accept", "accept-language", "content-language", "origin"]);

async function preflight(operationId, url, method, headerNames) {
  const requested = headerNames.map((name) => name.toLowerCase()).filter((name) => !SIMPLE_HEADERS.has(name)).sort();
  const res = await reach(url, {
    method: "OPTIONS",
    headers: {
      Origin: config.frontendOrigin,
      "Access-Control-Request-Method": method,
      ...(requested.length ? { "Access-Control-Request-Headers": requested.join(",") } : {}),
    },
  });
  await res.arrayBuffer();
  const where = `preflight of ${operationId} (${method} ${url.pathname})`;
  assert.ok(res.status === 200 || res.status === 204, `${where} answered ${res.status}`);
  assert.equal(res.headers.get("access-control-allow-origin"), config.frontendOrigin, `${where}: allowed origin`);
  const methods = (res.headers.get("access-control-allow-methods") ?? "").toUpperCase().split(/\s*,\s*/);
  assert.ok(methods.includes(method), `${where}: ${method} not among the allowed methods ${methods}`);
  const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/\s*,\s*/);
  for (const name of requested) {
    assert.ok(allowed.includes(name), `${where}: header ${name} not among the allowed headers ${allowed}`);
  }
}
