// The client's own behaviour, with a stand-in for fetch: headers as the frontend needs them, errors as CruddurApiError.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createCruddurClient, CruddurApiError } from "../../index.js";

function recordingFetch(status, body, contentType = "application/json") {
  const requests = [];
  const fetch = async (request) => {
    requests.push(request);
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "Content-Type": contentType } });
  };
  return { fetch, requests };
}

test("every request carries Content-Type: application/json, GETs included, and the awaited access token", async () => {
  const { fetch, requests } = recordingFetch(200, []);
  let calls = 0;
  const client = createCruddurClient({
    baseUrl: "http://api.test/",
    fetch,
    getAccessToken: async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `token-${calls}`;
    },
  });
  const { data } = await client.GET("/api/activities/home", { params: { query: { limit: 5 } } });
  await client.POST("/api/activities", { body: { message: "Cloud is fun!", ttl: "7-days" } });
  assert.deepEqual(data, []);
  assert.equal(requests[0].url, "http://api.test/api/activities/home?limit=5");
  assert.equal(requests[0].headers.get("content-type"), "application/json");
  assert.equal(requests[0].headers.get("authorization"), "Bearer token-1");
  assert.equal(requests[1].headers.get("authorization"), "Bearer token-2", "the token is asked for on every request");
  assert.deepEqual(await requests[1].json(), { message: "Cloud is fun!", ttl: "7-days" });
});

test("no Authorization header when there is no token", async () => {
  const { fetch, requests } = recordingFetch(200, []);
  await createCruddurClient({ baseUrl: "http://api.test", fetch, getAccessToken: () => null }).GET("/api/activities/home");
  await createCruddurClient({ baseUrl: "http://api.test", fetch }).GET("/api/activities/home");
  assert.equal(requests[0].headers.get("authorization"), null);
  assert.equal(requests[1].headers.get("authorization"), null);
});

test("a non-2xx error array is thrown as a CruddurApiError with the status, the codes and the operation", async () => {
  const { fetch } = recordingFetch(422, ["message_blank", "ttl_invalid"]);
  const client = createCruddurClient({ baseUrl: "http://api.test", fetch });
  await assert.rejects(client.POST("/api/activities", { body: { message: "", ttl: "never" } }), (error) => {
    assert.ok(error instanceof CruddurApiError);
    assert.equal(error.name, "CruddurApiError");
    assert.equal(error.status, 422);
    assert.deepEqual(error.codes, ["message_blank", "ttl_invalid"]);
    assert.equal(error.method, "POST");
    assert.equal(error.path, "/api/activities");
    return true;
  });
});

test("an error body that is not an array of codes (a load balancer's page) becomes a generic code", async () => {
  for (const [status, body, code] of [[502, "<html>Bad Gateway</html>", "generic_500"], [401, {}, "generic_401"], [403, "", "generic_403"]]) {
    const { fetch } = recordingFetch(status, body, typeof body === "string" ? "text/html" : "application/json");
    await assert.rejects(createCruddurClient({ baseUrl: "http://api.test", fetch }).GET("/api/profile"),
      (error) => error instanceof CruddurApiError && error.status === status && error.codes.join() === code);
  }
});
