// The live-notifications scenario (issue 20): `count` notification streams held open through the edge, each opened as
// the typed client opens it (a ticket got with the access token, then GET /api/notifications/stream?ticket=... with
// Accept: text/event-stream), while wrk runs the write mix (as fast as it is answered, or at a fixed `writeRate`). Meanwhile replies are posted, one every `paceMs`, to cruds
// of the users whose streams are open, and for every open stream of the replied-to user the time from the reply's
// response to its notification event on that stream is recorded. Memory per open stream: the resident memory of the
// notifications service and of the edge with the streams open, less before they were opened, over their count.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runWrk } from './load.mjs';
import { memory } from './procfs.mjs';
import { sleep } from './util.mjs';

/** The notifications service's default streams per user: the users needed are count / PER_USER. */
const PER_USER = 5;

function lines(file) {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

async function inParallel(count, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, count) }, async () => {
    while (next < count) await task(next++);
  }));
}

/** One stream, read as EventSource reads it: `onEvent({ event, id, data, at })` per message, comments skipped. */
function openStream(port, ticket, onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, agent: false, headers: { Accept: 'text/event-stream' },
      path: `/api/notifications/stream?ticket=${encodeURIComponent(ticket)}` }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`the stream answered ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = { event: 'message', id: null, data: '', at };
          for (const line of buffer.slice(0, end).split('\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0) continue; // a comment (heartbeat) or a field without a value
            const [field, value] = [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
            if (field === 'event') message.event = value;
            else if (field === 'id') message.id = value;
            else if (field === 'data') message.data += value;
          }
          buffer = buffer.slice(end + 2);
          if (message.data) onEvent(message);
        }
      });
      res.on('error', () => {});
      resolve({ close: () => req.destroy(), ended: new Promise((done) => res.once('close', done)) });
    });
    req.once('error', reject);
  });
}

const percentile = (sorted, p) => (sorted.length ? +sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1) : null);

export async function runStreams({ port, data, pids, count, seconds, writeConnections, writeRate = null, paceMs = 100 }) {
  const api = `http://127.0.0.1:${port}`;
  const tokens = lines(join(data, 'tokens.txt'));
  const listeners = tokens.slice(0, Math.min(tokens.length - 1, Math.ceil(count / PER_USER)));
  const replier = tokens[tokens.length - 1];
  if (listeners.length * PER_USER < count) throw new Error(`${count} streams need ${Math.ceil(count / PER_USER)} users besides the replier`);
  const call = async (path, token, body) => {
    const res = await fetch(api + path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };

  // a crud of each listener, for the replies to go to
  const cruds = new Array(listeners.length);
  await inParallel(listeners.length, 16, async (i) => {
    cruds[i] = (await call('/api/activities', listeners[i], { message: 'Streaming, anyone?', ttl: '1-day' })).uuid;
  });

  const waiting = new Map(); // reply uuid -> { listener, answeredAt }
  const latencies = [];
  let unexpected = 0;
  const streamsOf = new Array(listeners.length).fill(0);
  const onEvent = (listener) => (message) => {
    if (message.event !== 'notification') return;
    const reply = waiting.get(JSON.parse(message.data).uuid);
    if (reply && reply.listener === listener) latencies.push(message.at - reply.answeredAt);
    else unexpected++;
  };

  const before = { notifications: memory(pids.notifications).rss_mb, edge: memory(pids.edge).rss_mb };
  const streams = [];
  const openedAt = performance.now();
  await inParallel(count, 16, async (i) => {
    const listener = i % listeners.length;
    const { ticket } = await call('/api/notifications/stream_ticket', listeners[listener]);
    streams.push(await openStream(port, ticket, onEvent(listener)));
    streamsOf[listener]++;
  });
  const openingS = (performance.now() - openedAt) / 1000;
  await sleep(3000); // settled: every stream has had its first unread event
  const open = { notifications: memory(pids.notifications).rss_mb, edge: memory(pids.edge).rss_mb };

  const load = runWrk({ port, scenario: 'write-mix', data, connections: writeConnections, seconds, rate: writeRate });
  let expected = 0;
  let replies = 0;
  for (const until = Date.now() + seconds * 1000; Date.now() < until; replies++) {
    const listener = replies % listeners.length;
    const { uuid } = await call(`/api/activities/${cruds[listener]}/reply`, replier, { message: `live ${replies}` });
    waiting.set(uuid, { listener, answeredAt: performance.now() });
    expected += streamsOf[listener];
    await sleep(paceMs);
  }
  const writeMix = await load;
  await sleep(5000); // the last replies' events
  streams.forEach((stream) => stream.close());

  latencies.sort((a, b) => a - b);
  const perStreamKib = (name) => +(((open[name] - before[name]) * 1024) / count).toFixed(1);
  return {
    streams: count,
    listeners: listeners.length,
    opening_s: +openingS.toFixed(1),
    rss_mb: { before, open },
    memory_per_stream_kib: { notifications: perStreamKib('notifications'), edge: perStreamKib('edge') },
    replies,
    events: { expected, received: latencies.length, missing: expected - latencies.length, unexpected },
    write_to_event_ms: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99),
      max: latencies.length ? +latencies[latencies.length - 1].toFixed(1) : null },
    write_mix: { connections: writeConnections, rate: writeRate, ...writeMix },
  };
}
