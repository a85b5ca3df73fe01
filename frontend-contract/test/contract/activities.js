// Cruds, replies, likes and reposts, and the feeds: HomeFeedPage, UserFeedPage, ActivityShowPage, ActivityForm,
// ReplyForm, the like and repost actions, search.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { call, expectStatus } from "../support/frontend.js";
import { AUTHOR, FRIEND, RUN, as, made, unknownUuid } from "./world.js";

describe("activities", () => {
  test("createActivity: the author posts a crud, as ActivityForm sends it", async () => {
    const body = { message: `Cloud is fun! ${RUN}`, ttl: "1-day" };
    const crud = expectStatus(await call("createActivity", { token: await as(AUTHOR), body }), 200);
    assert.equal(crud.handle, AUTHOR);
    assert.equal(crud.message, body.message);
    assert.equal(crud.reply_to_activity_uuid ?? null, null);
    made.crud = crud.uuid;
  });

  test("createActivity: a retry with the same Idempotency-Key returns the same crud; another body, 422 idempotency_key_reused", async () => {
    const token = await as(AUTHOR);
    const headers = { "Idempotency-Key": `${RUN}-retry` };
    const body = { message: `Posted once ${RUN}`, ttl: "1-hour" };
    const first = expectStatus(await call("createActivity", { token, headers, body }), 200);
    const retry = expectStatus(await call("createActivity", { token, headers, body }), 200);
    assert.equal(retry.uuid, first.uuid);
    const other = await call("createActivity", { token, headers, body: { ...body, message: "something else" } });
    expectStatus(other, 422, "idempotency_key_reused");
  });

  test("createActivity: a blank message and an unknown ttl, 422 with both codes", async () => {
    expectStatus(await call("createActivity", { token: await as(AUTHOR), body: { message: " ", ttl: "forever" } }),
      422, "message_blank", "ttl_invalid");
  });

  test("replyToActivity: a friend replies, as ReplyForm sends it", async () => {
    const body = { activity_uuid: made.crud, message: `Agreed ${RUN}` };
    const reply = expectStatus(await call("replyToActivity", { token: await as(FRIEND), path: { activity_uuid: made.crud }, body }), 200);
    assert.equal(reply.reply_to_activity_uuid, made.crud);
    assert.equal(reply.handle, FRIEND);
    made.reply = reply.uuid;
  });

  test("replyToActivity: an unknown crud, 404 activity_not_found; a blank message, 422 message_blank", async () => {
    const token = await as(FRIEND);
    expectStatus(await call("replyToActivity", { token, path: { activity_uuid: unknownUuid() }, body: { message: "hi" } }),
      404, "activity_not_found");
    expectStatus(await call("replyToActivity", { token, path: { activity_uuid: made.crud }, body: { message: "" } }),
      422, "message_blank");
  });

  test("likeActivity, unlikeActivity, repostActivity, unrepostActivity: counters and the caller's state", async () => {
    const token = await as(FRIEND);
    const path = { activity_uuid: made.crud };
    const liked = expectStatus(await call("likeActivity", { token, path }), 200);
    assert.equal(liked.liked, true);
    assert.equal(liked.likes_count, 1);
    assert.equal(expectStatus(await call("unlikeActivity", { token, path }), 200).liked, false);
    const reposted = expectStatus(await call("repostActivity", { token, path }), 200);
    assert.equal(reposted.reposted, true);
    assert.equal(reposted.reposts_count, 1);
    const unreposted = expectStatus(await call("unrepostActivity", { token, path }), 200);
    assert.equal(unreposted.reposted, false);
    assert.equal(unreposted.reposts_count, 0);
    // a like stays, so that the author is notified of it
    expectStatus(await call("likeActivity", { token, path }), 200);
  });

  test("likeActivity, unlikeActivity, repostActivity, unrepostActivity: an unknown crud, 404 activity_not_found", async () => {
    const token = await as(FRIEND);
    for (const op of ["likeActivity", "unlikeActivity", "repostActivity", "unrepostActivity"]) {
      expectStatus(await call(op, { token, path: { activity_uuid: unknownUuid() } }), 404, "activity_not_found");
    }
  });

  test("getHomeFeed: anonymous, and signed in (then with the caller's liked and reposted)", async () => {
    const anonymous = expectStatus(await call("getHomeFeed", { query: { limit: 5 } }), 200);
    assert.ok(anonymous.length <= 5);
    assert.ok(anonymous.every((item) => item.liked === undefined), "liked is only sent to a signed-in caller");
    const signedIn = expectStatus(await call("getHomeFeed", { token: await as(FRIEND) }), 200);
    assert.ok(signedIn.every((item) => typeof item.liked === "boolean" && typeof item.reposted === "boolean"));
  });

  test("getUserFeed: the author's profile heading and cruds, newest first", async () => {
    const page = expectStatus(await call("getUserFeed", { path: { handle: AUTHOR } }), 200);
    assert.equal(page.profile.handle, AUTHOR);
    assert.ok(page.profile.cruds_count >= 1);
    assert.ok(page.activities.some((a) => a.uuid === made.crud), "the new crud is on the author's page");
  });

  test("getUserFeed: an unknown handle, 404 user_not_found", async () => {
    expectStatus(await call("getUserFeed", { path: { handle: `nobody${RUN}` } }), 404, "user_not_found");
  });

  test("getActivity: the crud with its reply, as ActivityShowPage shows it", async () => {
    const show = expectStatus(await call("getActivity", { path: { handle: AUTHOR, activity_uuid: made.crud } }), 200);
    assert.equal(show.activity.uuid, made.crud);
    assert.equal(show.activity.replies_count, 1);
    assert.deepEqual(show.replies.map((r) => r.uuid), [made.reply]);
  });

  test("getActivity: an unknown crud, or another author's handle, 404 activity_not_found", async () => {
    expectStatus(await call("getActivity", { path: { handle: AUTHOR, activity_uuid: unknownUuid() } }), 404, "activity_not_found");
    expectStatus(await call("getActivity", { path: { handle: FRIEND, activity_uuid: made.crud } }), 404, "activity_not_found");
  });

  test("searchActivities: finds the crud by a word of it", async () => {
    const found = expectStatus(await call("searchActivities", { query: { term: RUN } }), 200);
    assert.ok(found.some((a) => a.uuid === made.crud), `the crud is found by "${RUN}"`);
  });

  test("searchActivities: no term, 422 search_term_blank", async () => {
    expectStatus(await call("searchActivities", { query: {} }), 422, "search_term_blank");
  });
});
