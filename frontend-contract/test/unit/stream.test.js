// openNotificationStream with stand-ins for fetch and EventSource: a ticket per connection, got with the token, and
// reconnection with a new ticket and the last event's id, after a growing delay.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openNotificationStream } from "../../index.js";

/** A stand-in for the browser's EventSource: records each instance; the test fires its events. */
function fakeEventSources() {
  const opened = [];
  class FakeEventSource {
    constructor(url) {
      this.url = new URL(url);
      this.listeners = {};
      this.closed = false;
      opened.push(this);
    }
    addEventListener(type, listener) {
      (this.listeners[type] ??= []).push(listener);
    }
    close() {
      this.closed = true;
    }
    open() {
      this.onopen?.({});
    }
    emit(type, data, lastEventId = "") {
      for (const listener of this.listeners[type] ?? []) {
        listener({ type, data: JSON.stringify(data), lastEventId });
      }
    }
    fail() {
      this.onerror?.({});
    }
  }
  return { FakeEventSource, opened };
}

/** Answers each ticket request with the next of `answers` (a status and body), recording the requests. */
function ticketFetch(answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({ url, init });
    const [status, body, headers = {}] = answers.shift() ?? [200, { ticket: `t${requests.length}` }];
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
  };
  return { fetch, requests };
}

async function until(condition, what) {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `not within 2 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

test("gets a ticket with the access token, opens the stream with it, and hands over each event parsed", async () => {
  const { FakeEventSource, opened } = fakeEventSources();
  const { fetch, requests } = ticketFetch([[200, { ticket: "abc" }]]);
  const notifications = [];
  const counts = [];
  const stream = openNotificationStream({
    baseUrl: "http://api.test/",
    getAccessToken: async () => "token-1",
    onNotification: (n) => notifications.push(n),
    onUnread: (c) => counts.push(c),
    EventSource: FakeEventSource,
    fetch,
  });
  await until(() => opened.length === 1, "the stream opened");
  assert.equal(requests[0].url, "http://api.test/api/notifications/stream_ticket");
  assert.equal(requests[0].init.method, "POST");
  assert.equal(requests[0].init.headers.Authorization, "Bearer token-1");
  assert.equal(opened[0].url.pathname, "/api/notifications/stream");
  assert.deepEqual([...opened[0].url.searchParams], [["ticket", "abc"]], "the ticket, never the token, in the URL");
  opened[0].open();
  opened[0].emit("notification", { uuid: "u1", kind: "reply" }, "p1");
  opened[0].emit("unread", { unread: 4 });
  assert.deepEqual(notifications, [{ uuid: "u1", kind: "reply" }]);
  assert.deepEqual(counts, [{ unread: 4 }]);
  stream.close();
  assert.equal(opened[0].closed, true);
});

test("after a failure it reconnects with a new ticket and the last event's id, waiting longer after each failure", async () => {
  const { FakeEventSource, opened } = fakeEventSources();
  const { fetch, requests } = ticketFetch([[200, { ticket: "t1" }], [503, ["service_unavailable"]], [200, { ticket: "t3" }],
    [200, { ticket: "t4" }]]);
  const delays = [];
  const stream = openNotificationStream({
    baseUrl: "http://api.test",
    getAccessToken: () => "token",
    EventSource: FakeEventSource,
    fetch,
    retryDelay: (failures) => {
      delays.push(failures);
      return 1;
    },
  });
  await until(() => opened.length === 1, "the first stream");
  opened[0].open();
  opened[0].emit("notification", { uuid: "u1" }, "p1");
  opened[0].emit("notification", { uuid: "u2" }, "p2");
  opened[0].fail();
  assert.equal(opened[0].closed, true, "EventSource's own reconnect (the spent ticket) is stopped");
  // a refused ticket (503) is one more failure before the next stream
  await until(() => opened.length === 2, "the second stream");
  assert.equal(requests.length, 3, "a new ticket for each attempt");
  assert.deepEqual([...opened[1].url.searchParams], [["ticket", "t3"], ["last_event_id", "p2"]]);
  assert.deepEqual(delays, [0, 1], "the delay grows with the failures in a row");
  // once open, the count starts again
  opened[1].open();
  opened[1].fail();
  await until(() => opened.length === 3, "the third stream");
  assert.deepEqual(delays, [0, 1, 0]);
  assert.equal(opened[2].url.searchParams.get("last_event_id"), "p2", "nothing newer was received");
  stream.close();
});

test("a refused ticket (signed out) ends it with the codes; close() stops any reconnect", async () => {
  const { FakeEventSource, opened } = fakeEventSources();
  const { fetch, requests } = ticketFetch([[401, ["generic_401"]]]);
  const errors = [];
  openNotificationStream({
    baseUrl: "http://api.test",
    getAccessToken: () => null,
    onError: (codes) => errors.push(codes),
    EventSource: FakeEventSource,
    fetch,
    retryDelay: () => 1,
  });
  await until(() => errors.length === 1, "the error");
  assert.deepEqual(errors, [["generic_401"]]);
  assert.equal(requests[0].init.headers.Authorization, undefined, "no token, no header");

  const second = ticketFetch([]);
  const stream = openNotificationStream({
    baseUrl: "http://api.test",
    getAccessToken: () => "token",
    EventSource: FakeEventSource,
    fetch: second.fetch,
    retryDelay: () => 1,
  });
  await until(() => opened.length === 1, "the stream");
  stream.close();
  opened[0].fail();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(second.requests.length, 1, "no new ticket after close()");
  assert.equal(opened.length, 1);
});

test("a 429 for a ticket waits as long as Retry-After says", async () => {
  const { FakeEventSource, opened } = fakeEventSources();
  const { fetch } = ticketFetch([[429, ["rate_limited"], { "Retry-After": "0.05" }]]);
  const started = Date.now();
  const stream = openNotificationStream({
    baseUrl: "http://api.test",
    getAccessToken: () => "token",
    EventSource: FakeEventSource,
    fetch,
    retryDelay: () => 0,
  });
  await until(() => opened.length === 1, "the stream after the wait");
  assert.ok(Date.now() - started >= 45, "waited for Retry-After");
  stream.close();
});
