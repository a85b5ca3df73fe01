// The client's own behaviour, with a stand-in for fetch: headers as the frontend needs them, errors as `{ error }`.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire, isBuiltin, Module } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { test } from "node:test";
import { createCruddurClient } from "../../index.js";

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

test("a non-2xx answer resolves to { error } with its array of codes, and its status on the response", async () => {
  const { fetch } = recordingFetch(422, ["message_blank", "ttl_invalid"]);
  const client = createCruddurClient({ baseUrl: "http://api.test", fetch });
  const { data, error, response } = await client.POST("/api/activities", { body: { message: "", ttl: "never" } });
  assert.equal(data, undefined);
  assert.deepEqual(error, ["message_blank", "ttl_invalid"]);
  assert.equal(response.status, 422);
});

test("an error body that is not an array of codes (a load balancer's page) becomes a generic code", async () => {
  for (const [status, body, code] of [[502, "<html>Bad Gateway</html>", "generic_500"], [401, {}, "generic_401"],
    [403, "", "generic_403"], [500, [], "generic_500"], [400, [1], "generic_500"]]) {
    const { fetch } = recordingFetch(status, body, typeof body === "string" ? "text/html" : "application/json");
    const { data, error, response } = await createCruddurClient({ baseUrl: "http://api.test", fetch }).GET("/api/profile");
    assert.equal(data, undefined);
    assert.deepEqual(error, [code], `${status} ${JSON.stringify(body)}`);
    assert.equal(response.status, status);
  }
});

test("a 2xx answer has data and no error", async () => {
  const { fetch } = recordingFetch(200, [{ uuid: "x" }]);
  const { data, error } = await createCruddurClient({ baseUrl: "http://api.test", fetch }).GET("/api/activities/home");
  assert.deepEqual(data, [{ uuid: "x" }]);
  assert.equal(error, undefined);
});

/**
 * Loads a file as Jest 27 (Create React App 5's) does: CommonJS only, bare names resolved through node_modules and the
 * package's "main" field, never its "exports" nor an ES module. Node itself would require an ES module since 20.19.
 */
function loadAsJest27(file) {
  const module = { exports: {} };
  const dir = dirname(file);
  const localRequire = (specifier) => {
    if (isBuiltin(specifier)) {
      return createRequire(file)(specifier);
    }
    if (specifier.startsWith(".")) {
      return loadAsJest27(resolve(dir, specifier));
    }
    const [scopeOrName, ...rest] = specifier.split("/");
    const name = scopeOrName.startsWith("@") ? `${scopeOrName}/${rest.shift()}` : scopeOrName;
    let base = dir;
    while (!existsSync(join(base, "node_modules", name))) {
      assert.notEqual(dirname(base), base, `${specifier} is not installed`);
      base = dirname(base);
    }
    const root = join(base, "node_modules", name);
    const main = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).main ?? "index.js";
    return loadAsJest27(rest.length > 0 ? join(root, ...rest) : join(root, main));
  };
  // a file with import/export syntax is a SyntaxError here, as in Jest without a transform
  new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file }).runInThisContext()(
    module.exports, localRequire, module, file, dir);
  return module.exports;
}

test("CommonJS as Create React App's Jest loads it: the package's main file and what it requires", async () => {
  const packageDir = fileURLToPath(new URL("../..", import.meta.url));
  const packageJson = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const entry = loadAsJest27(join(packageDir, packageJson.main));
  assert.equal(typeof entry.createCruddurClient, "function");
  const { fetch } = recordingFetch(422, ["message_blank"]);
  const { error } = await entry.createCruddurClient({ baseUrl: "http://api.test", fetch }).POST("/api/activities",
    { body: { message: "", ttl: "7-days" } });
  assert.deepEqual(error, ["message_blank"]);
  assert.equal(typeof createRequire(import.meta.url)("@cruddur/frontend-contract").createCruddurClient, "function",
    "and by the package's exports (require condition)");
});
