// Direct messages: MessageGroupsPage, MessageGroupPage, MessageGroupNewPage and MessageForm.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { call, expectStatus } from "../support/frontend.js";
import { OUTSIDER, RECEIVER, RUN, SENDER, as, made, unknownUuid } from "./world.js";

describe("messages", () => {
  test("createMessage: starting a conversation answers only {message_group_uuid}, where the frontend navigates", async () => {
    const started = expectStatus(await call("createMessage", {
      token: await as(SENDER), body: { message: `Hello ${RUN}`, handle: RECEIVER },
    }), 200);
    assert.deepEqual(Object.keys(started), ["message_group_uuid"]);
    made.group = started.message_group_uuid;
  });

  test("createMessage: continuing it answers the message, without message_group_uuid (no page reload)", async () => {
    const sent = expectStatus(await call("createMessage", {
      token: await as(RECEIVER), body: { message: `Hi back ${RUN}`, message_group_uuid: made.group },
    }), 200);
    assert.equal(sent.handle, RECEIVER);
    assert.equal(sent.message_group_uuid, undefined);
    made.message = sent.uuid;
  });

  test("listMessageGroups: the conversation, with the other member and the latest message", async () => {
    const groups = expectStatus(await call("listMessageGroups", { token: await as(SENDER) }), 200);
    const group = groups.find((g) => g.uuid === made.group);
    assert.ok(group, "the conversation is listed");
    assert.equal(group.handle, RECEIVER);
    assert.equal(group.message, `Hi back ${RUN}`);
  });

  test("listMessages: the conversation's messages, oldest first", async () => {
    const messages = expectStatus(await call("listMessages", { token: await as(SENDER), path: { message_group_uuid: made.group } }), 200);
    assert.equal(messages.at(-1).uuid, made.message);
  });

  test("listMessages and createMessage: someone else's conversation, 403 generic_403", async () => {
    const token = await as(OUTSIDER);
    expectStatus(await call("listMessages", { token, path: { message_group_uuid: made.group } }), 403, "generic_403");
    expectStatus(await call("createMessage", { token, body: { message: "let me in", message_group_uuid: made.group } }), 403, "generic_403");
  });

  test("listMessages and createMessage: an unknown conversation, 404 message_group_not_found", async () => {
    const token = await as(SENDER);
    expectStatus(await call("listMessages", { token, path: { message_group_uuid: unknownUuid() } }), 404, "message_group_not_found");
    expectStatus(await call("createMessage", { token, body: { message: "anyone?", message_group_uuid: unknownUuid() } }),
      404, "message_group_not_found");
  });

  test("createMessage: a blank message to oneself, 422 message_blank and message_self", async () => {
    expectStatus(await call("createMessage", { token: await as(SENDER), body: { message: "", handle: SENDER } }),
      422, "message_blank", "message_self");
  });
});
