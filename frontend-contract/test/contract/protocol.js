// Checks every operation gets, derived from the contract itself, so that a new operation is covered as it is added:
// no token where one is required, a body that is not JSON, too large, or not sent as JSON, and invalid paging.
import { describe, test } from "node:test";
import { call, contract, expectStatus } from "../support/frontend.js";
import { AUTHOR, as } from "./world.js";

/** Path parameters from the contract's own examples (e.g. `handle: andrewbrown`). */
function examplePath(op) {
  return Object.fromEntries(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p.example]));
}

describe("every operation, as the contract describes it", () => {
  for (const op of contract.operations) {
    if (op.requiresToken) {
      test(`${op.id}: without a token, 401 generic_401`, async () => {
        expectStatus(await call(op.id, { path: examplePath(op), body: op.requestExample }), 401, "generic_401");
      });
    }
    if (op.requestBody) {
      test(`${op.id}: a body that is not well-formed JSON, 400 json_malformed`, async () => {
        const result = await call(op.id, { path: examplePath(op), token: await as(AUTHOR), rawBody: '{"message": ', invalid: true });
        expectStatus(result, 400, "json_malformed");
      });
      test(`${op.id}: a body over 64 KiB, 413 body_too_large`, async () => {
        const rawBody = JSON.stringify({ ...op.requestExample, message: "x".repeat(70_000) });
        const result = await call(op.id, { path: examplePath(op), token: await as(AUTHOR), rawBody, invalid: true });
        expectStatus(result, 413, "body_too_large");
      });
      test(`${op.id}: a body not sent as JSON, 415 unsupported_media_type`, async () => {
        const result = await call(op.id, {
          path: examplePath(op), token: await as(AUTHOR), contentType: "text/plain",
          rawBody: JSON.stringify(op.requestExample), invalid: true,
        });
        expectStatus(result, 415, "unsupported_media_type");
      });
    }
    if (op.hasParameter("limit", "query")) {
      test(`${op.id}: limit 0 and a cursor the API never issued, 422 limit_invalid and cursor_invalid`, async () => {
        const result = await call(op.id, {
          path: examplePath(op), token: await as(AUTHOR), query: { term: "cloud", limit: 0, cursor: "bogus" }, invalid: true,
        });
        expectStatus(result, 422, "limit_invalid", "cursor_invalid");
      });
    }
  }
});
