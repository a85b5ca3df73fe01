// The rate limits (docs/rate-limits.md), last, since they refuse the caller and this address for a while: writes per
// caller (each service keeps its own count), reads per client address (the edge). Each limited operation's 429 is
// checked against the contract, then the suite waits until the allowances are whole again, so that whatever runs next
// against this backend is not refused.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { call, contract, expectStatus } from "../support/frontend.js";
import { config } from "../support/config.js";
import { OUTSIDER, as } from "./world.js";

const DEADLINE_MS = 120_000;
const examplePath = (op) => Object.fromEntries(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p.example]));
const limited = (read) => contract.operations.filter((op) => op.statuses.includes("429") && (op.method === "get") === read);

/** The groups that share one count: every read (the edge's), and the writes of each service. */
function groups(read) {
  const byGroup = new Map();
  for (const op of limited(read)) {
    const group = read ? "reads" : op.definition["x-cruddur-service"];
    byGroup.set(group, [...(byGroup.get(group) ?? []), op]);
  }
  return byGroup;
}

/**
 * A request the limit counts and that changes nothing: a read of a handle no user can have (refused before any store
 * is asked), or a write whose body is not JSON (400, after the count).
 */
async function counted(read, op, token) {
  const path = read ? "/api/users/@%25/short"
    : op.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(examplePath(op)[name]));
  const res = await fetch(`${config.apiUrl}${path}`, read ? {} : {
    method: op.method.toUpperCase(),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: "{",
  });
  await res.arrayBuffer();
  return res;
}

function checkHeaders(headers, where) {
  for (const name of ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]) {
    assert.match(headers.get(name) ?? "", /^\d+$/, `${where}: ${name}`);
  }
}

const ALL = [...groups(false), ...groups(true)];
const describeGroup = (group) => (group === "reads" ? "reads, per client address" : `writes of ${group}, per caller`);

describe("rate limits", () => {
  test("a limited answer carries RateLimit-*; over the limit, every limited operation answers 429 rate_limited with Retry-After", async () => {
    const token = await as(OUTSIDER);
    for (const [group, ops] of ALL) {
      const read = group === "reads";
      const what = describeGroup(group);
      const first = await counted(read, ops[0], token);
      checkHeaders(first.headers, `${what}: a counted answer`);
      const limit = Number(first.headers.get("ratelimit-limit"));
      // the whole allowance, 20 at a time, until a refusal: the allowance is refilled whole at the end of each period,
      // so a slow machine may meet one refill on the way; three allowances' worth without a refusal is a failure
      let refused = false;
      let sent = 1;
      for (; sent <= 3 * limit && !refused; sent += 20) {
        const batch = await Promise.all(Array.from({ length: 20 }, () => counted(read, ops[0], token)));
        refused = batch.some((res) => res.status === 429);
      }
      assert.ok(refused, `${what}: still allowed after ${sent} requests (RateLimit-Limit ${limit})`);
      for (const op of ops) {
        const result = await call(op.id, { path: examplePath(op), token, body: op.requestExample, invalid: true });
        expectStatus(result, 429, "rate_limited");
        checkHeaders(result.headers, `${op.id}: 429`);
        assert.match(result.headers.get("retry-after") ?? "", /^\d+$/, `${op.id}: 429 Retry-After`);
        assert.equal(result.headers.get("ratelimit-remaining"), "0", `${op.id}: 429 RateLimit-Remaining`);
      }
    }
  });

  test("every allowance is back after Retry-After seconds", { timeout: DEADLINE_MS + 5_000 }, async () => {
    const token = await as(OUTSIDER);
    const deadline = Date.now() + DEADLINE_MS;
    for (const [group, ops] of ALL) {
      const read = group === "reads";
      let res = await counted(read, ops[0], token);
      while (res.status === 429) {
        assert.ok(Date.now() < deadline, `${describeGroup(group)}: still refused after ${DEADLINE_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(5, Number(res.headers.get("retry-after")) || 1)));
        res = await counted(read, ops[0], token);
      }
    }
  });
});
