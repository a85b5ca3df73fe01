// What the Cruddur React frontend reads and sends, written against the generated types and the client, and
// type-checked by `npm run check` (so by the Maven build). Each interface below lists the fields one frontend
// component reads, with the types it relies on; each function feeds it a response exactly as the page gets it.
// A change to openapi.yaml that renames, removes, retypes or makes optional one of these fields fails the check,
// and tsc's message names the field. Request bodies are typed where they are written (`RequestBody<...>`), so that
// a renamed request field is an error too. (Source: the original frontend, reference Appendix B.)
import {
  createCruddurClient,
  openNotificationStream,
  type ErrorCode,
  type OperationErrorCode,
  type RequestBody,
} from "../index.js";

const client = createCruddurClient({
  baseUrl: "http://localhost:4567",
  getAccessToken: async () => "access-token",
});

/** components/ActivityItem.js, ActivityContent.js, ActivityActionReply/Repost/Like.js */
interface ActivityItemFields {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
  expires_at: string;
  replies_count: number;
  reposts_count: number;
  likes_count: number;
}

/** components/ActivityItem.js for a notification: the same item; a message notification has no expiry. */
interface NotificationItemFields {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
  expires_at?: string | null;
  replies_count?: number;
  reposts_count?: number;
  likes_count?: number;
}

/** components/Replies.js renders each reply through ActivityItem; ReplyForm.js reads the new reply. */
interface ReplyFields extends ActivityItemFields {
  reply_to_activity_uuid?: string | null;
}

/** components/ProfileHeading.js, ProfileAvatar.js, ProfileForm.js */
interface ProfileHeadingFields {
  display_name: string;
  handle: string;
  bio: string | null;
  cruds_count: number;
  cognito_user_uuid: string;
}

/** components/MessageGroupNewItem.js */
interface ShortUserFields {
  handle: string;
  display_name: string;
}

/** components/MessageGroupItem.js */
interface MessageGroupFields {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

/** components/MessageItem.js */
interface MessageFields {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

/** components/FormErrors.js: `errors.map(...)`, and FormErrorItem.js's texts for the codes the backend sends. */
const codesWithAText: ErrorCode[] = [
  "generic_500",
  "generic_403",
  "generic_401",
  "message_blank",
  "message_exceed_max_chars_1024",
  "message_group_uuid_blank",
  "user_reciever_handle_blank",
  "display_name_blank",
];

/** A call's `{ error, response }`: the codes to show, with a text where the frontend has one. */
function formErrors(error: ErrorCode[], response: Response): string[] {
  const status: number = response.status;
  return error.map((code) => (codesWithAText.includes(code) ? `text for ${code}` : `${status} ${code}`));
}

const show = {
  activity: (a: ActivityItemFields) => a.uuid,
  reply: (r: ReplyFields) => r.reply_to_activity_uuid ?? r.uuid,
  notification: (n: NotificationItemFields) => n.uuid,
  profile: (p: ProfileHeadingFields) => `https://assets.cruddur.com/avatars/${p.cognito_user_uuid}.jpg`,
  shortUser: (u: ShortUserFields) => u.handle,
  messageGroup: (g: MessageGroupFields) => `/messages/${g.uuid}`,
  message: (m: MessageFields) => m.uuid,
};

/** pages/HomeFeedPage.js */
export async function homeFeedPage(): Promise<string[]> {
  const { data } = await client.GET("/api/activities/home");
  return (data ?? []).map(show.activity);
}

/** pages/NotificationsFeedPage.js */
export async function notificationsFeedPage(): Promise<string[]> {
  const { data } = await client.GET("/api/activities/notifications");
  return (data ?? []).map(show.notification);
}

/** pages/UserFeedPage.js: setProfile(data.profile), setActivities(data.activities) */
export async function userFeedPage(handle: string): Promise<string[]> {
  const { data } = await client.GET("/api/activities/@{handle}", { params: { path: { handle } } });
  if (!data) return [];
  return [show.profile(data.profile), ...data.activities.map(show.activity)];
}

/** pages/ActivityShowPage.js: setActivity(data.activity), setReplies(data.replies) */
export async function activityShowPage(handle: string, activity_uuid: string): Promise<string[]> {
  const { data } = await client.GET("/api/activities/@{handle}/status/{activity_uuid}", {
    params: { path: { handle, activity_uuid } },
  });
  if (!data) return [];
  return [show.activity(data.activity), ...data.replies.map(show.reply)];
}

/** components/ActivityForm.js: POST {message, ttl}, then prepends the new crud to the feed. */
export async function activityForm(message: string, ttl: string): Promise<string[]> {
  const body: RequestBody<"/api/activities", "post"> = { message, ttl };
  const { data, error, response } = await client.POST("/api/activities", { body });
  if (error) {
    const createErrors: OperationErrorCode<"/api/activities", "post">[] = error;
    return formErrors(createErrors, response);
  }
  return [show.activity(data)];
}

/** components/ReplyForm.js: POST {activity_uuid, message} */
export async function replyForm(activity_uuid: string, message: string): Promise<string[]> {
  const body: RequestBody<"/api/activities/{activity_uuid}/reply", "post"> = { activity_uuid, message };
  const { data, error, response } = await client.POST("/api/activities/{activity_uuid}/reply", {
    params: { path: { activity_uuid } },
    body,
  });
  return error ? formErrors(error, response) : [show.reply(data)];
}

/** components/ProfileForm.js: PUT {bio, display_name}; the avatar: POST {extension}, then PUT to data.url */
export async function profileForm(bio: string, display_name: string, extension: string): Promise<string[]> {
  const profile: RequestBody<"/api/profile/update", "put"> = { bio, display_name };
  const updated = await client.PUT("/api/profile/update", { body: profile });
  if (updated.error) {
    return formErrors(updated.error, updated.response);
  }
  const avatar: RequestBody<"/api/avatars/key_upload", "post"> = { extension };
  const { data, error, response } = await client.POST("/api/avatars/key_upload", { body: avatar });
  return error ? formErrors(error, response) : [data.url];
}

/** pages/MessageGroupsPage.js, MessageGroupPage.js, MessageGroupNewPage.js */
export async function messageGroupPages(handle: string, message_group_uuid: string): Promise<string[]> {
  const groups = await client.GET("/api/message_groups");
  const messages = await client.GET("/api/messages/{message_group_uuid}", { params: { path: { message_group_uuid } } });
  const other = await client.GET("/api/users/@{handle}/short", { params: { path: { handle } } });
  return [
    ...(groups.data ?? []).map(show.messageGroup),
    ...(messages.data ?? []).map(show.message),
    ...(other.data ? [show.shortUser(other.data)] : []),
  ];
}

/**
 * components/MessageForm.js: POST {message, handle} or {message, message_group_uuid}; on a started conversation
 * it navigates to /messages/<message_group_uuid>, otherwise it appends the message.
 */
export async function messageForm(message: string, handle: string, message_group_uuid: string): Promise<string[]> {
  const start: RequestBody<"/api/messages", "post"> = { message, handle };
  const next: RequestBody<"/api/messages", "post"> = { message, message_group_uuid };
  const started = await client.POST("/api/messages", { body: start });
  const continued = await client.POST("/api/messages", { body: next });
  const out: string[] = [];
  for (const { data } of [started, continued]) {
    if (data && "message_group_uuid" in data) {
      const group: string = data.message_group_uuid;
      out.push(`/messages/${group}`);
    } else if (data) {
      out.push(show.message(data));
    }
  }
  return out;
}

/**
 * A follow button on a profile page (beyond the original frontend): it shows `following` and the counts of the
 * profile, and toggles with one call whose answer holds the new standing.
 */
export async function followButton(handle: string): Promise<string[]> {
  const page = await client.GET("/api/activities/@{handle}", { params: { path: { handle } } });
  if (!page.data) return [];
  const { following, followers_count, following_count }: { following: boolean; followers_count: number;
    following_count: number } = page.data.profile;
  const toggled = following
    ? await client.DELETE("/api/users/@{handle}/follow", { params: { path: { handle } } })
    : await client.POST("/api/users/@{handle}/follow", { params: { path: { handle } } });
  if (toggled.error) {
    const codes: OperationErrorCode<"/api/users/@{handle}/follow", "post">[] = toggled.error;
    return codes;
  }
  const lists = await Promise.all([
    client.GET("/api/users/@{handle}/followers", { params: { path: { handle }, query: { limit: 20 } } }),
    client.GET("/api/users/@{handle}/following", { params: { path: { handle } } }),
  ]);
  const handles = lists.flatMap(({ data }) => (data ?? []).map((user) => user.handle));
  return [String(toggled.data.following), String(followers_count), String(following_count), ...handles];
}

/**
 * A "Following" tab beside the home feed (beyond the original frontend): the followed users' cruds and one's own,
 * paged like the home feed; `feed` takes only the contract's values, and its 422 codes are typed.
 */
export async function followingFeedTab(): Promise<string[]> {
  const { data, error } = await client.GET("/api/activities/home", { params: { query: { feed: "following", limit: 20 } } });
  if (error) {
    const codes: OperationErrorCode<"/api/activities/home", "get">[] = error;
    return codes;
  }
  return data.map(show.activity);
}

/** bin/health-check and load balancers */
export async function healthCheck(): Promise<boolean> {
  const { data } = await client.GET("/api/health-check");
  const success: boolean | undefined = data?.success;
  const ver: number | undefined = data?.ver;
  return success === true && ver === 1;
}

/** A notifications badge and list kept live: each pushed notification is an item as the list renders it. */
export function liveNotifications(render: (item: NotificationItemFields) => void, badge: (n: number) => void) {
  const stream = openNotificationStream({
    baseUrl: "http://localhost:4567",
    getAccessToken: async () => "access-token",
    onNotification: (notification) => render(notification),
    onUnread: ({ unread }) => badge(unread),
    onError: (codes: ErrorCode[]) => console.log(codes),
  });
  return () => stream.close();
}

// The types are closed: a code or a path the contract does not have is an error (so the checks above mean something).
// @ts-expect-error not an error code of the contract
export const notACode: ErrorCode = "no_such_code";
export async function unknownPath(): Promise<void> {
  // @ts-expect-error not a path of the contract
  await client.GET("/api/no-such-path");
}
