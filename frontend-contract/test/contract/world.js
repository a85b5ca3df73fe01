// The demo users the suite signs in as (bin/dev and the system tests create them), and what earlier tests created.
import { randomUUID } from "node:crypto";
import { accessToken } from "../support/cognito.js";

export const AUTHOR = "andrewbrown";
export const FRIEND = "bayko";
/**
 * The conversation is between two other demo users: the system tests share one backend, and their
 * MessagesThroughEdgeIT expects the andrewbrown–bayko conversation to start with its own first message.
 */
export const SENDER = "altbrown";
export const RECEIVER = "londo";
export const OUTSIDER = "bayko";

export const as = (handle) => accessToken(handle);

/** A run-unique word, so that this run's cruds can be told apart from others' (and searched for). */
export const RUN = `contract${randomUUID().slice(0, 8)}`;

/** Ids made by earlier tests of the run: the crud, its reply, the conversation. */
export const made = {};

export const unknownUuid = () => randomUUID();
