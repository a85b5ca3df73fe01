// The package's own client against the backend: what a React app gets from `createCruddurClient`.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createCruddurClient } from "../../index.js";
import { config } from "../support/config.js";
import { AUTHOR, FRIEND, as } from "./world.js";

describe("the typed client", () => {
  test("GET /api/activities/home anonymously, and /api/profile with an awaited access token", async () => {
    const anonymous = createCruddurClient({ baseUrl: config.apiUrl });
    const { data: feed } = await anonymous.GET("/api/activities/home", { params: { query: { limit: 3 } } });
    assert.ok(Array.isArray(feed) && feed.length <= 3);
    const signedIn = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: () => as(AUTHOR) });
    const { data: profile } = await signedIn.GET("/api/profile");
    assert.equal(profile.handle, AUTHOR);
  });

  test("an error array is the call's { error }, with the status on its response", async () => {
    const signedOut = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: async () => null });
    const unauthorized = await signedOut.GET("/api/profile");
    assert.equal(unauthorized.response.status, 401);
    assert.deepEqual(unauthorized.error, ["generic_401"]);
    assert.equal(unauthorized.data, undefined);
    const signedIn = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: () => as(AUTHOR) });
    const refused = await signedIn.POST("/api/activities", { body: { message: "", ttl: "7-days" } });
    assert.equal(refused.response.status, 422);
    assert.ok(refused.error.includes("message_blank"), JSON.stringify(refused.error));
  });

  test("follow and unfollow: POST and DELETE /api/users/@{handle}/follow answer the new standing", async () => {
    const friend = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: () => as(FRIEND) });
    const params = { params: { path: { handle: AUTHOR } } };
    const followed = await friend.POST("/api/users/@{handle}/follow", params);
    assert.deepEqual([followed.response.status, followed.data?.following], [200, true]);
    const unfollowed = await friend.DELETE("/api/users/@{handle}/follow", params);
    assert.deepEqual([unfollowed.response.status, unfollowed.data?.following], [200, false]);
  });
});
