// The author's notifications of the friend's reply and like: NotificationsFeedPage and its links, the unread count,
// marking read.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import { call, expectStatus } from "../support/frontend.js";
import { AUTHOR, FRIEND, as, made, unknownUuid } from "./world.js";

describe("notifications", () => {
  test("listNotifications: the author is notified of the friend's reply (events arrive over SQS)", async () => {
    const token = await as(AUTHOR);
    const deadline = Date.now() + 30_000;
    let reply;
    while (!reply) {
      const page = expectStatus(await call("listNotifications", { token }), 200);
      reply = page.find((n) => n.kind === "reply" && n.uuid === made.reply);
      if (!reply) {
        assert.ok(Date.now() < deadline, "no reply notification within 30 s");
        await sleep(250);
      }
    }
    assert.equal(reply.activity_uuid, made.reply);
    made.notification = reply.notification_uuid;
  });

  test("listNotifications: every item's link, /@{handle}/status/{uuid} as the React frontend builds it, leads to its crud (a follow's: /@{handle}, the follower)", async () => {
    const token = await as(AUTHOR);
    const deadline = Date.now() + 30_000;
    let page;
    while (!(page = expectStatus(await call("listNotifications", { token, query: { limit: 100 } }), 200))
        .some((n) => n.kind === "like" && n.uuid === made.crud)) {
      assert.ok(Date.now() < deadline, "no like notification within 30 s");
      await sleep(250);
    }
    const like = page.find((n) => n.kind === "like" && n.uuid === made.crud);
    assert.equal(like.actor_handle, FRIEND);
    assert.equal(like.handle, AUTHOR, "a like links to the liked crud under its author's handle");
    for (const item of page) {
      if (item.kind === "follow") {
        // about no crud: the follower, whose profile page is /@{handle}
        const profile = expectStatus(await call("getUserFeed", { path: { handle: item.handle } }), 200).profile;
        assert.equal(profile.uuid, item.uuid);
        continue;
      }
      const show = expectStatus(await call("getActivity", { path: { handle: item.handle, activity_uuid: item.uuid } }), 200);
      assert.equal(show.activity.uuid, item.uuid);
      assert.equal(show.activity.message, item.message);
    }
  });

  test("getUnreadNotificationCount and markNotificationsRead: marking up to the reply's notification", async () => {
    const token = await as(AUTHOR);
    const before = expectStatus(await call("getUnreadNotificationCount", { token }), 200);
    const after = expectStatus(await call("markNotificationsRead", { token, body: { up_to: made.notification } }), 200);
    assert.ok(after.unread <= before.unread);
  });

  test("markNotificationsRead: an unknown notification, 404 notification_not_found; not a UUID, 422 up_to_invalid", async () => {
    const token = await as(AUTHOR);
    expectStatus(await call("markNotificationsRead", { token, body: { up_to: unknownUuid() } }), 404, "notification_not_found");
    expectStatus(await call("markNotificationsRead", { token, body: { up_to: "yesterday" }, invalid: true }), 422, "up_to_invalid");
  });
});
