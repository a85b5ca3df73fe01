package com.cruddur.messages;

import java.time.Instant;

/** One message of a conversation. */
public record Message(String uuid, String groupUuid, String senderSub, String text, Instant createdAt) {}
