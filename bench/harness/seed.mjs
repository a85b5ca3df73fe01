// Seeds a running backend with a realistic data set, through the public API only (so the data is what real use
// produces): users created in the Cognito emulator with its admin API, each signed in with USER_PASSWORD_AUTH and
// provisioned by its first GET /api/profile; cruds, replies, likes and conversations posted by those users through
// the edge. Writes what the wrk scripts need (tokens, handles, crud ids, conversation ids, later-page paths) to a
// folder, one item a line.
//
// Standalone, against bin/dev: node bench/harness/seed.mjs .cruddur/local.env <out dir> [small|default]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFile, sleep } from './util.mjs';

/**
 * The data set sizes; bench/run --size picks one. `live`: enough users for the live-streams scenario's 1,000 streams
 * (five a user, and the replier) and a backlog of 6,400 events for the notifications drain, in a few minutes of
 * seeding (few cruds, two follows each) instead of the default size's half hour.
 */
export const SIZES = {
  default: { users: 1000, follows: 20, cruds: 50000, repliedCruds: 2500, repliesPerCrud: 2, likes: 10000, conversations: 500, messagesPerConversation: 4 },
  small: { users: 50, follows: 20, cruds: 500, repliedCruds: 25, repliesPerCrud: 2, likes: 100, conversations: 20, messagesPerConversation: 2 },
  live: { users: 201, follows: 2, cruds: 500, repliedCruds: 250, repliesPerCrud: 4, likes: 5000, conversations: 100, messagesPerConversation: 4 },
};

const IN_FLIGHT = 16;
const WORDS = ('cloud crud bootcamp lambda fargate cognito dynamo table index shard queue event cache momento edge ' +
  'quarkus java latency throughput deploy pipeline container image region zone budget bill coffee weekend project ' +
  'frontend react backend service health check metric trace span honeycomb rollbar log alarm dashboard terraform ' +
  'stack template policy role token secret rotate backup restore migrate schema query scan partition key value ' +
  'today tomorrow finally again still never always great terrible shipped broke fixed learned reading writing ' +
  'the a of to and in is it for on with my our this that just about more less than very').split(' ');

/** A small deterministic generator, so two runs of one size seed the same shapes. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

function sentence(rnd, minWords, maxWords) {
  const words = [];
  const count = minWords + rnd.int(maxWords - minWords + 1);
  for (let i = 0; i < count; i++) words.push(WORDS[rnd.int(WORDS.length)]);
  if (rnd.next() < 0.3) words.push(`#${WORDS[rnd.int(24)]}`);
  return words.join(' ');
}

/** Runs fn(i) for i in [0, n) with at most `limit` calls in flight. */
async function inParallel(n, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, n) }, async () => {
    while (next < n) await fn(next++);
  }));
}

/** Times one seeding step and logs its rate. */
async function step(stats, name, count, fn) {
  const started = performance.now();
  await fn();
  const seconds = (performance.now() - started) / 1000;
  const rate = count === null ? null : +(count / seconds).toFixed(1);
  stats.steps.push({ name, count, seconds: +seconds.toFixed(2), per_second: rate });
  console.log(`  ${name}: ${count === null ? '' : `${count} in `}${seconds.toFixed(1)} s${rate === null ? '' : ` (${Math.round(rate)}/s)`}`);
}

export async function seed({ env, out, size, seedNumber = 10, consumer = null }) {
  const api = env.CRUDDUR_API_URL.replace('localhost', '127.0.0.1');
  const password = env.CRUDDUR_DEMO_PASSWORD;
  const rnd = random(seedNumber);
  const stats = { size, steps: [] };

  async function cognito(target, body) {
    const res = await fetch(env.COGNITO_ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Cognito ${target} failed: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async function call(method, path, token, body, expect = 200) {
    const res = await fetch(api + path, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expect) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return { json: text ? JSON.parse(text) : null, headers: res.headers };
  }

  const users = Array.from({ length: size.users }, (_, i) => {
    const handle = `bench${String(i + 1).padStart(4, '0')}`;
    return { handle, email: `${handle}@cruddur.test`, name: `Bench User ${i + 1}`, token: null };
  });

  await step(stats, 'users created in Cognito', users.length, () => inParallel(users.length, 8, async (i) => {
    const u = users[i];
    await cognito('AdminCreateUser', {
      UserPoolId: env.COGNITO_USER_POOL_ID, Username: u.email, MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: u.email }, { Name: 'email_verified', Value: 'true' },
        { Name: 'preferred_username', Value: u.handle }, { Name: 'name', Value: u.name }],
    });
    await cognito('AdminSetUserPassword', { UserPoolId: env.COGNITO_USER_POOL_ID, Username: u.email, Password: password, Permanent: true });
  }));

  // cognito-local's access tokens live 24 hours: signed in once here, they outlast any run
  await step(stats, 'users signed in', users.length, () => inParallel(users.length, 8, async (i) => {
    const result = await cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH', ClientId: env.COGNITO_CLIENT_ID,
      AuthParameters: { USERNAME: users[i].email, PASSWORD: password },
    });
    users[i].token = result.AuthenticationResult.AccessToken;
  }));

  await step(stats, 'profiles provisioned (GET /api/profile)', users.length,
    () => inParallel(users.length, IN_FLIGHT, (i) => call('GET', '/api/profile', users[i].token)));

  // the following feed (home?feed=following) reads each followed author's list: every user follows the next
  // size.follows users (a fixed, even graph), under the follow limit of 100 an hour
  const follows = Math.min(size.follows, users.length - 1);
  await step(stats, 'follows', users.length * follows, () => inParallel(users.length * follows, IN_FLIGHT, (n) => {
    const follower = Math.floor(n / follows);
    const followed = (follower + 1 + (n % follows)) % users.length;
    return call('POST', `/api/users/@${users[followed].handle}/follow`, users[follower].token);
  }));

  const cruds = new Array(size.cruds);
  await step(stats, 'cruds posted', size.cruds, () => inParallel(size.cruds, IN_FLIGHT, async (i) => {
    const author = users[rnd.int(users.length)];
    const { json } = await call('POST', '/api/activities', author.token, { message: sentence(rnd, 6, 30), ttl: '30-days' });
    cruds[i] = { uuid: json.uuid, handle: author.handle };
  }));

  // replies go to a random subset of the cruds, so "show" has threads to render
  const replied = [];
  const taken = new Set();
  while (replied.length < Math.min(size.repliedCruds, cruds.length)) {
    const i = rnd.int(cruds.length);
    if (!taken.has(i)) { taken.add(i); replied.push(cruds[i]); }
  }
  const replyCount = replied.length * size.repliesPerCrud;
  // the notifications service paused (when the caller can) while the events of replies, likes and messages queue up
  // (each of these writes is one outbox item carrying one event): the time the backlog takes to drain once it resumes
  // is how fast notifications follow writes, with nothing else running. The cruds' outbox items (search tokens, no
  // event here) are delivered first, so that the backlog holds events only.
  if (consumer) {
    await step(stats, 'the cruds\' outbox items delivered', null, () => awaitQueueDrained(env, 900));
    consumer.pause();
  }
  await step(stats, 'replies posted', replyCount, () => inParallel(replyCount, IN_FLIGHT, async (i) => {
    const parent = replied[i % replied.length];
    await call('POST', `/api/activities/${parent.uuid}/reply`, users[rnd.int(users.length)].token, { message: sentence(rnd, 3, 20) });
  }));

  const likePairs = new Set();
  while (likePairs.size < Math.min(size.likes, users.length * cruds.length)) {
    likePairs.add(`${rnd.int(users.length)} ${rnd.int(cruds.length)}`);
  }
  const likes = [...likePairs].map((pair) => pair.split(' ').map(Number));
  await step(stats, 'likes', likes.length, () => inParallel(likes.length, IN_FLIGHT, async (i) => {
    const [user, crud] = likes[i];
    await call('POST', `/api/activities/${cruds[crud].uuid}/like`, users[user].token);
  }));

  // conversations between distinct random pairs: the first message starts it (by handle), the rest continue it
  const pairs = new Set();
  const wanted = Math.min(size.conversations, (users.length * (users.length - 1)) / 2);
  while (pairs.size < wanted) {
    const a = rnd.int(users.length);
    const b = rnd.int(users.length);
    if (a !== b) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  const conversations = [...pairs].map((pair) => ({ members: pair.split(' ').map(Number), uuid: null }));
  const messageCount = conversations.length * size.messagesPerConversation;
  await step(stats, 'messages sent', messageCount, () => inParallel(conversations.length, IN_FLIGHT, async (i) => {
    const c = conversations[i];
    const [a, b] = c.members;
    const started = await call('POST', '/api/messages', users[a].token, { message: sentence(rnd, 3, 15), handle: users[b].handle });
    c.uuid = started.json.message_group_uuid;
    for (let m = 1; m < size.messagesPerConversation; m++) {
      await call('POST', '/api/messages', users[m % 2 ? b : a].token, { message: sentence(rnd, 3, 15), message_group_uuid: c.uuid });
    }
  }));

  // the notifications the writes caused are made from events in the background: wait until they are all made
  const backlog = consumer ? (await outboxPending(env)) + (await queueDepth(env, env.EVENTS_QUEUE_URL)) : null;
  // where the drain's time goes: each process's CPU seconds while it runs
  const cpuBefore = consumer?.cpu?.();
  consumer?.resume();
  await step(stats, consumer ? 'events queued while the notifications service was paused, drained' : 'waiting for the notifications of these writes',
    backlog, () => awaitQueueDrained(env, 900));
  if (cpuBefore) {
    const cpuAfter = consumer.cpu();
    stats.drain_cpu_s = Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, +(cpuAfter[name] - cpuBefore[name]).toFixed(2)]));
    console.log(`    CPU seconds while draining: ${Object.entries(stats.drain_cpu_s).map(([name, s]) => `${name} ${s}`).join(', ')}`);
  }

  // later pages of the home feed: follow the Link header, as the frontend does when scrolling
  const pages = [];
  let next = '/api/activities/home';
  while (pages.length < 10) {
    const { headers } = await call('GET', next, users[0].token);
    const link = headers.get('link');
    if (!link) break;
    next = link.slice(link.indexOf('<') + 1, link.indexOf('>'));
    pages.push(next);
  }

  mkdirSync(out, { recursive: true });
  const lines = (items) => `${items.join('\n')}\n`;
  writeFileSync(join(out, 'tokens.txt'), lines(users.map((u) => u.token)));
  writeFileSync(join(out, 'handles.txt'), lines(users.map((u) => u.handle)));
  writeFileSync(join(out, 'cruds.txt'), lines(cruds.slice(-5000).map((c) => c.uuid)));
  writeFileSync(join(out, 'threads.txt'), lines(replied.slice(0, 5000).map((c) => `${c.handle} ${c.uuid}`)));
  // a member's 1-based line in tokens.txt and the conversation: only members may read or write it
  writeFileSync(join(out, 'conversations.txt'), lines(conversations.flatMap((c) => c.members.map((m) => `${m + 1} ${c.uuid}`))));
  writeFileSync(join(out, 'home-pages.txt'), lines(pages.length ? pages : ['/api/activities/home']));
  stats.counts = { users: users.length, follows: users.length * follows, cruds: cruds.length, replies: replyCount, likes: likes.length,
    conversations: conversations.length, messages: messageCount, home_pages: pages.length };
  const writes = size.cruds + replyCount + likes.length + messageCount;
  const writeSeconds = stats.steps.filter((s) => /posted|likes|messages/.test(s.name)).reduce((t, s) => t + s.seconds, 0);
  stats.write_rate_per_second = +(writes / writeSeconds).toFixed(1);
  return stats;
}

/**
 * Waits until every event is delivered and consumed: no outbox item pending in the publishers' tables, and the events
 * queue empty (nothing visible, nothing received and not yet deleted), both for a second. (A relay between two items
 * keeps a message in flight most of the time, so one empty look is not enough.) Returns the seconds waited.
 */
export async function awaitQueueDrained(env, timeoutSeconds) {
  const started = Date.now();
  let empty = 0;
  while (empty < 4) {
    const pending = await outboxPending(env);
    const depth = await queueDepth(env, env.EVENTS_QUEUE_URL);
    empty = depth + pending === 0 ? empty + 1 : 0;
    if (Date.now() - started > timeoutSeconds * 1000) {
      throw new Error(`after ${timeoutSeconds} s, ${pending} outbox items are still pending and the events queue holds ${depth} messages`);
    }
    await sleep(250);
  }
  return (Date.now() - started) / 1000 - 1;
}

/** The tables whose items carry events until the service's outbox relay sends them (docs/events.md). */
const OUTBOX_TABLES = ['cruddur-activities', 'cruddur-messages'];

/** Outbox items not yet delivered: their events are not in the queue yet. */
export async function outboxPending(env) {
  let total = 0;
  for (const table of OUTBOX_TABLES) {
    let start;
    do {
      const res = await fetch(env.AWS_ENDPOINT_URL_DYNAMODB, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.Query',
          // dynalite checks that a request is signed, not the signature
          Authorization: 'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
          'X-Amz-Date': '20260101T000000Z' },
        body: JSON.stringify({ TableName: table, IndexName: 'outbox', KeyConditionExpression: 'outbox = :pending',
          ExpressionAttributeValues: { ':pending': { S: 'PENDING' } }, Select: 'COUNT', ExclusiveStartKey: start }),
      });
      if (!res.ok) throw new Error(`DynamoDB Query of ${table}'s outbox failed: ${res.status} ${await res.text()}`);
      const page = await res.json();
      total += page.Count;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return total;
}

/** Visible plus in-flight messages of an SQS queue (ElasticMQ speaks the AWS JSON protocol). */
export async function queueDepth(env, queueUrl) {
  const res = await fetch(env.AWS_ENDPOINT_URL_SQS, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AmazonSQS.GetQueueAttributes' },
    body: JSON.stringify({ QueueUrl: queueUrl, AttributeNames: ['All'] }),
  });
  if (!res.ok) throw new Error(`SQS GetQueueAttributes failed: ${res.status} ${await res.text()}`);
  const a = (await res.json()).Attributes;
  return Number(a.ApproximateNumberOfMessages) + Number(a.ApproximateNumberOfMessagesNotVisible)
    + Number(a.ApproximateNumberOfMessagesDelayed);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [envFile, out, sizeName = 'small'] = process.argv.slice(2);
  if (!envFile || !out || !SIZES[sizeName]) {
    console.error('usage: node bench/harness/seed.mjs <local.env> <out dir> [small|default]');
    process.exit(2);
  }
  const stats = await seed({ env: readEnvFile(envFile), out, size: SIZES[sizeName] });
  console.log(JSON.stringify(stats, null, 2));
}
