// bench/run --soak MINUTES: the `mixed` scenario at half the capacity measured in the same run, on a fixed schedule
// (so a stall shows as requests sent late or never sent, not as a quieter minute), one minute at a time, with each
// service's RSS, the latency, the errors and the events not yet consumed after every minute. Wanted (issue 19): 10
// minutes, zero errors, every service's RSS flat within 10 % (the last minute's against the first's).
import { runWrk } from './load.mjs';
import { cpuSeconds } from './procfs.mjs';
import { awaitQueueDrained, outboxPending, queueDepth } from './seed.mjs';
import { sleep } from './util.mjs';

const SCENARIO = 'mixed';
const MINUTE_S = 60;

export async function runSoak({ backend, data, minutes, connections, warmup, duration, memoryOf, applications }) {
  const port = backend.ports.edge;
  const load = (extra) => runWrk({ port, scenario: SCENARIO, data, connections, ...extra });
  if (warmup > 0) await load({ seconds: warmup });
  await awaitQueueDrained(backend.env, 600);
  // the capacity: as fast as the answers come back, at the same concurrency
  const capacity = await load({ seconds: Math.max(duration, 10) });
  await awaitQueueDrained(backend.env, 600);
  const rate = Math.max(1, Math.round(capacity.rps / 2));
  console.log(`  capacity of ${SCENARIO} at ${connections} connections: ${capacity.rps} req/s; soaking at ${rate} req/s ` +
    `for ${minutes} min`);

  const before = memoryOf();
  const out = [];
  for (let minute = 1; minute <= minutes; minute++) {
    const pids = backend.measured();
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
    const r = await load({ seconds: MINUTE_S, rate });
    const cpu = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, +(cpuSeconds(pid) - cpuBefore[name]).toFixed(2)]));
    const memory = memoryOf();
    const entry = {
      minute, requests: r.requests, rps: r.rps, schedule: r.schedule, latency_ms: r.latency_ms, non2xx: r.non2xx,
      socket_errors: r.socket_errors, error_samples: r.error_samples,
      rss_mb: Object.fromEntries(applications.map((name) => [name, memory[name]?.rss_mb])),
      // events not yet consumed: outbox items pending, and messages in the queue
      queue_depth: (await outboxPending(backend.env)) + (await queueDepth(backend.env, backend.env.EVENTS_QUEUE_URL)),
      cpu_s: cpu,
    };
    out.push(entry);
    console.log(`  minute ${String(minute).padStart(2)}: ${r.rps} req/s (${r.schedule.missed} of ${r.schedule.expected} not sent, ` +
      `${r.schedule.lag_ms?.late ?? 0} late, lag p99 ${r.schedule.lag_ms?.p99 ?? 0} ms)  p50 ${r.latency_ms.p50} p99 ${r.latency_ms.p99} ` +
      `max ${r.latency_ms.max} ms  errors ${r.non2xx + r.socket_errors}  events pending ${entry.queue_depth}  RSS ` +
      applications.map((name) => `${name} ${entry.rss_mb[name]}`).join(', '));
  }
  await sleep(1000);
  const drain = await awaitQueueDrained(backend.env, 600);
  return {
    scenario: SCENARIO, connections, minute_s: MINUTE_S,
    capacity: { rps: capacity.rps, duration_s: capacity.duration_s, latency_ms: capacity.latency_ms, non2xx: capacity.non2xx, socket_errors: capacity.socket_errors },
    rate, rss_before_mb: Object.fromEntries(applications.map((name) => [name, before[name]?.rss_mb])),
    minutes: out, events_drain_s: +drain.toFixed(2),
  };
}

/** The soak's verdict: zero errors, every minute run, RSS of every service within 10 % of its first minute's. */
export function soakFigures(soak, applications) {
  const first = soak.minutes[0];
  const last = soak.minutes[soak.minutes.length - 1];
  const errors = soak.minutes.reduce((t, m) => t + m.non2xx + m.socket_errors, 0) + soak.capacity.non2xx + soak.capacity.socket_errors;
  const growth = Object.fromEntries(applications.map((name) => [name,
    first && last && first.rss_mb[name] ? +(last.rss_mb[name] / first.rss_mb[name] - 1).toFixed(3) : null]));
  const expected = soak.minutes.reduce((t, m) => t + m.schedule.expected, 0);
  const missed = soak.minutes.reduce((t, m) => t + m.schedule.missed, 0);
  const late = soak.minutes.reduce((t, m) => t + (m.schedule.lag_ms?.late ?? 0), 0);
  return {
    minutes: soak.minutes.length, errors, rss_growth: growth,
    rss_flat: Object.values(growth).every((g) => g !== null && g <= 0.1),
    worst_p99_ms: Math.max(...soak.minutes.map((m) => m.latency_ms.p99)),
    expected, missed, late,
  };
}
