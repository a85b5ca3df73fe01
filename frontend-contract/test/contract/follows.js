// Follows: the follow button of a profile page, its counts, and the lists of followers and followed users.
// Re-runnable against a running backend: the counts are compared with what the profile said before.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { call, expectStatus } from "../support/frontend.js";
import { AUTHOR, FRIEND, RUN, as } from "./world.js";

const heading = async (token) =>
  expectStatus(await call("getUserFeed", { token, path: { handle: AUTHOR } }), 200).profile;

describe("follows", () => {
  test("followUser and unfollowUser are idempotent, and the profile's counts and following flag follow them", async () => {
    const token = await as(FRIEND);
    if ((await heading(token)).following) {
      expectStatus(await call("unfollowUser", { token, path: { handle: AUTHOR } }), 200);
    }
    const before = await heading(token);
    assert.equal(before.following, false);
    for (let i = 0; i < 2; i++) {
      const standing = expectStatus(await call("followUser", { token, path: { handle: AUTHOR } }), 200);
      assert.deepEqual([standing.handle, standing.following, standing.followers_count],
        [AUTHOR, true, before.followers_count + 1]);
    }
    const followed = await heading(token);
    assert.equal(followed.following, true);
    assert.equal(followed.followers_count, before.followers_count + 1);
    assert.equal((await heading(undefined)).following, false);

    const followers = expectStatus(await call("getFollowers", { path: { handle: AUTHOR }, query: { limit: 100 } }), 200);
    assert.ok(followers.some((user) => user.handle === FRIEND), JSON.stringify(followers));
    const following = expectStatus(await call("getFollowing", { path: { handle: FRIEND }, query: { limit: 100 } }), 200);
    assert.ok(following.some((user) => user.handle === AUTHOR), JSON.stringify(following));

    for (let i = 0; i < 2; i++) {
      const standing = expectStatus(await call("unfollowUser", { token, path: { handle: AUTHOR } }), 200);
      assert.deepEqual([standing.following, standing.followers_count], [false, before.followers_count]);
    }
  });

  test("followUser and unfollowUser: without a token 401, an unknown user 404, oneself 422 follow_self", async () => {
    for (const op of ["followUser", "unfollowUser"]) {
      expectStatus(await call(op, { path: { handle: AUTHOR } }), 401, "generic_401");
      expectStatus(await call(op, { token: await as(FRIEND), path: { handle: `nobody${RUN}` } }), 404, "user_not_found");
      expectStatus(await call(op, { token: await as(FRIEND), path: { handle: FRIEND } }), 422, "follow_self");
    }
  });

  test("getFollowers and getFollowing: an unknown user 404, a cursor this API never issued 422", async () => {
    for (const op of ["getFollowers", "getFollowing"]) {
      expectStatus(await call(op, { path: { handle: `nobody${RUN}` } }), 404, "user_not_found");
      expectStatus(await call(op, { path: { handle: AUTHOR }, query: { cursor: "nonsense" } }), 422, "cursor_invalid");
    }
  });

  test("getHomeFeed feed=following: the followed author's new crud shows, and is gone after an unfollow", async () => {
    const token = await as(FRIEND);
    const feed = async () =>
      expectStatus(await call("getHomeFeed", { token, query: { feed: "following", limit: 100 } }), 200).map((a) => a.uuid);
    expectStatus(await call("followUser", { token, path: { handle: AUTHOR } }), 200);
    const body = { message: `For my followers ${RUN}`, ttl: "1-day" };
    const crud = expectStatus(await call("createActivity", { token: await as(AUTHOR), body }), 200);
    assert.ok((await feed()).includes(crud.uuid));
    expectStatus(await call("unfollowUser", { token, path: { handle: AUTHOR } }), 200);
    assert.ok(!(await feed()).includes(crud.uuid));
  });

  test("getHomeFeed feed=following: without a token 401, an unknown feed 422 feed_invalid", async () => {
    expectStatus(await call("getHomeFeed", { query: { feed: "following" } }), 401, "generic_401");
    expectStatus(await call("getHomeFeed", { token: await as(FRIEND), query: { feed: "friends" } }), 422, "feed_invalid");
  });
});
