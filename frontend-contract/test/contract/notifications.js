// The author's notifications of the friend's reply and like: NotificationsFeedPage and its links, the unread count,
// marking read.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import { config } from "../support/config.js";
import { call, exercised, expectStatus } from "../support/frontend.js";
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

  test("createNotificationStreamTicket and streamNotifications: a ticket opens the caller's stream once, from the frontend's origin", async () => {
    expectStatus(await call("createNotificationStreamTicket", {}), 401);
    const token = await as(AUTHOR);
    const ticket = async () => expectStatus(await call("createNotificationStreamTicket", { token }), 200);
    const accept = { Accept: "text/event-stream" };
    expectStatus(await call("streamNotifications", { query: { ticket: "not-a-ticket" }, headers: accept }), 401, "ticket_invalid");
    const { ticket: forBadPosition } = await ticket();
    expectStatus(await call("streamNotifications", { query: { ticket: forBadPosition, last_event_id: "yesterday" }, headers: accept }),
      422, "last_event_id_invalid");

    // the stream itself is not JSON: opened as EventSource opens it, then its first event, the unread count
    const { ticket: fresh } = await ticket();
    const url = new URL(`${config.apiUrl}/api/notifications/stream`);
    url.searchParams.set("ticket", fresh);
    const stopped = new AbortController();
    const res = await fetch(url, { headers: { ...accept, Origin: config.frontendOrigin }, signal: stopped.signal });
    try {
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^text\/event-stream/);
      assert.equal(res.headers.get("access-control-allow-origin"), config.frontendOrigin);
      // events as EventSource reads them: blocks ended by a blank line, fields in any order, one space after the colon optional
      const events = (text) => text.split(/\r?\n\r?\n/).slice(0, -1).map((block) => Object.fromEntries(block.split(/\r?\n/)
        .filter((line) => line && !line.startsWith(":"))
        .map((line) => { const at = line.indexOf(":"); return [line.slice(0, at), line.slice(at + 1).replace(/^ /, "")]; })));
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      let unread;
      const deadline = Date.now() + 10_000;
      while (!(unread = events(text).find((event) => event.event === "unread"))) {
        assert.ok(Date.now() < deadline, `no unread event within 10 s: ${JSON.stringify(text)}`);
        const { value, done } = await reader.read();
        assert.ok(!done, `the stream ended before its unread event: ${JSON.stringify(text)}`);
        text += value;
      }
      assert.equal(typeof JSON.parse(unread.data).unread, "number");
      exercised.get("streamNotifications").add("200");
    } finally {
      stopped.abort();
    }
    // single-use: the same ticket again is refused
    expectStatus(await call("streamNotifications", { query: { ticket: fresh }, headers: accept }), 401, "ticket_invalid");
  });
});
