package com.cruddur.messages.service;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.idempotency.IdempotencyKeys;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.time.Timestamps;
import com.cruddur.common.validation.Validation;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.events.OutboxDerivations;
import com.cruddur.messages.Message;
import com.cruddur.messages.repository.MessageRepository;
import com.cruddur.messages.repository.MessageRepository.InboxEntry;
import com.cruddur.messages.repository.MessageRepository.Page;
import com.cruddur.usersclient.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Private conversations between two users. Every read and write checks that the caller is a member: anyone else
 * gets 403 and learns nothing of the content.
 */
@ApplicationScoped
public class Conversations implements OutboxDerivations {

    public static final int MESSAGE_MAX = 1024;
    public static final String GROUP_NOT_FOUND = "message_group_not_found";

    /** A conversation in the caller's list, or a message: the user fields are the other member, or the sender. */
    public record Item(String uuid, String displayName, String handle, String message, String createdAt) {}

    public record ItemPage(List<Item> items, Optional<String> next) {}

    private final MessageRepository messages;
    private final UserDirectory users;
    private final Outbox outbox;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public Conversations(
            MessageRepository messages, UserDirectory users, Outbox outbox, IdempotencyKeys keys, Clock clock) {
        this.messages = messages;
        this.users = users;
        this.outbox = outbox;
        this.keys = keys;
        this.clock = clock;
    }

    /** The caller's conversations, the most recently active first, each with its newest message. */
    public ItemPage list(String caller, Paging paging) {
        Page<InboxEntry> page = messages.inbox(caller, paging.after(), paging.limit());
        Map<String, UserDirectory.ShortProfile> others =
                users.bySubs(page.items().stream().map(InboxEntry::otherSub).toList());
        List<Item> items = page.items().stream()
                .filter(e -> others.containsKey(e.otherSub()))
                .map(e -> new Item(
                        e.groupUuid(),
                        others.get(e.otherSub()).displayName(),
                        others.get(e.otherSub()).handle(),
                        e.lastMessage(),
                        Timestamps.format(e.lastAt())))
                .toList();
        return new ItemPage(items, page.next());
    }

    /** A page of a conversation the caller belongs to, oldest first. */
    public ItemPage read(String caller, String group, Paging paging) {
        requireMember(caller, group);
        Page<Message> page = messages.messages(group, paging.after(), paging.limit());
        return new ItemPage(render(page.items()), page.next());
    }

    /**
     * Starts a conversation with {@code handle}, or continues the one the two have; returns its uuid. With an
     * {@code idempotencyKey}, a retry sends nothing new (the pair's conversation is the same anyway).
     */
    public String start(String caller, String handle, String text, String idempotencyKey) {
        String message = text == null ? null : text.strip();
        String receiverHandle = handle == null ? null : handle.strip();
        Optional<UserDirectory.Profile> receiver =
                Validation.isHandle(receiverHandle) ? users.byHandle(receiverHandle) : Optional.empty();
        Validation validation = checks(message)
                .check(receiver.isEmpty(), "user_reciever_handle_blank")
                .check(receiver.isPresent() && receiver.get().sub().equals(caller), "message_self");
        IdempotencyKeys.check(idempotencyKey, validation).throwIfFailed();
        String other = receiver.orElseThrow().sub();
        String group = messages.claimPair(caller, other, UUID.randomUUID().toString(), now());
        keys.once(
                messages.table(),
                caller,
                idempotencyKey,
                "start\n" + receiverHandle + "\n" + message,
                ticket -> deliver(new Message(ticket.uuid(), group, caller, message, ticket.at()), other),
                ticket -> messages.find(group, ticket.uuid(), ticket.at()));
        return group;
    }

    /**
     * Adds a message to a conversation the caller belongs to; returns it as the frontend appends it. With an
     * {@code idempotencyKey}, a retry returns the message the first request stored.
     */
    public Item send(String caller, String group, String text, String idempotencyKey) {
        String message = text == null ? null : text.strip();
        Validation validation = checks(message).check(Validation.isBlank(group), "message_group_uuid_blank");
        IdempotencyKeys.check(idempotencyKey, validation).throwIfFailed();
        String groupUuid = group.strip();
        List<String> members = requireMember(caller, groupUuid);
        String other = members.get(0).equals(caller) ? members.get(1) : members.get(0);
        Message sent = keys.once(
                messages.table(),
                caller,
                idempotencyKey,
                "send\n" + groupUuid + "\n" + message,
                ticket -> deliver(new Message(ticket.uuid(), groupUuid, caller, message, ticket.at()), other),
                ticket -> messages.find(groupUuid, ticket.uuid(), ticket.at()));
        return renderNew(sent);
    }

    /**
     * The message item is the commit point and carries its event; the inbox entries follow from it (at once if
     * DynamoDB answers, else by the outbox relay, see {@link #derive}).
     */
    private Message deliver(Message message, String other) {
        String at = Timestamps.format(message.createdAt());
        messages.insert(
                message,
                other,
                outbox.pending(List.of(new Event(
                        message.uuid(),
                        Event.MESSAGE_SENT,
                        Event.SCHEMA_VERSION,
                        at,
                        message.senderSub(),
                        other,
                        new Event.Subject(
                                null,
                                null,
                                message.uuid(),
                                message.groupUuid(),
                                message.text(),
                                at,
                                null,
                                null,
                                null,
                                null)))));
        outbox.committed();
        try {
            recordLast(message, other);
        } catch (RuntimeException e) {
            // still pending in the outbox
        }
        return message;
    }

    @Override
    public List<Event> derive(Map<String, AttributeValue> item) {
        MessageRepository.messageOf(item).ifPresent(sent -> recordLast(sent.getKey(), sent.getValue()));
        return List.of();
    }

    private void recordLast(Message message, String other) {
        messages.recordLast(message.senderSub(), other, message);
        messages.recordLast(other, message.senderSub(), message);
    }

    /** The members; 404 for an unknown (or malformed) conversation, 403 for one the caller is not in. */
    private List<String> requireMember(String caller, String group) {
        if (!Validation.isUuid(group)) {
            throw ApiException.notFound(GROUP_NOT_FOUND);
        }
        List<String> members = messages.members(group).orElseThrow(() -> ApiException.notFound(GROUP_NOT_FOUND));
        if (!members.contains(caller)) {
            throw ApiException.forbidden();
        }
        return members;
    }

    private List<Item> render(List<Message> page) {
        return render(page, users.bySubs(page.stream().map(Message::senderSub).toList()));
    }

    /**
     * The caller's new message, rendered from data at hand after its commit: the sender from the cache or the users
     * service if it answers, else placeholder fields (empty handle and name). Nothing here can fail the send.
     */
    private Item renderNew(Message message) {
        Map<String, UserDirectory.ShortProfile> sender;
        try {
            sender = new HashMap<>(users.bySubs(List.of(message.senderSub())));
        } catch (RuntimeException unavailable) {
            sender = new HashMap<>();
        }
        sender.putIfAbsent(message.senderSub(), new UserDirectory.ShortProfile(message.senderSub(), "", ""));
        return render(List.of(message), sender).get(0);
    }

    private static List<Item> render(List<Message> page, Map<String, UserDirectory.ShortProfile> senders) {
        return page.stream()
                .filter(m -> senders.containsKey(m.senderSub()))
                .map(m -> new Item(
                        m.uuid(),
                        senders.get(m.senderSub()).displayName(),
                        senders.get(m.senderSub()).handle(),
                        m.text(),
                        Timestamps.format(m.createdAt())))
                .toList();
    }

    private static Validation checks(String message) {
        return new Validation()
                .check(Validation.isBlank(message), "message_blank")
                .check(Validation.length(message) > MESSAGE_MAX, "message_exceed_max_chars_1024")
                .check(
                        Validation.hasControlCharacters(message) || Validation.hasNoncharacters(message),
                        "message_invalid_characters");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
