// The frontend contract suite: every operation of openapi.yaml, called against a running backend the way the
// Cruddur React frontend calls it, each answer (errors included) checked against the contract.
//   npm run test:contract     against bin/dev (settings from .cruddur/local.env), or CRUDDUR_API_URL,
//                             COGNITO_ENDPOINT, COGNITO_CLIENT_ID, CRUDDUR_DEMO_PASSWORD, FRONTEND_ORIGIN
// One process, so that the last test sees what all the others exercised.
import "./protocol.js";
import "./users.js";
import "./follows.js";
import "./activities.js";
import "./notifications.js";
import "./messages.js";
import "./client.js";
import "./cognito.js";
import "./ratelimits.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { contract, exercised } from "../support/frontend.js";

/** Documented answers this suite cannot provoke through the API; each says why, and where it is tested instead. */
const NOT_PROVOKED = {
  "getShortProfile 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "getOwnProfile 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "updateProfile 409": "needs a Cognito user whose handle another profile holds",
  "updateProfilePost 409": "needs a Cognito user whose handle another profile holds",
  "getOwnProfile 404": "needs the caller's Cognito user deleted after sign-in",
  "updateProfile 404": "needs the caller's Cognito user deleted after sign-in",
  "updateProfilePost 404": "needs the caller's Cognito user deleted after sign-in",
  "followUser 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "unfollowUser 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "getFollowers 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "getFollowing 409": "needs a Cognito user whose handle another profile holds (users: ProvisioningTest)",
  "createActivity 409": "needs two requests with one Idempotency-Key at the same moment",
  "replyToActivity 409": "needs two requests with one Idempotency-Key at the same moment",
  "createMessage 409": "needs two requests with one Idempotency-Key at the same moment (messages: ConversationsTest)",
};

test("every operation of openapi.yaml was exercised: a success, and every client error it documents", () => {
  const gaps = [];
  for (const op of contract.operations) {
    const seen = exercised.get(op.id);
    if (![...seen].some((status) => status.startsWith("2"))) {
      gaps.push(`${op.id}: never answered with success`);
    }
    for (const status of op.statuses) {
      // 5xx are the server's own failures (a service down, a bug): the services' and system tests provoke them
      if (!status.startsWith("5") && !seen.has(status) && !NOT_PROVOKED[`${op.id} ${status}`]) {
        gaps.push(`${op.id}: documented ${status} never provoked`);
      }
    }
  }
  assert.deepEqual(gaps, [], `operations of openapi.yaml the suite does not exercise:\n${gaps.join("\n")}`);
});
