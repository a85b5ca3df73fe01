/**
 * The Cruddur API's types, generated from openapi.yaml by openapi-typescript. Do not edit: change openapi.yaml and
 * run `npm run generate` in frontend-contract; the build fails when this file is out of date.
 */

export interface paths {
    "/api/health-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Liveness probe used by container and load-balancer health checks. No database access. Every service answers it on its own port too.
         */
        get: operations["healthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/@{handle}/short": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Short profile of a user
         * @description Used by the new-conversation page to show who the message goes to. A Cognito user who never used Cruddur is provisioned on this first lookup.
         */
        get: operations["getShortProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/@{handle}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow a user
         * @description Idempotent; following twice counts once. No request body. Besides the limit on all writes, follows are limited per caller (100 an hour by default; docs/rate-limits.md). Answers where the caller stands with the user, with the user's counts.
         */
        post: operations["followUser"];
        /**
         * Stop following a user
         * @description Idempotent; unfollowing someone not followed changes nothing. No request body.
         */
        delete: operations["unfollowUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/@{handle}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who follows a user
         * @description The users following `handle`, the most recent follow first, paginated.
         */
        get: operations["getFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/@{handle}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom a user follows
         * @description The users `handle` follows, the most recent follow first, paginated.
         */
        get: operations["getFollowing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's own profile
         * @description Returns the caller's profile. On first use the profile is provisioned from the Cognito user (handle = the Cognito `preferred_username`, display name = `name`).
         */
        get: operations["getOwnProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update the caller's profile (PUT, as the React frontend sends it)
         * @description Sets the caller's display name and bio and returns the updated profile.
         *     A null or missing `bio` is stored as the empty string. `PUT` and `POST`
         *     are equivalent.
         */
        put: operations["updateProfile"];
        /**
         * Update the caller's profile (POST, as the original Flask route)
         * @description Sets the caller's display name and bio and returns the updated profile.
         *     A null or missing `bio` is stored as the empty string. `PUT` and `POST`
         *     are equivalent.
         */
        post: operations["updateProfilePost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/avatars/key_upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Presigned URL to upload the caller's avatar
         * @description Returns a presigned S3 `PUT` URL, valid for 5 minutes, for the object key `avatars/<sub>.<extension>` (the extension lower-cased). The browser then PUTs the image to that URL directly.
         */
        post: operations["createAvatarUploadUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Home feed
         * @description Cruds of every user, newest first. Replies and expired cruds are left out. With a valid token each item also carries `liked` and `reposted`. With `feed=following` (sign-in required): only the cruds of the users the caller follows and the caller's own, newest first, paginated the same way; an unfollow takes an author's cruds out of the next page (docs/following-feed.md).
         */
        get: operations["getHomeFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a crud
         * @description Creates a crud by the caller, expiring `ttl` after now. When an `Idempotency-Key` is sent, a retry with the same key by the same caller returns the crud created the first time instead of a new one.
         */
        post: operations["createActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{activity_uuid}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply to a crud
         * @description Creates a reply by the caller to the crud `activity_uuid` and increments its `replies_count`. The reply expires together with the crud it replies to. `Idempotency-Key` works as for posting a crud. An unknown crud is answered 404 before the body is validated.
         */
        post: operations["replyToActivity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{activity_uuid}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Like a crud
         * @description Idempotent; liking twice counts once. No request body.
         */
        post: operations["likeActivity"];
        /**
         * Remove the caller's like
         * @description Idempotent; removing an absent like changes nothing. No request body.
         */
        delete: operations["unlikeActivity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{activity_uuid}/repost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repost a crud
         * @description Idempotent; reposting twice counts once. No request body.
         */
        post: operations["repostActivity"];
        /**
         * Remove the caller's repost
         * @description Idempotent; removing an absent repost changes nothing. No request body.
         */
        delete: operations["unrepostActivity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/@{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's profile and cruds
         * @description The profile of `handle` and a page of their cruds, newest first, paginated like the home feed (the `profile` object is sent on every page).
         */
        get: operations["getUserFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/@{handle}/status/{activity_uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A crud with its replies
         * @description The crud `activity_uuid` and a page of its replies, oldest reply first, paginated like the home feed (20 by default, `limit` up to 100, the next page in the `Link` header); every page carries the crud itself. The `handle` segment is the author's handle as the frontend builds the URL; another handle is answered 404 `activity_not_found`. While the users service is unreachable, authors are shown as last known; a reply whose author this service never saw is left out.
         */
        get: operations["getActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search cruds
         * @description Cruds whose message contains every word of `term` (case-insensitive), newest first, expired cruds left out; paginated like the home feed.
         */
        get: operations["searchActivities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications
         * @description The caller's notifications, newest first, read and unread. Each item links, as the frontend builds it (`/@{handle}/status/{uuid}`), to the crud it is about (see `Notification`). Notifications of messages are not listed here: a message has no crud page, and conversations show in the message groups. A notification whose actor no longer exists is left out; while the users service is unreachable, people are shown as last known and those never seen are left out.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread_count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Number of unread notifications
         * @description How many unread notifications the list would show (the same items are left out), counting at most the newest 1000 unread ones.
         */
        get: operations["getUnreadNotificationCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications as read
         * @description Marks as read the caller's notifications up to and including `up_to` (by creation time), or all of them when `up_to` or the body is absent (at most the newest 1000 unread ones per call). Returns the remaining unread count.
         */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/stream_ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A ticket to open the caller's notification stream
         * @description A browser's `EventSource` cannot send an `Authorization` header, and an access token must never travel in a URL: this call, made with the access token, answers a ticket for `GET /api/notifications/stream`. The ticket is random, works once (by any notifications instance) and expires 60 seconds after it was issued. No request body. Besides the limit on all writes, tickets are limited per caller (20 a minute by default; docs/live-notifications.md), answered 429 `rate_limited`.
         */
        post: operations["createNotificationStreamTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's new notifications, live (server-sent events)
         * @description A `text/event-stream` of the ticket's user's new notifications, each
         *     sent within a second of being stored, by whichever notifications
         *     instance stored it (docs/live-notifications.md). Authenticated by a
         *     ticket from `POST /api/notifications/stream_ticket` (single-use, so a
         *     reconnect needs a new ticket and so a new URL). Errors before the
         *     stream starts are JSON, as everywhere; once it has started it only
         *     ever ends (the user was disabled or deleted, the instance stops, or
         *     the connection is cut): reconnect with a new ticket and
         *     `last_event_id`.
         *
         *     The stream carries three kinds of message:
         *
         *     - `event: notification`, `id: <position>`, `data: <Notification>`:
         *       one new notification, exactly as `GET /api/activities/notifications`
         *       lists it (schema `Notification`; `message` notifications are not sent,
         *       as they are not listed). The `id` is an opaque position, in the order
         *       the notifications were stored; a reconnect with it as `Last-Event-ID`
         *       (header) or `last_event_id` (query) first sends every notification
         *       stored after it that is still listed, then goes on live: nothing
         *       missed, nothing twice.
         *     - `event: unread`, `data: {"unread": <n>}` (schema `UnreadCount`, as
         *       `GET /api/notifications/unread_count` answers): the caller's unread
         *       count, sent when the stream opens and after each burst of
         *       notifications. It has no `id`.
         *     - a comment line `:heartbeat` every 15 seconds, so proxies and load
         *       balancers keep an idle stream open and a dead connection is noticed.
         *
         *     Without a position, the stream starts with what is stored from then on.
         *     Each user may have at most 5 open streams (by default) over all
         *     instances; one more is answered 429 `too_many_streams` until one
         *     closes (a closed tab's stream is noticed at its next heartbeat).
         */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message_groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's conversations
         * @description The caller's conversations, the one with the most recent message first.
         */
        get: operations["listMessageGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_group_uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages of a conversation
         * @description Messages of the conversation, oldest first within the page. Without a cursor the latest page is returned; the `next` link pages back to older messages.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a direct message
         * @description Two forms:
         *     - `{message, handle}` starts a conversation with the user `handle` (or
         *       continues the one the two already have); the response is only
         *       `{message_group_uuid}` and the frontend then navigates to
         *       `/messages/<message_group_uuid>`.
         *     - `{message, message_group_uuid}` continues a conversation the caller is
         *       a member of (`handle` is then ignored); the response is the new
         *       message, without `message_group_uuid`, so the frontend appends it
         *       instead of reloading the page.
         *
         *     When an `Idempotency-Key` is sent, a retry with the same key by the same
         *     caller sends nothing new: it answers as the first request did (the same
         *     conversation, or the same message).
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "success": true,
         *       "ver": 1
         *     }
         */
        Health: {
            success: boolean;
            ver: number;
        };
        /**
         * @example {
         *       "uuid": "9b1c4f1e-3f0a-4b7e-9a51-3d2c6c1f8e21",
         *       "handle": "bayko",
         *       "display_name": "Andrew Bayko"
         *     }
         */
        ShortProfile: {
            /**
             * Format: uuid
             * @description The user's Cognito `sub`.
             */
            uuid: string;
            handle: string;
            display_name: string;
        };
        /**
         * @example {
         *       "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
         *       "handle": "andrewbrown",
         *       "display_name": "Andrew Brown",
         *       "bio": "Cloud is fun!"
         *     }
         */
        Profile: {
            /**
             * Format: uuid
             * @description The user's Cognito `sub`.
             */
            uuid: string;
            handle: string;
            display_name: string;
            /** @description Empty string when not set. */
            bio: string;
        };
        FollowStanding: {
            handle: string;
            /** @description Whether the caller follows the user. */
            following: boolean;
            followers_count: number;
            following_count: number;
        };
        /**
         * @example {
         *       "display_name": "Andrew Brown",
         *       "bio": "Cloud is fun!"
         *     }
         */
        ProfileUpdateRequest: {
            /** @description Required; blank after trimming gives 422 `display_name_blank`, over 100 characters `display_name_exceed_max_chars`. */
            display_name: string;
            /** @description Optional; null is stored as the empty string. Over 280 characters gives 422 `bio_exceed_max_chars`. */
            bio?: string | null;
        };
        /**
         * @example {
         *       "extension": "jpg"
         *     }
         */
        AvatarUploadRequest: {
            /** @description File extension without the dot: `jpg`, `jpeg`, `png` or `webp`, case-insensitive. Anything else gives 422 `extension_invalid`, blank `extension_blank`. */
            extension: string;
        };
        /**
         * @example {
         *       "url": "https://cruddur-uploaded-avatars.s3.amazonaws.com/avatars/2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=abc123"
         *     }
         */
        AvatarUploadResponse: {
            /**
             * Format: uri
             * @description Presigned S3 PUT URL for `avatars/<sub>.<extension>`, valid for 5 minutes.
             */
            url: string;
        };
        /**
         * @description A crud (post) or a reply.
         * @example {
         *       "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
         *       "display_name": "Andrew Brown",
         *       "handle": "andrewbrown",
         *       "message": "Cloud is fun!",
         *       "created_at": "2024-05-20T00:17:18.123Z",
         *       "expires_at": "2024-05-27T00:17:18.123Z",
         *       "replies_count": 1,
         *       "reposts_count": 0,
         *       "likes_count": 5,
         *       "reply_to_activity_uuid": null,
         *       "liked": false,
         *       "reposted": false
         *     }
         */
        Activity: {
            /** Format: uuid */
            uuid: string;
            /** @description The author's display name. */
            display_name: string;
            /** @description The author's handle. */
            handle: string;
            message: string;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When the crud expires; a reply expires with the crud it replies to.
             */
            expires_at: string;
            replies_count: number;
            reposts_count: number;
            likes_count: number;
            /**
             * Format: uuid
             * @description For a reply, the crud it replies to; otherwise null or absent.
             */
            reply_to_activity_uuid?: string | null;
            /** @description Whether the caller likes it; only sent to an authenticated caller. */
            liked?: boolean;
            /** @description Whether the caller reposted it; only sent to an authenticated caller. */
            reposted?: boolean;
        };
        /**
         * @description Neither property is required by the schema; the server validates and answers 422 with every failing code.
         * @example {
         *       "message": "Cloud is fun!",
         *       "ttl": "7-days"
         *     }
         */
        ActivityCreateRequest: {
            /** @description The crud's text. Blank after trimming gives `message_blank`; over 280 Unicode code points (counted after trimming) `message_exceed_max_chars`. */
            message?: string;
            /** @description Time to live: one of `30-days`, `7-days`, `3-days`, `1-day`, `12-hours`, `3-hours`, `1-hour`. Missing or blank gives `ttl_blank`, any other value `ttl_invalid`. */
            ttl?: string;
        };
        /**
         * @description The frontend also sends `activity_uuid`, which is ignored (the path parameter counts).
         * @example {
         *       "message": "This post has no honor!",
         *       "activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee"
         *     }
         */
        ReplyRequest: {
            /** @description The reply's text. Blank after trimming gives `message_blank`; over 1024 Unicode code points (counted after trimming) `message_exceed_max_chars_1024`. */
            message?: string;
            /** @description Sent by the frontend and ignored. */
            activity_uuid?: string;
        };
        /**
         * @example {
         *       "profile": {
         *         "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
         *         "cognito_user_uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
         *         "handle": "andrewbrown",
         *         "display_name": "Andrew Brown",
         *         "bio": "Cloud is fun!",
         *         "cruds_count": 1,
         *         "followers_count": 12,
         *         "following_count": 3,
         *         "following": false
         *       },
         *       "activities": [
         *         {
         *           "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
         *           "display_name": "Andrew Brown",
         *           "handle": "andrewbrown",
         *           "message": "Cloud is fun!",
         *           "created_at": "2024-05-20T00:17:18.123Z",
         *           "expires_at": "2024-05-27T00:17:18.123Z",
         *           "replies_count": 1,
         *           "reposts_count": 0,
         *           "likes_count": 5,
         *           "reply_to_activity_uuid": null
         *         }
         *       ]
         *     }
         */
        ActivityProfilePage: {
            profile: components["schemas"]["ProfileHeading"];
            activities: components["schemas"]["Activity"][];
        };
        /**
         * @description The user shown at the top of a profile page (the frontend's `ProfileHeading`).
         * @example {
         *       "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
         *       "cognito_user_uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
         *       "handle": "andrewbrown",
         *       "display_name": "Andrew Brown",
         *       "bio": "Cloud is fun!",
         *       "cruds_count": 1,
         *       "followers_count": 12,
         *       "following_count": 3,
         *       "following": false
         *     }
         */
        ProfileHeading: {
            /**
             * Format: uuid
             * @description The user's id.
             */
            uuid: string;
            /**
             * Format: uuid
             * @description The user's Cognito `sub`; the frontend builds the avatar URL from it.
             */
            cognito_user_uuid: string;
            handle: string;
            display_name: string;
            bio: string | null;
            /** @description How many live cruds the user has posted. */
            cruds_count: number;
            /** @description How many users follow this user. */
            followers_count: number;
            /** @description How many users this user follows. */
            following_count: number;
            /** @description Whether the caller follows this user (false for an anonymous caller and on the caller's own page). */
            following: boolean;
        };
        /**
         * @example {
         *       "activity": {
         *         "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
         *         "display_name": "Andrew Brown",
         *         "handle": "andrewbrown",
         *         "message": "Cloud is fun!",
         *         "created_at": "2024-05-20T00:17:18.123Z",
         *         "expires_at": "2024-05-27T00:17:18.123Z",
         *         "replies_count": 1,
         *         "reposts_count": 0,
         *         "likes_count": 5,
         *         "reply_to_activity_uuid": null
         *       },
         *       "replies": [
         *         {
         *           "uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
         *           "display_name": "Worf",
         *           "handle": "worf",
         *           "message": "This post has no honor!",
         *           "created_at": "2024-05-20T01:02:03.456Z",
         *           "expires_at": "2024-05-27T00:17:18.123Z",
         *           "replies_count": 0,
         *           "reposts_count": 0,
         *           "likes_count": 0,
         *           "reply_to_activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee"
         *         }
         *       ]
         *     }
         */
        ActivityShow: {
            activity: components["schemas"]["Activity"];
            /** @description Replies, oldest first. */
            replies: components["schemas"]["Activity"][];
        };
        /**
         * @example {
         *       "likes_count": 6,
         *       "reposts_count": 0,
         *       "replies_count": 1,
         *       "liked": true,
         *       "reposted": false
         *     }
         */
        Counts: {
            likes_count: number;
            reposts_count: number;
            replies_count: number;
            /** @description Whether the caller now likes the crud. */
            liked: boolean;
            /** @description Whether the caller has now reposted the crud. */
            reposted: boolean;
        };
        /**
         * @example {
         *       "uuid": "5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
         *       "display_name": "Andrew Bayko",
         *       "handle": "bayko",
         *       "message": "Test message for group",
         *       "created_at": "2024-05-20T00:17:18.123Z"
         *     }
         */
        MessageGroup: {
            /**
             * Format: uuid
             * @description The conversation's id (message_group_uuid).
             */
            uuid: string;
            /** @description The other member's display name. */
            display_name: string;
            /** @description The other member's handle. */
            handle: string;
            /** @description The latest message's text. */
            message: string;
            /**
             * Format: date-time
             * @description When the latest message was sent.
             */
            created_at: string;
        };
        /**
         * @description A message; closed (`additionalProperties: false`) so that a sent message never carries `message_group_uuid`, which would make the frontend reload.
         * @example {
         *       "uuid": "0b2a3c8e-7f1d-4d33-9a2e-1c2f5e6b7a80",
         *       "display_name": "Andrew Brown",
         *       "handle": "andrewbrown",
         *       "message": "How are you?",
         *       "created_at": "2024-05-20T00:17:18.123Z"
         *     }
         */
        Message: {
            /**
             * Format: uuid
             * @description The message's id.
             */
            uuid: string;
            /** @description The sender's display name. */
            display_name: string;
            /** @description The sender's handle. */
            handle: string;
            message: string;
            /** Format: date-time */
            created_at: string;
        };
        /**
         * @description No property is required by the schema; the server validates and answers 422 with every failing code. Send `handle` to start a conversation, `message_group_uuid` to continue one.
         * @example {
         *       "message": "Hello Bayko!",
         *       "handle": "bayko"
         *     }
         */
        MessageCreateRequest: {
            /** @description The text. Blank after trimming gives `message_blank`; over 1024 Unicode code points (counted after trimming) `message_exceed_max_chars_1024`. */
            message?: string;
            /** @description The receiver's handle, to start a conversation. Missing or unknown gives `user_reciever_handle_blank`; the caller's own `message_self`. */
            handle?: string;
            /** @description The conversation to continue. Blank gives `message_group_uuid_blank`; not a UUID or unknown 404 `message_group_not_found`; not one of the caller's 403 `generic_403`. */
            message_group_uuid?: string;
        };
        /**
         * @description Starting a conversation (`handle` in the request) returns only `{message_group_uuid}` (`ConversationStarted`), and the frontend then opens the conversation. Adding to one (`message_group_uuid` in the request) returns the new `Message` (`uuid` is the message's own id; the user fields are the sender's) without `message_group_uuid`, so the frontend appends it without reloading the page.
         * @example {
         *       "message_group_uuid": "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
         *     }
         */
        MessageCreated: components["schemas"]["ConversationStarted"] | components["schemas"]["Message"];
        /**
         * @example {
         *       "message_group_uuid": "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
         *     }
         */
        ConversationStarted: {
            /**
             * Format: uuid
             * @description The conversation's id; the frontend navigates to `/messages/<message_group_uuid>`.
             */
            message_group_uuid: string;
        };
        /**
         * @description Something that happened to the caller, shaped like an activity so that the frontend's activity feed renders it and its link `/@{handle}/status/{uuid}` leads to the crud page of what it is about. `uuid`, `handle`, `display_name` and `message` are that crud's: for `reply` the reply (by the actor), for `mention` the crud or reply that mentions the caller (by the actor), for `like` and `repost` the caller's own crud (so `handle` is the caller's). A `follow` is about no crud: `uuid` and `handle` are the new follower's, `message` is empty, `activity_uuid` and `expires_at` are null (one per follower: following again replaces it). `actor_handle` is always the user who acted. `created_at` is when it happened. Counts are as they were at that moment. `message` notifications are stored but never listed (see the list).
         * @example {
         *       "uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
         *       "notification_uuid": "c1f3a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b",
         *       "kind": "reply",
         *       "actor_handle": "worf",
         *       "activity_uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
         *       "message_group_uuid": null,
         *       "read": false,
         *       "display_name": "Worf",
         *       "handle": "worf",
         *       "message": "This post has no honor!",
         *       "created_at": "2024-05-20T01:02:03.456Z",
         *       "expires_at": "2024-05-27T00:17:18.123Z",
         *       "replies_count": 0,
         *       "reposts_count": 0,
         *       "likes_count": 0,
         *       "reply_to_activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
         *       "liked": false,
         *       "reposted": false
         *     }
         */
        Notification: {
            /**
             * Format: uuid
             * @description The notification's own id (used as `up_to` when marking read).
             */
            notification_uuid: string;
            /**
             * Format: uuid
             * @description The referenced content's id.
             */
            uuid: string;
            /** @enum {string} */
            kind: "reply" | "mention" | "like" | "repost" | "message" | "follow";
            /** @description Handle of the user who replied, mentioned, liked, reposted or followed. */
            actor_handle: string;
            /**
             * Format: uuid
             * @description The referenced crud; null for `message`.
             */
            activity_uuid?: string | null;
            /**
             * Format: uuid
             * @description The conversation, for `message`; null otherwise.
             */
            message_group_uuid?: string | null;
            read: boolean;
            /** @description Display name of the referenced crud's author (the actor, or the caller for `like` and `repost`). */
            display_name: string;
            /** @description Handle of the referenced crud's author: the actor for `reply` and `mention`, the caller for `like` and `repost`. */
            handle: string;
            /** @description Text of the referenced crud. */
            message: string;
            /**
             * Format: date-time
             * @description When it happened.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description The referenced crud's expiry; null for `message`.
             */
            expires_at?: string | null;
            replies_count?: number;
            reposts_count?: number;
            likes_count?: number;
            /** Format: uuid */
            reply_to_activity_uuid?: string | null;
            liked?: boolean;
            reposted?: boolean;
        };
        /**
         * @example {
         *       "unread": 3
         *     }
         */
        UnreadCount: {
            unread: number;
        };
        /**
         * @example {
         *       "ticket": "Yk3v0cS1o2b8n9Qz5Xk7mW4tR6uJ1hA0eL2pD8fG3s"
         *     }
         */
        StreamTicket: {
            /** @description Opaque, random, URL-safe. Works once, for 60 seconds, as `GET /api/notifications/stream?ticket=<ticket>`. */
            ticket: string;
        };
        /**
         * @example {
         *       "up_to": "c1f3a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"
         *     }
         */
        MarkReadRequest: {
            /**
             * Format: uuid
             * @description The newest notification to mark read; it and every older notification of the caller are marked. Absent: all are marked.
             */
            up_to?: string;
        };
    };
    responses: {
        /** @description `rate_limited`: the caller (writes, by its token's `sub`) or the client address (reads) sent more requests than its allowance; retry after `Retry-After` seconds. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "rate_limited"
                 *     ]
                 */
                "application/json": "rate_limited"[];
            };
        };
        /** @description `service_unavailable`: something this service depends on (DynamoDB, SQS, Cognito, or another service) is unreachable or throttling; retry after `Retry-After` seconds. A write answered 503 may or may not be stored: retry it with the same `Idempotency-Key`. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "service_unavailable"
                 *     ]
                 */
                "application/json": "service_unavailable"[];
            };
        };
        /** @description `service_unavailable`: the service that owns the operation did not answer the edge (locally; in AWS the load balancer answers 502 or 503 itself, without a JSON body). */
        OwnerUnreachable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "service_unavailable"
                 *     ]
                 */
                "application/json": "service_unavailable"[];
            };
        };
        /** @description `generic_401`: no valid Cognito access token was sent. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "generic_401"
                 *     ]
                 */
                "application/json": "generic_401"[];
            };
        };
        /** @description `generic_403`: the caller is not a member of the conversation. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "generic_403"
                 *     ]
                 */
                "application/json": "generic_403"[];
            };
        };
        /** @description `generic_500`: an unexpected failure (logged and reported; no detail is sent). */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "generic_500"
                 *     ]
                 */
                "application/json": "generic_500"[];
            };
        };
        /** @description `json_malformed`: the request body is not well-formed JSON, or not a JSON object. */
        MalformedJson: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "json_malformed"
                 *     ]
                 */
                "application/json": "json_malformed"[];
            };
        };
        /** @description `body_too_large`: the request body exceeds the size limit (64 KiB). */
        BodyTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "body_too_large"
                 *     ]
                 */
                "application/json": "body_too_large"[];
            };
        };
        /** @description `unsupported_media_type`: the request body is not sent as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "unsupported_media_type"
                 *     ]
                 */
                "application/json": "unsupported_media_type"[];
            };
        };
        /** @description `user_not_found`: no user has this handle. */
        UserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "user_not_found"
                 *     ]
                 */
                "application/json": "user_not_found"[];
            };
        };
        /** @description `user_not_found`: the Cognito user behind the valid token no longer exists. */
        CallerNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "user_not_found"
                 *     ]
                 */
                "application/json": "user_not_found"[];
            };
        };
        /** @description `activity_not_found`: no live crud has this uuid (a value that is not a UUID included). */
        ActivityNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "activity_not_found"
                 *     ]
                 */
                "application/json": "activity_not_found"[];
            };
        };
        /** @description `message_group_not_found`: no conversation has this uuid (a value that is not a UUID included). */
        MessageGroupNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "message_group_not_found"
                 *     ]
                 */
                "application/json": "message_group_not_found"[];
            };
        };
        /**
         * @description The profile cannot be provisioned from Cognito:
         *     - `handle_missing`: the Cognito user has no handle (`preferred_username`)
         *     - `handle_taken`: another user already has that handle
         */
        ProfileConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "handle_taken"
                 *     ]
                 */
                "application/json": ("handle_missing" | "handle_taken")[];
            };
        };
        /** @description `idempotency_key_in_progress`: a request with the same `Idempotency-Key` is still being processed; retry shortly. */
        IdempotencyKeyInProgress: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "idempotency_key_in_progress"
                 *     ]
                 */
                "application/json": "idempotency_key_in_progress"[];
            };
        };
        /** @description `follow_self`: a user cannot follow themselves. */
        FollowInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "follow_self"
                 *     ]
                 */
                "application/json": "follow_self"[];
            };
        };
        /** @description Where the caller stands with the user now. */
        FollowStanding: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "handle": "bayko",
                 *       "following": true,
                 *       "followers_count": 12,
                 *       "following_count": 3
                 *     }
                 */
                "application/json": components["schemas"]["FollowStanding"];
            };
        };
        /** @description A page of users. */
        UserList: {
            headers: {
                Link: components["headers"]["Link"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "9b1c4f1e-3f0a-4b7e-9a51-3d2c6c1f8e21",
                 *         "handle": "bayko",
                 *         "display_name": "Andrew Bayko"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["ShortProfile"][];
            };
        };
        /**
         * @description Invalid paging query; every failing code is listed:
         *     - `limit_invalid`: `limit` not an integer from 1 to 100
         *     - `cursor_invalid`: `cursor` not one this API issued
         */
        PaginationInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "limit_invalid"
                 *     ]
                 */
                "application/json": ("limit_invalid" | "cursor_invalid")[];
            };
        };
        /**
         * @description Validation failed; every failing code is listed:
         *     - `display_name_blank`: display name missing, or only blanks and invisible
         *       characters (zero-width space, joiners, ...) after trimming
         *     - `display_name_exceed_max_chars`: display name over 100 characters
         *     - `display_name_invalid_characters`: display name holds a control character
         *       (NUL, BEL, ESC, a line break, ...), a noncharacter (such as U+FFFE) or a
         *       lone surrogate
         *     - `display_name_invalid`: display name is not a string
         *     - `bio_exceed_max_chars`: bio over 280 characters
         *     - `bio_invalid_characters`: bio holds a control character other than line
         *       breaks and tabs, a noncharacter or a lone surrogate
         *     - `bio_invalid`: bio is neither a string nor null
         */
        ProfileUpdateInvalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example [
                 *       "display_name_blank",
                 *       "bio_exceed_max_chars"
                 *     ]
                 */
                "application/json": ("display_name_blank" | "display_name_exceed_max_chars" | "display_name_invalid_characters" | "display_name_invalid" | "bio_exceed_max_chars" | "bio_invalid_characters" | "bio_invalid")[];
            };
        };
        /** @description The updated profile. */
        ProfileUpdated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
                 *       "handle": "andrewbrown",
                 *       "display_name": "Andrew Brown",
                 *       "bio": "Cloud is fun!"
                 *     }
                 */
                "application/json": components["schemas"]["Profile"];
            };
        };
        /** @description The crud's counters after the change, and the caller's state. */
        Counts: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "likes_count": 6,
                 *       "reposts_count": 0,
                 *       "replies_count": 1,
                 *       "liked": true,
                 *       "reposted": false
                 *     }
                 */
                "application/json": components["schemas"]["Counts"];
            };
        };
    };
    parameters: {
        /**
         * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
         * @example andrewbrown
         */
        Handle: string;
        /**
         * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
         * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
         */
        ActivityUuid: string;
        /**
         * @description The conversation's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `message_group_not_found`.
         * @example 5ae290ed-55d1-47a0-bc6d-fe2bc2700399
         */
        MessageGroupUuid: string;
        /**
         * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
         * @example 20
         */
        Limit: number;
        /**
         * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
         * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
         */
        Cursor: string;
        /**
         * @description Client-chosen key (at most 255 characters). A retry carrying the same key from the same caller returns the result of the first request instead of creating a duplicate.
         * @example 3f0c1a9e-2b7d-4c55-8e61-9d4a7b2c1e00
         */
        IdempotencyKey: string;
    };
    requestBodies: {
        ProfileUpdate: {
            content: {
                /**
                 * @example {
                 *       "display_name": "Andrew Brown",
                 *       "bio": "Cloud is fun!"
                 *     }
                 */
                "application/json": components["schemas"]["ProfileUpdateRequest"];
            };
        };
    };
    headers: {
        /**
         * @description The requests allowed per period (`RateLimit-Limit`).
         * @example 60
         */
        RateLimitLimit: number;
        /**
         * @description The requests left in the current period (`RateLimit-Remaining`).
         * @example 0
         */
        RateLimitRemaining: number;
        /**
         * @description Seconds until the allowance is whole again (`RateLimit-Reset`).
         * @example 42
         */
        RateLimitReset: number;
        /**
         * @description Seconds to wait before retrying (`Retry-After`).
         * @example 1
         */
        RetryAfter: number;
        /**
         * @description `<url>; rel="next"` when there is a next page; absent on the last page. The URL keeps the request's query and carries the next `cursor`.
         * @example </api/activities/home?limit=20&cursor=eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0>; rel="next"
         */
        Link: string;
    };
    pathItems: never;
}
export type Health = components['schemas']['Health'];
export type ShortProfile = components['schemas']['ShortProfile'];
export type Profile = components['schemas']['Profile'];
export type FollowStanding = components['schemas']['FollowStanding'];
export type ProfileUpdateRequest = components['schemas']['ProfileUpdateRequest'];
export type AvatarUploadRequest = components['schemas']['AvatarUploadRequest'];
export type AvatarUploadResponse = components['schemas']['AvatarUploadResponse'];
export type Activity = components['schemas']['Activity'];
export type ActivityCreateRequest = components['schemas']['ActivityCreateRequest'];
export type ReplyRequest = components['schemas']['ReplyRequest'];
export type ActivityProfilePage = components['schemas']['ActivityProfilePage'];
export type ProfileHeading = components['schemas']['ProfileHeading'];
export type ActivityShow = components['schemas']['ActivityShow'];
export type Counts = components['schemas']['Counts'];
export type MessageGroup = components['schemas']['MessageGroup'];
export type Message = components['schemas']['Message'];
export type MessageCreateRequest = components['schemas']['MessageCreateRequest'];
export type MessageCreated = components['schemas']['MessageCreated'];
export type ConversationStarted = components['schemas']['ConversationStarted'];
export type Notification = components['schemas']['Notification'];
export type UnreadCount = components['schemas']['UnreadCount'];
export type StreamTicket = components['schemas']['StreamTicket'];
export type MarkReadRequest = components['schemas']['MarkReadRequest'];
export type ResponseRateLimited = components['responses']['RateLimited'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ResponseOwnerUnreachable = components['responses']['OwnerUnreachable'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseServerError = components['responses']['ServerError'];
export type ResponseMalformedJson = components['responses']['MalformedJson'];
export type ResponseBodyTooLarge = components['responses']['BodyTooLarge'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ResponseUserNotFound = components['responses']['UserNotFound'];
export type ResponseCallerNotFound = components['responses']['CallerNotFound'];
export type ResponseActivityNotFound = components['responses']['ActivityNotFound'];
export type ResponseMessageGroupNotFound = components['responses']['MessageGroupNotFound'];
export type ResponseProfileConflict = components['responses']['ProfileConflict'];
export type ResponseIdempotencyKeyInProgress = components['responses']['IdempotencyKeyInProgress'];
export type ResponseFollowInvalid = components['responses']['FollowInvalid'];
export type ResponseFollowStanding = components['responses']['FollowStanding'];
export type ResponseUserList = components['responses']['UserList'];
export type ResponsePaginationInvalid = components['responses']['PaginationInvalid'];
export type ResponseProfileUpdateInvalid = components['responses']['ProfileUpdateInvalid'];
export type ResponseProfileUpdated = components['responses']['ProfileUpdated'];
export type ResponseCounts = components['responses']['Counts'];
export type ParameterHandle = components['parameters']['Handle'];
export type ParameterActivityUuid = components['parameters']['ActivityUuid'];
export type ParameterMessageGroupUuid = components['parameters']['MessageGroupUuid'];
export type ParameterLimit = components['parameters']['Limit'];
export type ParameterCursor = components['parameters']['Cursor'];
export type ParameterIdempotencyKey = components['parameters']['IdempotencyKey'];
export type RequestBodyProfileUpdate = components['requestBodies']['ProfileUpdate'];
export type HeaderRateLimitLimit = components['headers']['RateLimitLimit'];
export type HeaderRateLimitRemaining = components['headers']['RateLimitRemaining'];
export type HeaderRateLimitReset = components['headers']['RateLimitReset'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type HeaderLink = components['headers']['Link'];
export type $defs = Record<string, never>;
export interface operations {
    healthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true,
                     *       "ver": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    getShortProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uuid": "9b1c4f1e-3f0a-4b7e-9a51-3d2c6c1f8e21",
                     *       "handle": "bayko",
                     *       "display_name": "Andrew Bayko"
                     *     }
                     */
                    "application/json": components["schemas"]["ShortProfile"];
                };
            };
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["ProfileConflict"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    followUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FollowStanding"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["ProfileConflict"];
            422: components["responses"]["FollowInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unfollowUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FollowStanding"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["ProfileConflict"];
            422: components["responses"]["FollowInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFollowers: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserList"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["ProfileConflict"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFollowing: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserList"];
            404: components["responses"]["UserNotFound"];
            409: components["responses"]["ProfileConflict"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOwnProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
                     *       "handle": "andrewbrown",
                     *       "display_name": "Andrew Brown",
                     *       "bio": "Cloud is fun!"
                     *     }
                     */
                    "application/json": components["schemas"]["Profile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerNotFound"];
            409: components["responses"]["ProfileConflict"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ProfileUpdate"];
        responses: {
            200: components["responses"]["ProfileUpdated"];
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerNotFound"];
            409: components["responses"]["ProfileConflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ProfileUpdateInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateProfilePost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["ProfileUpdate"];
        responses: {
            200: components["responses"]["ProfileUpdated"];
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerNotFound"];
            409: components["responses"]["ProfileConflict"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ProfileUpdateInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAvatarUploadUrl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "extension": "jpg"
                 *     }
                 */
                "application/json": components["schemas"]["AvatarUploadRequest"];
            };
        };
        responses: {
            /** @description The presigned upload URL. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://cruddur-uploaded-avatars.s3.amazonaws.com/avatars/2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=abc123"
                     *     }
                     */
                    "application/json": components["schemas"]["AvatarUploadResponse"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /**
             * @description Validation failed:
             *     - `extension_blank`: extension missing or blank
             *     - `extension_invalid`: not one of `jpg`, `jpeg`, `png`, `webp` (case-insensitive), or not a string
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "extension_invalid"
                     *     ]
                     */
                    "application/json": ("extension_blank" | "extension_invalid")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHomeFeed: {
        parameters: {
            query?: {
                /** @description `global` (the default): everyone's cruds. `following`: the followed users' and the caller's own; 401 without a valid token. Any other value is 422 `feed_invalid`. */
                feed?: "global" | "following";
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the feed. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
                     *         "display_name": "Andrew Brown",
                     *         "handle": "andrewbrown",
                     *         "message": "Cloud is fun!",
                     *         "created_at": "2024-05-20T00:17:18.123Z",
                     *         "expires_at": "2024-05-27T00:17:18.123Z",
                     *         "replies_count": 1,
                     *         "reposts_count": 0,
                     *         "likes_count": 5,
                     *         "reply_to_activity_uuid": null,
                     *         "liked": false,
                     *         "reposted": false
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Activity"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description Invalid query; every failing code is listed:
             *     - `feed_invalid`: `feed` neither `global` nor `following`
             *     - `limit_invalid`: `limit` not an integer from 1 to 100
             *     - `cursor_invalid`: `cursor` not one this API issued
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "feed_invalid"
                     *     ]
                     */
                    "application/json": ("feed_invalid" | "limit_invalid" | "cursor_invalid")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createActivity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Client-chosen key (at most 255 characters). A retry carrying the same key from the same caller returns the result of the first request instead of creating a duplicate.
                 * @example 3f0c1a9e-2b7d-4c55-8e61-9d4a7b2c1e00
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "Cloud is fun!",
                 *       "ttl": "7-days"
                 *     }
                 */
                "application/json": components["schemas"]["ActivityCreateRequest"];
            };
        };
        responses: {
            /** @description The new crud (counts are 0, `reply_to_activity_uuid` is null). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
                     *       "display_name": "Andrew Brown",
                     *       "handle": "andrewbrown",
                     *       "message": "Cloud is fun!",
                     *       "created_at": "2024-05-20T00:17:18.123Z",
                     *       "expires_at": "2024-05-27T00:17:18.123Z",
                     *       "replies_count": 0,
                     *       "reposts_count": 0,
                     *       "likes_count": 0,
                     *       "reply_to_activity_uuid": null,
                     *       "liked": false,
                     *       "reposted": false
                     *     }
                     */
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /**
             * @description Validation failed; every failing code is listed:
             *     - `message_blank`: message missing, or only blanks and invisible characters (zero-width space, joiners, ...)
             *     - `message_exceed_max_chars`: message over 280 Unicode code points after trimming
             *     - `message_invalid_characters`: message holds control characters (other than line breaks and tabs), noncharacters (such as U+FFFE, U+FFFF) or lone surrogates
             *     - `message_invalid`: message is not a string
             *     - `ttl_blank`: ttl missing or blank
             *     - `ttl_invalid`: ttl not one of `30-days`, `7-days`, `3-days`, `1-day`, `12-hours`, `3-hours`, `1-hour`, or not a string
             *     - `idempotency_key_invalid`: the `Idempotency-Key` header is blank, longer than 255 characters, or not printable ASCII
             *     - `idempotency_key_reused`: the key was used by the caller within 24 hours for a different request
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "message_blank",
                     *       "ttl_invalid"
                     *     ]
                     */
                    "application/json": ("message_blank" | "message_exceed_max_chars" | "message_invalid_characters" | "message_invalid" | "ttl_blank" | "ttl_invalid" | "idempotency_key_invalid" | "idempotency_key_reused")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replyToActivity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Client-chosen key (at most 255 characters). A retry carrying the same key from the same caller returns the result of the first request instead of creating a duplicate.
                 * @example 3f0c1a9e-2b7d-4c55-8e61-9d4a7b2c1e00
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "This post has no honor!",
                 *       "activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee"
                 *     }
                 */
                "application/json": components["schemas"]["ReplyRequest"];
            };
        };
        responses: {
            /** @description The new reply, with `reply_to_activity_uuid` set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
                     *       "display_name": "Worf",
                     *       "handle": "worf",
                     *       "message": "This post has no honor!",
                     *       "created_at": "2024-05-20T01:02:03.456Z",
                     *       "expires_at": "2024-05-27T00:17:18.123Z",
                     *       "replies_count": 0,
                     *       "reposts_count": 0,
                     *       "likes_count": 0,
                     *       "reply_to_activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
                     *       "liked": false,
                     *       "reposted": false
                     *     }
                     */
                    "application/json": components["schemas"]["Activity"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ActivityNotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /**
             * @description Validation failed; every failing code is listed:
             *     - `message_blank`: message missing, or only blanks and invisible characters (zero-width space, joiners, ...)
             *     - `message_exceed_max_chars_1024`: message over 1024 Unicode code points after trimming
             *     - `message_invalid_characters`: message holds control characters (other than line breaks and tabs), noncharacters (such as U+FFFE, U+FFFF) or lone surrogates
             *     - `message_invalid`: message is not a string
             *     - `idempotency_key_invalid`: the `Idempotency-Key` header is blank, longer than 255 characters, or not printable ASCII
             *     - `idempotency_key_reused`: the key was used by the caller within 24 hours for a different request
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "message_blank"
                     *     ]
                     */
                    "application/json": ("message_blank" | "message_exceed_max_chars_1024" | "message_invalid_characters" | "message_invalid" | "idempotency_key_invalid" | "idempotency_key_reused")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    likeActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Counts"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ActivityNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unlikeActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Counts"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ActivityNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    repostActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Counts"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ActivityNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unrepostActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Counts"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["ActivityNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUserFeed: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile and a page of cruds. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "profile": {
                     *         "uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
                     *         "cognito_user_uuid": "2f8e1c6a-7b3d-4e59-a0c1-6d4b9e2f7a13",
                     *         "handle": "andrewbrown",
                     *         "display_name": "Andrew Brown",
                     *         "bio": "Cloud is fun!",
                     *         "cruds_count": 1,
                     *         "followers_count": 12,
                     *         "following_count": 3,
                     *         "following": false
                     *       },
                     *       "activities": [
                     *         {
                     *           "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
                     *           "display_name": "Andrew Brown",
                     *           "handle": "andrewbrown",
                     *           "message": "Cloud is fun!",
                     *           "created_at": "2024-05-20T00:17:18.123Z",
                     *           "expires_at": "2024-05-27T00:17:18.123Z",
                     *           "replies_count": 1,
                     *           "reposts_count": 0,
                     *           "likes_count": 5,
                     *           "reply_to_activity_uuid": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ActivityProfilePage"];
                };
            };
            404: components["responses"]["UserNotFound"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getActivity: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description A user's handle (without the `@`, which is part of the path). A value no handle can have (over 128 characters, or with whitespace, control characters or any of `/ % ? # " \`) is answered like an unknown handle.
                 * @example andrewbrown
                 */
                handle: components["parameters"]["Handle"];
                /**
                 * @description The crud's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `activity_not_found`.
                 * @example 68f126b0-1ceb-4a33-88be-d90fa7109eee
                 */
                activity_uuid: components["parameters"]["ActivityUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The crud and a page of its replies. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "activity": {
                     *         "uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee",
                     *         "display_name": "Andrew Brown",
                     *         "handle": "andrewbrown",
                     *         "message": "Cloud is fun!",
                     *         "created_at": "2024-05-20T00:17:18.123Z",
                     *         "expires_at": "2024-05-27T00:17:18.123Z",
                     *         "replies_count": 1,
                     *         "reposts_count": 0,
                     *         "likes_count": 5,
                     *         "reply_to_activity_uuid": null
                     *       },
                     *       "replies": [
                     *         {
                     *           "uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
                     *           "display_name": "Worf",
                     *           "handle": "worf",
                     *           "message": "This post has no honor!",
                     *           "created_at": "2024-05-20T01:02:03.456Z",
                     *           "expires_at": "2024-05-27T00:17:18.123Z",
                     *           "replies_count": 0,
                     *           "reposts_count": 0,
                     *           "likes_count": 0,
                     *           "reply_to_activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ActivityShow"];
                };
            };
            404: components["responses"]["ActivityNotFound"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchActivities: {
        parameters: {
            query?: {
                /**
                 * @description Text to search for. Missing or blank gives 422 `search_term_blank`.
                 * @example cloud
                 */
                term?: string;
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of matching cruds. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "uuid": "248959df-3079-4947-b847-9e0892d1bab4",
                     *         "display_name": "Andrew Brown",
                     *         "handle": "andrewbrown",
                     *         "message": "Cloud is fun!",
                     *         "created_at": "2024-05-20T00:17:18.123Z",
                     *         "expires_at": "2024-05-27T00:17:18.123Z",
                     *         "replies_count": 0,
                     *         "reposts_count": 0,
                     *         "likes_count": 0,
                     *         "reply_to_activity_uuid": null
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Activity"][];
                };
            };
            /**
             * @description Invalid query; every failing code is listed:
             *     - `search_term_blank`: `term` missing or blank
             *     - `limit_invalid`: `limit` not an integer from 1 to 100
             *     - `cursor_invalid`: `cursor` not one this API issued
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "search_term_blank"
                     *     ]
                     */
                    "application/json": ("search_term_blank" | "limit_invalid" | "cursor_invalid")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
                     *         "notification_uuid": "c1f3a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b",
                     *         "kind": "reply",
                     *         "actor_handle": "worf",
                     *         "activity_uuid": "26e12864-1c26-5c3a-9658-97a10f8fea67",
                     *         "read": false,
                     *         "display_name": "Worf",
                     *         "handle": "worf",
                     *         "message": "This post has no honor!",
                     *         "created_at": "2024-05-20T01:02:03.456Z",
                     *         "expires_at": "2024-05-27T00:17:18.123Z",
                     *         "replies_count": 0,
                     *         "reposts_count": 0,
                     *         "likes_count": 0,
                     *         "reply_to_activity_uuid": "68f126b0-1ceb-4a33-88be-d90fa7109eee"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Notification"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUnreadNotificationCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's unread count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unread": 3
                     *     }
                     */
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "up_to": "c1f3a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b"
                 *     }
                 */
                "application/json": components["schemas"]["MarkReadRequest"];
            };
        };
        responses: {
            /** @description The caller's unread count after marking. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unread": 0
                     *     }
                     */
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            /** @description `notification_not_found`: `up_to` names no notification of the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "notification_not_found"
                     *     ]
                     */
                    "application/json": "notification_not_found"[];
                };
            };
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description `up_to_invalid`: `up_to` is not a UUID (or not a string). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "up_to_invalid"
                     *     ]
                     */
                    "application/json": "up_to_invalid"[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createNotificationStreamTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A single-use stream ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ticket": "Yk3v0cS1o2b8n9Qz5Xk7mW4tR6uJ1hA0eL2pD8fG3s"
                     *     }
                     */
                    "application/json": components["schemas"]["StreamTicket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    streamNotifications: {
        parameters: {
            query: {
                /**
                 * @description A ticket from `POST /api/notifications/stream_ticket`.
                 * @example Yk3v0cS1o2b8n9Qz5Xk7mW4tR6uJ1hA0eL2pD8fG3s
                 */
                ticket: string;
                /**
                 * @description The `id` of the last notification event received on an earlier stream (for `EventSource`, which cannot set the header on a new URL). Wins over the header. One this API did not issue is 422 `last_event_id_invalid`.
                 * @example 000000000042
                 */
                last_event_id?: string;
            };
            header?: {
                /**
                 * @description The same as `last_event_id`, as a browser sends it when it reconnects by itself.
                 * @example 000000000042
                 */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream of events (see above); it stays open. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: unread
                     *     data: {"unread":1}
                     *
                     *     event: notification
                     *     id: 000000000043
                     *     data: {"uuid":"26e12864-1c26-5c3a-9658-97a10f8fea67","notification_uuid":"c1f3a2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b","kind":"reply","actor_handle":"worf","display_name":"Worf","handle":"worf","message":"This post has no honor!","created_at":"2024-05-20T01:02:03.456Z","expires_at":"2024-05-27T00:17:18.123Z","replies_count":0,"reposts_count":0,"likes_count":0,"reply_to_activity_uuid":"68f126b0-1ceb-4a33-88be-d90fa7109eee","activity_uuid":"26e12864-1c26-5c3a-9658-97a10f8fea67","read":false}
                     *
                     *     :heartbeat
                     */
                    "text/event-stream": string;
                };
            };
            /** @description `ticket_invalid`: the ticket is absent, unknown, expired or used already, or its user is disabled or deleted. Get a new one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "ticket_invalid"
                     *     ]
                     */
                    "application/json": "ticket_invalid"[];
                };
            };
            /** @description `last_event_id_invalid`: the position is not one this API issued. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "last_event_id_invalid"
                     *     ]
                     */
                    "application/json": "last_event_id_invalid"[];
                };
            };
            /** @description `too_many_streams`: the user has the most open streams allowed (5 by default); retry after `Retry-After` seconds, or close one. `rate_limited`: the reads from this address are over the edge's limit, as for every read; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "too_many_streams"
                     *     ]
                     */
                    "application/json": ("too_many_streams" | "rate_limited")[];
                };
            };
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessageGroups: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "uuid": "5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
                     *         "display_name": "Andrew Bayko",
                     *         "handle": "bayko",
                     *         "message": "Test message for group",
                     *         "created_at": "2024-05-20T00:17:18.123Z"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["MessageGroup"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1 to 100. Otherwise 422 `limit_invalid`.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Opaque cursor taken from a previous response's `Link` header. One this API did not issue gives 422 `cursor_invalid`.
                 * @example eyJjIjoiMjAyNC0wNS0yMFQwMDoxNzoxOC4xMjNaIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description The conversation's uuid. Deliberately not `format: uuid`: a value that is not a UUID is answered 404 `message_group_not_found`.
                 * @example 5ae290ed-55d1-47a0-bc6d-fe2bc2700399
                 */
                message_group_uuid: components["parameters"]["MessageGroupUuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "uuid": "0b2a3c8e-7f1d-4d33-9a2e-1c2f5e6b7a80",
                     *         "display_name": "Andrew Brown",
                     *         "handle": "andrewbrown",
                     *         "message": "How are you?",
                     *         "created_at": "2024-05-20T00:17:18.123Z"
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["Message"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MessageGroupNotFound"];
            422: components["responses"]["PaginationInvalid"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Client-chosen key (at most 255 characters). A retry carrying the same key from the same caller returns the result of the first request instead of creating a duplicate.
                 * @example 3f0c1a9e-2b7d-4c55-8e61-9d4a7b2c1e00
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreateRequest"];
            };
        };
        responses: {
            /** @description The conversation id, or the new message when continuing one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCreated"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MessageGroupNotFound"];
            409: components["responses"]["IdempotencyKeyInProgress"];
            413: components["responses"]["BodyTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /**
             * @description Validation failed; every failing code is listed:
             *     - `message_blank`: message missing, or only blanks and invisible characters (zero-width space, joiners, ...)
             *     - `message_exceed_max_chars_1024`: message over 1024 Unicode code points after trimming
             *     - `message_invalid_characters`: message holds control characters (other than line breaks and tabs), noncharacters (such as U+FFFE, U+FFFF) or lone surrogates
             *     - `message_invalid`: message is not a string
             *     - `user_reciever_handle_blank` (sic): starting a conversation without a
             *       `handle`, or with a handle no user has
             *     - `handle_invalid`: `handle` is not a string
             *     - `message_self`: the receiver is the caller
             *     - `message_group_uuid_blank`: `message_group_uuid` present but blank
             *     - `message_group_uuid_invalid`: `message_group_uuid` is not a string
             *     - `idempotency_key_invalid`: the `Idempotency-Key` header is blank, longer than 255 characters, or not printable ASCII
             *     - `idempotency_key_reused`: the key was used by the caller within 24 hours for a different request
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       "user_reciever_handle_blank"
                     *     ]
                     */
                    "application/json": ("message_blank" | "message_exceed_max_chars_1024" | "message_invalid_characters" | "message_invalid" | "user_reciever_handle_blank" | "handle_invalid" | "message_self" | "message_group_uuid_blank" | "message_group_uuid_invalid" | "idempotency_key_invalid" | "idempotency_key_reused")[];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["OwnerUnreachable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
