// Users and the caller's profile: ProfileHeading, MessageGroupNewPage, ProfileForm (with its avatar upload).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { config } from "../support/config.js";
import { call, expectStatus } from "../support/frontend.js";
import { AUTHOR, FRIEND, RUN, as } from "./world.js";

describe("users and profiles", () => {
  test("healthCheck: 200 {success: true, ver: 1}", async () => {
    assert.deepEqual(expectStatus(await call("healthCheck"), 200), { success: true, ver: 1 });
  });

  test("getShortProfile: a demo user's short profile, as the new-conversation page shows it", async () => {
    const user = expectStatus(await call("getShortProfile", { path: { handle: FRIEND } }), 200);
    assert.equal(user.handle, FRIEND);
  });

  test("getShortProfile: an unknown handle, 404 user_not_found", async () => {
    expectStatus(await call("getShortProfile", { path: { handle: `nobody${RUN}` } }), 404, "user_not_found");
  });

  test("getOwnProfile, updateProfile (PUT, as the frontend sends it) and updateProfilePost keep the profile", async () => {
    const token = await as(AUTHOR);
    const before = expectStatus(await call("getOwnProfile", { token }), 200);
    assert.equal(before.handle, AUTHOR);
    // the same values: other tests sharing this backend may read this profile
    const body = { display_name: before.display_name, bio: before.bio };
    assert.deepEqual(expectStatus(await call("updateProfile", { token, body }), 200), before);
    assert.deepEqual(expectStatus(await call("updateProfilePost", { token, body }), 200), before);
  });

  test("updateProfile and updateProfilePost: a blank display name, 422 display_name_blank", async () => {
    const token = await as(AUTHOR);
    for (const op of ["updateProfile", "updateProfilePost"]) {
      expectStatus(await call(op, { token, body: { display_name: "  ", bio: "x".repeat(281) } }), 422,
        "display_name_blank", "bio_exceed_max_chars");
    }
  });

  test("updateProfile: a display name that is not a string, 422 display_name_invalid", async () => {
    const result = await call("updateProfile", { token: await as(AUTHOR), body: { display_name: 42 }, invalid: true });
    expectStatus(result, 422, "display_name_invalid");
  });

  test("createAvatarUploadUrl: the browser PUTs the avatar to the presigned URL (local S3, CORS) and it reads back", async () => {
    const { url } = expectStatus(await call("createAvatarUploadUrl", { token: await as(AUTHOR), body: { extension: "JPG" } }), 200);
    const target = new URL(url);
    assert.match(target.pathname, /\/avatars\/[0-9a-f-]{36}\.jpg$/);
    // as the frontend's ProfileForm uploads the file: a cross-origin PUT with the file's type, so first a preflight
    const preflight = await fetch(target, { method: "OPTIONS", headers: { Origin: config.frontendOrigin,
      "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type" } });
    assert.equal(preflight.status, 200, `preflight of the upload: ${await preflight.text()}`);
    assert.ok(["*", config.frontendOrigin].includes(preflight.headers.get("access-control-allow-origin")));
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /\bPUT\b/);
    const image = Buffer.from(`not really a jpeg ${RUN}`);
    const upload = await fetch(target, { method: "PUT", body: image,
      headers: { Origin: config.frontendOrigin, "Content-Type": "image/jpeg" } });
    assert.equal(upload.status, 200, `upload: ${await upload.text()}`);
    assert.equal(upload.headers.get("access-control-allow-origin"), config.frontendOrigin);
    const stored = await fetch(new URL(target.pathname, target.origin));
    assert.equal(stored.status, 200);
    assert.deepEqual(Buffer.from(await stored.arrayBuffer()), image);
  });

  test("createAvatarUploadUrl: an extension that is not an image's, 422 extension_invalid", async () => {
    expectStatus(await call("createAvatarUploadUrl", { token: await as(AUTHOR), body: { extension: "exe" } }), 422, "extension_invalid");
  });
});
