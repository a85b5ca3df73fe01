// The package's own client against the backend: what a React app gets from `createCruddurClient`.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createCruddurClient, CruddurApiError } from "../../index.js";
import { config } from "../support/config.js";
import { AUTHOR, as } from "./world.js";

describe("the typed client", () => {
  test("GET /api/activities/home anonymously, and /api/profile with an awaited access token", async () => {
    const anonymous = createCruddurClient({ baseUrl: config.apiUrl });
    const { data: feed } = await anonymous.GET("/api/activities/home", { params: { query: { limit: 3 } } });
    assert.ok(Array.isArray(feed) && feed.length <= 3);
    const signedIn = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: () => as(AUTHOR) });
    const { data: profile } = await signedIn.GET("/api/profile");
    assert.equal(profile.handle, AUTHOR);
  });

  test("an error array becomes a CruddurApiError with the status and the codes", async () => {
    const signedOut = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: async () => null });
    await assert.rejects(signedOut.GET("/api/profile"),
      (e) => e instanceof CruddurApiError && e.status === 401 && e.codes.join() === "generic_401" && e.path === "/api/profile");
    const signedIn = createCruddurClient({ baseUrl: config.apiUrl, getAccessToken: () => as(AUTHOR) });
    await assert.rejects(signedIn.POST("/api/activities", { body: { message: "", ttl: "7-days" } }),
      (e) => e instanceof CruddurApiError && e.status === 422 && e.codes.includes("message_blank"));
  });
});
