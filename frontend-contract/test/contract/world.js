// The demo users the suite signs in as (bin/dev and the system tests create them), and what earlier tests created.
import { randomUUID } from "node:crypto";
import { accessToken } from "../support/cognito.js";

export const AUTHOR = "andrewbrown";
export const FRIEND = "bayko";
export const STRANGER = "londo";

export const as = (handle) => accessToken(handle);

/** A run-unique word, so that this run's cruds can be told apart from others' (and searched for). */
export const RUN = `contract${randomUUID().slice(0, 8)}`;

/** Ids made by earlier tests of the run: the crud, its reply, the conversation. */
export const made = {};

export const unknownUuid = () => randomUUID();
