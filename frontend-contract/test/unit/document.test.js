// House rules of openapi.yaml that the lint (redocly.yaml) cannot express: every error response lists its codes as
// an enum (so the generated types carry them), and its example uses only those codes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadContract } from "../support/contract.js";

const contract = loadContract();

test("every error response of every operation is an array of codes listed in an enum, with an example from it", () => {
  const problems = [];
  for (const op of contract.operations) {
    for (const status of op.statuses.filter((s) => /^[45]/.test(s))) {
      const media = contract.resolve(op.definition.responses[status]).content?.["application/json"];
      const schema = media?.schema;
      const codes = schema?.items?.enum;
      if (schema?.type !== "array" || schema.minItems !== 1 || schema.items.type !== "string" || !Array.isArray(codes)) {
        problems.push(`${op.id} ${status}: not an array (minItems 1) of string codes with an enum`);
        continue;
      }
      const example = media.example ?? Object.values(media.examples ?? {})[0]?.value;
      if (!Array.isArray(example) || !example.every((code) => codes.includes(code))) {
        problems.push(`${op.id} ${status}: example ${JSON.stringify(example)} uses codes outside ${JSON.stringify(codes)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test("every operation needs a token or says that it does not, and every protected one documents 401", () => {
  for (const op of contract.operations) {
    assert.ok(op.definition.security, `${op.id} has no security`);
    if (op.requiresToken) {
      assert.ok(op.statuses.includes("401"), `${op.id} requires a token but documents no 401`);
    }
  }
});
