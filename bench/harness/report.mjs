// The report of a run, made from its JSON only (one source): the figures of issue 10 checked, the scenario table,
// the processes, CPU and cost per scenario, tracing on against off, where the time went in the profiled scenario; the
// report of a soak; and issue 19's "measured / wanted" table (before: the committed run of 4e5882e; after: the newest
// full run and soak in bench/results).
// Standalone: node bench/harness/report.mjs bench/results/<run>.json  (rewrites the .md next to it)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { soakFigures } from './soak.mjs';

const PROCESSES = ['edge', 'users', 'activities', 'notifications', 'messages', 'dynalite', 'cognito-local', 'launcher (SQS)', 'wrk'];
const APPLICATIONS = ['users', 'activities', 'notifications', 'messages', 'edge'];

/**
 * AWS Fargate on-demand prices, Linux/x86, us-east-1 (aws.amazon.com/fargate/pricing, unchanged from 2023 to 2026):
 * per vCPU-hour and per GB-hour. The smallest task, 0.25 vCPU with 0.5 GB, costs their weighted sum per hour.
 */
export const FARGATE = { region: 'us-east-1', vcpu_hour_usd: 0.04048, gb_hour_usd: 0.004445, task_vcpu: 0.25, task_gb: 0.5 };

/**
 * Dollars per million requests for the services' CPU seconds per 1,000 requests, on 0.25 vCPU Fargate tasks kept
 * fully busy (a task delivers 0.25 CPU seconds a second): a floor, since a task runs below 100 % to keep its tail.
 * Leaves out what AWS bills per request (DynamoDB, SQS, Cognito, the load balancer) and what the emulators use here.
 */
export function costPerMillion(cpuSecondsPer1k) {
  if (cpuSecondsPer1k === null || cpuSecondsPer1k === undefined) return null;
  const taskPerSecond = (FARGATE.task_vcpu * FARGATE.vcpu_hour_usd + FARGATE.task_gb * FARGATE.gb_hour_usd) / 3600;
  const taskSecondsPerMillion = (cpuSecondsPer1k * 1000) / FARGATE.task_vcpu;
  return +(taskSecondsPerMillion * taskPerSecond).toFixed(4);
}

/** The services' (not the emulators' or wrk's) CPU seconds per 1,000 requests over some runs. */
function servicesCpuPer1k(runs) {
  const requests = runs.reduce((t, r) => t + r.requests, 0);
  const cpu = runs.reduce((t, r) => t + APPLICATIONS.reduce((u, name) => u + (r.cpu_s[name] ?? 0), 0), 0);
  return requests ? +((cpu / requests) * 1000).toFixed(3) : null;
}

export const find = (report, scenario, cache, connections) =>
  report.runs.find((r) => r.scenario === scenario && r.cache === cache && r.connections === connections);
const errorsOf = (r) => r.non2xx + r.socket_errors;

/** Each run's throughput as a share of the edge's health check at the same concurrency (the machine's ceiling). */
export function addRatios(report) {
  for (const r of report.runs) {
    const base = find(report, 'health-edge', null, r.connections);
    r.ratio_to_health_edge = base ? +(r.rps / base.rps).toFixed(3) : null;
  }
}

/** The figures the issue asks for, each met, not met, or not measured (null) in this run. */
export function checks(report) {
  const out = [];
  const add = (figure, met, measured) => out.push({ figure, met, measured });

  const failing = report.runs.filter((r) => errorsOf(r) > 0);
  const lost = Object.values(report.logged_problems ?? {}).reduce((t, p) => t + (p.lost_events ?? 0), 0);
  const warmups = report.warmup_errors ?? [];
  add('Zero errors in every scenario', failing.length === 0 && warmups.length === 0 && !report.dead_letters && lost === 0,
    (failing.length === 0
      ? `0 non-2xx and 0 socket errors in ${report.runs.length} runs`
      : failing.map((r) => `${r.scenario} (${r.cache ?? '-'}, ${r.connections} conn.): ${r.non2xx} non-2xx, ${r.socket_errors} socket`).join('; ')) +
    (warmups.length ? `; in warm-ups: ${warmups.map((w) => `${w.scenario} (${w.cache}): ${w.non2xx} non-2xx, ${w.socket_errors} socket`).join('; ')}` : '') +
    `; ${report.dead_letters ?? 0} events dead-lettered, ${lost} lost by a publisher (see the server logs)`);

  const home = report.runs.filter((r) => r.scenario === 'home' && r.cache === 'warm');
  add('Home feed, cache warm, through the edge: at least 50% of the health-check throughput at the same concurrency',
    home.length && home.every((r) => r.ratio_to_health_edge !== null) ? home.every((r) => r.ratio_to_health_edge >= 0.5) : null,
    home.map((r) => `${Math.round(r.ratio_to_health_edge * 100)}% at ${r.connections} (${r.rps} vs ${find(report, 'health-edge', null, r.connections)?.rps} req/s)`).join(', ') || 'not run');

  const home32 = find(report, 'home', 'warm', 32);
  add('Home feed, cache warm: p99 under 25 ms at 32 connections', home32 ? home32.latency_ms.p99 < 25 : null,
    home32 ? `p99 ${home32.latency_ms.p99} ms` : 'not run at 32 connections');

  const create16 = find(report, 'create', 'warm', 16);
  add('Create crud: p99 under 50 ms at 16 connections', create16 ? create16.latency_ms.p99 < 50 : null,
    create16 ? `p99 ${create16.latency_ms.p99} ms` : 'not run at 16 connections');

  const services = Object.entries(report.services).filter(([, s]) => s.kind === 'service');
  const ready = services.filter(([, s]) => s.startup_alone);
  add('Each service ready in under 2 s after its JVM starts (JVM mode)', ready.length ? ready.every(([, s]) => s.startup_alone.ready_s < 2) : null,
    ready.map(([name, s]) => `${name} ${s.startup_alone.ready_s} s`).join(', ') + ' (each started alone; all five at once: ' +
    services.map(([name, s]) => `${name} ${s.startup_all_at_once?.ready_s} s`).join(', ') + ')');

  add('RSS under 200 MB after the load', services.length ? services.every(([, s]) => s.rss_after_load_mb < 200) : null,
    services.map(([name, s]) => `${name} ${s.rss_after_load_mb} MB`).join(', '));

  add('Where the time goes, for the slowest scenario', report.profile ? true : null,
    report.profile ? `JFR of \`${report.profile.scenario}\` at ${report.profile.connections} connections, below` : 'not profiled (--profile none)');
  return out;
}

const num = (n) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const pct = (share) => `${(share * 100).toFixed(1)}%`;
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

export function markdown(report, before = null) {
  const m = report.machine;
  const c = report.counts ?? {};
  const busy = m.load_average_at_start[0] > 0.5;
  const lines = [];
  lines.push(`# Cruddur benchmark: commit ${report.commit}${report.dirty ? ' (with uncommitted changes)' : ''}, ${report.started_at.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(`Data set \`${report.size}\`: ${num(c.users)} users, ${num(c.cruds)} cruds, ${num(c.replies)} replies, ${num(c.likes)} likes, ` +
    `${num(c.conversations)} conversations (${num(c.messages)} messages), seeded through the API at ${num(report.seeding?.write_rate_per_second)} writes/s.`);
  lines.push(`Machine: ${m.cores} cores (${m.cpu_model}), ${m.memory_gib} GiB, ${m.kernel}; ${m.jdk}; ${m.wrk}; Node ${m.node}. ` +
    `Load average at start: ${m.load_average_at_start.join(', ')}.`);
  if (busy) lines.push('', `**Warning:** the machine was busy when the run started (load average ${m.load_average_at_start[0]}): the figures are lower than on a quiet machine.`);
  lines.push('', `Each run: wrk with 2 threads for ${report.options.duration} s after a ${report.options.warmup} s warm-up, on loopback; ` +
    'every request by a random seeded user with their own Cognito access token, through the edge unless named otherwise. ' +
    `Latency as wrk measures it (from sending to the whole answer). Whole run: ${Math.round(report.elapsed_s / 60)} min.`);

  lines.push('', '## The figures of issue 10', '');
  lines.push(table(['figure', 'measured', 'met'], report.checks.map((k) => [k.figure, k.measured, k.met === null ? 'not measured' : k.met ? 'yes' : '**no**'])));

  lines.push('', '## Scenarios', '');
  lines.push('`health-edge` is the edge\'s own `/api/health-check`, `health-service` the activities service\'s, straight to its port: ' +
    'the ceiling of this machine for a trivial request. "× health" is a run\'s throughput over `health-edge` at the same concurrency. ' +
    '`cold` runs have the cache off in every service (`CRUDDUR_CACHE=off`); write scenarios wait until the notifications ' +
    'made from their events are stored ("events drained") before the next run.', '');
  lines.push(table(['scenario', 'cache', 'connections', 'requests/s', '× health', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'socket errors', 'events drained'],
    report.runs.map((r) => [r.scenario, r.cache ?? '–', r.connections, num(r.rps), r.ratio_to_health_edge === null ? '–' : num(r.ratio_to_health_edge),
      num(r.latency_ms.p50), num(r.latency_ms.p90), num(r.latency_ms.p99), num(r.latency_ms.max), errorsOf(r) ? `**${r.non2xx}**` : r.non2xx,
      r.socket_errors ? `**${r.socket_errors}**` : 0, r.events_drain_s === null ? '–' : `${r.events_drain_s} s`])));
  const samples = report.runs.filter((r) => r.error_samples);
  if (samples.length) lines.push('', 'First errors: ' + samples.map((r) => `${r.scenario} ${r.connections}: \`${r.error_samples}\``).join('; '));

  const liveRuns = [report.streams, report.streams_paced].filter(Boolean);
  if (liveRuns.length) lines.push('', '## Live notifications', '');
  for (const live of liveRuns) {
    const pace = live.write_mix.rate ? `at a fixed ${num(live.write_mix.rate)} req/s (half of the run above)` : 'as fast as it was answered';
    lines.push(`${num(live.streams)} notification streams open through the edge (${num(live.listeners)} users, opened in ${live.opening_s} s), ` +
      `while \`write-mix\` ran ${pace} at ${live.write_mix.connections ?? ''} connections (${num(live.write_mix.rps)} req/s, ${live.write_mix.non2xx} non-2xx); ` +
      `${num(live.replies)} replies to the streaming users' cruds, one at a time. Time from a reply's response to its event on each open stream of the ` +
      `replied-to user: p50 ${num(live.write_to_event_ms.p50)} ms, p99 ${num(live.write_to_event_ms.p99)} ms, max ${num(live.write_to_event_ms.max)} ms ` +
      `(${num(live.events.received)} of ${num(live.events.expected)} events, ${num(live.events.missing)} missing). Resident memory per open stream: ` +
      `${live.memory_per_stream_kib.notifications} KiB in the notifications service, ${live.memory_per_stream_kib.edge} KiB in the edge ` +
      `(RSS with the streams open less before, over their count).`, '');
  }

  lines.push('', '## Processes', '');
  lines.push('Ready: from the JVM\'s start (`/proc/<pid>/stat`) to the first 200 of `/q/health/ready`, each service started alone ' +
    '(as in its own Fargate task), and all five at once with the emulators (as `bin/dev` starts them, sharing the cores). ' +
    'RSS (`VmRSS`) idle after the start, after seeding, and after the warm load; peak is `VmHWM` then. CPU (user + system) per ' +
    '1,000 requests over all warm API scenarios (baselines left out), including the work their events cause.', '');
  const services = report.services;
  lines.push(table(['process', 'ready alone', 'ready, all at once', 'Quarkus "started in" (alone)', 'RSS idle MB', 'after seeding MB', 'after load MB', 'peak MB', 'CPU s / 1,000 requests'],
    PROCESSES.filter((p) => services[p]).map((p) => {
      const s = services[p];
      return [p, s.startup_alone ? `${s.startup_alone.ready_s} s` : '–', s.startup_all_at_once ? `${s.startup_all_at_once.ready_s} s` : '–',
        s.startup_alone?.quarkus_started_s ? `${s.startup_alone.quarkus_started_s} s` : '–', num(s.rss_idle_mb), num(s.rss_after_seed_mb),
        num(s.rss_after_load_mb), num(s.peak_rss_mb), num(s.cpu_s_per_1k)];
    })));
  const jvm = Object.values(services).find((s) => s.jvm_options)?.jvm_options;
  if (jvm) {
    lines.push('', `JVM options of the services: \`${jvm.join(' ')}\` (${report.options.jvmOptions ? 'set by `--jvm-options`; ' +
      '"all at once" is the launcher\'s start with its own options' : 'as the launcher starts them'}).`);
  }

  lines.push('', '## CPU seconds per 1,000 requests, and cost per million requests, by scenario', '',
    'All concurrency levels of a scenario together. "Services" is the five JVMs\' CPU seconds per 1,000 requests; ' +
    `"$ / million" what that CPU costs on ${FARGATE.task_vcpu} vCPU / ${FARGATE.task_gb} GB Fargate tasks kept fully busy ` +
    `(Linux/x86, ${FARGATE.region}: $${FARGATE.vcpu_hour_usd} per vCPU-hour, $${FARGATE.gb_hour_usd} per GB-hour): a floor, ` +
    'without what AWS bills per request (DynamoDB, SQS, Cognito, the load balancer).', '');
  const groups = [];
  for (const r of report.runs) {
    let g = groups.find((x) => x.scenario === r.scenario && x.cache === r.cache);
    if (!g) groups.push(g = { scenario: r.scenario, cache: r.cache, requests: 0, cpu: {}, runs: [] });
    g.requests += r.requests;
    g.runs.push(r);
    for (const [p, s] of Object.entries(r.cpu_s)) g.cpu[p] = (g.cpu[p] ?? 0) + (s ?? 0);
  }
  lines.push(table(['scenario', 'cache', ...PROCESSES, 'services', '$ / million'], groups.map((g) => [g.scenario, g.cache ?? '–',
    ...PROCESSES.map((p) => (g.cpu[p] === undefined ? '–' : num(+((g.cpu[p] / g.requests) * 1000).toFixed(3)))),
    num(servicesCpuPer1k(g.runs)), g.scenario.startsWith('health') ? '–' : `$${costPerMillion(servicesCpuPer1k(g.runs))}`])));

  const traced = report.runs.filter((r) => r.tracing === 'on');
  if (traced.length) {
    lines.push('', '## Tracing on', '', 'After the warm scenarios, every service restarted with tracing off, each scenario run ' +
      'after its warm-up (which fills the cache again); then every service restarted exporting its spans (OTLP over HTTP, ' +
      'protobuf) to a receiver the harness runs, and the same runs. ' +
      `The receiver took ${num(report.tracing?.exports)} exports (${num(Math.round((report.tracing?.bytes ?? 0) / 1024))} kB).`, '');
    lines.push(table(['scenario', 'connections', 'requests/s off', 'requests/s on', 'on ÷ off', 'p99 ms off', 'p99 ms on', 'services CPU s / 1,000 off', 'on', 'errors on'],
      traced.map((r) => {
        const off = find(report, r.scenario.replace(/-on$/, '-off'), 'warm', r.connections);
        return [r.scenario.replace(/\+tracing-on$/, ''), r.connections, num(off?.rps), num(r.rps), off ? num(+(r.rps / off.rps).toFixed(3)) : '–',
          num(off?.latency_ms.p99), num(r.latency_ms.p99), num(off ? servicesCpuPer1k([off]) : null), num(servicesCpuPer1k([r])), errorsOf(r)];
      })));
  }

  lines.push('', '## Issue 19: measured / wanted', '', 'Before: the committed run of `4e5882e`; after: this run (the soak is a ' +
    'run of its own, `bench/run --soak 10`: see `bench/README.md`).', '', issueTable({ before, after: report, soak: null }));

  const problems = Object.entries(report.logged_problems ?? {});
  if (problems.length) {
    lines.push('', '## Server logs', '', 'ERROR and WARN lines the services logged during the whole run (seeding and restarts ' +
      'included), with the first distinct ones; "lost" counts events a publisher dropped or gave up. The logs are kept in ' +
      '`bench/results/<run>-logs/`.', '');
    lines.push(table(['service', 'ERROR', 'WARN', 'lost events', 'first lines'], problems.map(([name, p]) =>
      [name, p.errors, p.warnings, p.lost_events ?? 0, p.first.map((l) => `\`${l.replaceAll('|', '/').replaceAll('`', "'")}\``).join('<br>')])));
  }

  const prof = report.profile;
  if (prof) {
    lines.push('', `## Where the time goes: \`${prof.scenario}\` at ${prof.connections} connections`, '');
    lines.push(`A JFR recording (\`settings=profile\`) of every service during ${num(prof.rps)} requests/s ` +
      `(p50 ${prof.latency_ms.p50} ms, p99 ${prof.latency_ms.p99} ms). Execution samples per component: a sample counts for the ` +
      'component of the frame nearest the running method. The recordings (`.jfr`, for JDK Mission Control), collapsed stacks ' +
      '(`.collapsed`, for flame graph tools) and flame graphs (`.svg`) are next to this file.', '');
    if (prof.cpu_s) {
      const total = Object.values(prof.cpu_s).reduce((t, x) => t + (x ?? 0), 0);
      lines.push(`CPU time of each process during the recording (${num(+total.toFixed(2))} s of the ` +
        `${num(+(prof.duration_s * report.machine.cores).toFixed(1))} s the ${report.machine.cores} cores had):`, '');
      lines.push(table(PROCESSES.filter((p) => prof.cpu_s[p] !== undefined), [PROCESSES.filter((p) => prof.cpu_s[p] !== undefined)
        .map((p) => `${num(prof.cpu_s[p])} s (${pct(prof.cpu_s[p] / total)})`)]), '');
    }
    const names = Object.keys(prof.services).filter((n) => prof.services[n].samples > 0);
    const components = [...new Set(names.flatMap((n) => prof.services[n].components.map((x) => x.name)))];
    lines.push(table(['component', ...names.map((n) => `${n} (${prof.services[n].samples} samples)`)],
      components.map((comp) => [comp, ...names.map((n) => {
        const x = prof.services[n].components.find((y) => y.name === comp);
        return x ? pct(x.share) : '–';
      })])));
    for (const n of names) {
      const s = prof.services[n];
      lines.push('', `**${n}**: [flame graph](${s.flame_graph}); the running methods (self)${s.truncated_stacks ? `; ${s.truncated_stacks} stacks truncated` : ''}`, '');
      lines.push(table(['method', 'self'], s.top_self.slice(0, 8).map((x) => [`\`${x.name}\``, pct(x.share)])));
      if (s.top_own_inclusive.length) {
        lines.push('', `Cruddur methods on the stack (inclusive):`, '');
        lines.push(table(['method', 'inclusive'], s.top_own_inclusive.slice(0, 8).map((x) => [`\`${x.name}\``, pct(x.share)])));
      }
    }
  }

  lines.push('', '## Seeding', '');
  lines.push(table(['step', 'count', 'seconds', 'per second'], (report.seeding?.steps ?? []).map((s) => [s.name, num(s.count), num(s.seconds), num(s.per_second)])));
  return `${lines.join('\n')}\n`;
}

/** The committed full run before issue 19: the "before" column. */
export const BEFORE = '2026-11-27T1254Z-4e5882e.json';

export function readBefore(resultsDir) {
  const file = join(resultsDir, BEFORE);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const percent = (ratio) => (ratio === null || ratio === undefined ? null : `${+(ratio * 100).toFixed(1)} %`);

/** Issue 19's figures, each from a full run's report (and a soak's): text for a table cell, and met or not. */
function issueFigures(r, soak) {
  const at = (scenario, connections) => (r ? find(r, scenario, 'warm', connections) : null);
  const ratio = (scenario, wanted) => {
    const run = at(scenario, 32);
    const health = r ? find(r, 'health-edge', null, 32) : null;
    if (!run || !health) return { text: null, met: null };
    const share = run.rps / health.rps;
    return { text: `${percent(share)} (${num(run.rps)} vs ${num(health.rps)} req/s)`, met: share >= wanted };
  };
  const p99 = (scenario, connections, wanted) => {
    const run = at(scenario, connections);
    return run ? { text: `${num(run.latency_ms.p99)} ms`, met: run.latency_ms.p99 < wanted } : { text: null, met: null };
  };
  const services = r ? APPLICATIONS.filter((name) => r.services?.[name]?.rss_after_load_mb) : [];
  const rss = services.map((name) => r.services[name].rss_after_load_mb);
  // the seeding's events drained by the notifications service: queued while it was paused (SIGSTOP), counted when it
  // resumed; in runs before that, as the issue counted them: the replies' and likes' events, after the last write
  const wait = r?.seeding?.steps?.find((step) => /^(waiting for the notifications|events queued)/.test(step.name));
  const paused = wait?.count !== null && wait?.count !== undefined;
  const events = paused ? wait.count : (r?.counts ? r.counts.replies + r.counts.likes : null);
  const tracing = (r?.runs ?? []).filter((x) => x.tracing === 'on').map((x) => {
    const off = find(r, x.scenario.replace(/-on$/, '-off'), 'warm', x.connections);
    return off ? `${x.scenario.replace(/\+tracing-on$/, '')} ${num(+(x.rps / off.rps).toFixed(2))} (${num(x.rps)} vs ${num(off.rps)} req/s; p99 ${num(x.latency_ms.p99)} vs ${num(off.latency_ms.p99)} ms)` : null;
  }).filter(Boolean);
  const mixed = (r?.runs ?? []).filter((x) => x.scenario === 'mixed' && x.cache === 'warm');
  const cpu = mixed.length ? servicesCpuPer1k(mixed) : null;
  const s = soak?.soak ? soakFigures(soak.soak, APPLICATIONS) : null;
  return [
    ['signed-in home, first page, ÷ edge health check at 32 connections', ratio('home', 0.25), '≥ 25 %'],
    ['same, p99 at 32 connections', p99('home', 32, 25), '< 25 ms'],
    ['anonymous home ÷ health at 32', ratio('home-anonymous', 0.4), '≥ 40 %'],
    ['later page of the home feed (never cached) ÷ health at 32', ratio('home-later', 0.05), '≥ 5 %'],
    ['profile page ÷ health at 32', ratio('profile', 0.2), '≥ 20 %'],
    ['`mixed` (90 % reads, 10 % writes) ÷ health at 32', ratio('mixed', 0.1), '≥ 10 %'],
    ['create, p99 at 16 connections', p99('create', 16, 50), '< 50 ms'],
    ['RSS after the load, each service', rss.length
      ? { text: `${Math.min(...rss)}–${Math.max(...rss)} MB (${services.map((n) => `${n} ${r.services[n].rss_after_load_mb}`).join(', ')})`, met: Math.max(...rss) < 200 }
      : { text: null, met: null }, '< 200 MB, in the containers too (measured here: the JVMs as `bin/dev` starts them)'],
    ['notifications following writes', wait && events
      ? { text: `${num(events)} events drained in ${num(wait.seconds)} s ${paused ? 'once the notifications service resumed (paused while the seeding wrote them; outbox and queue)' : 'after the last write'} ` +
          `(${num(Math.round(events / wait.seconds))}/s)`, met: events / wait.seconds >= 500 }
      : { text: null, met: null }, '≥ 500 events/s'],
    ['soak: `mixed` at half the measured capacity', s
      ? { text: `${s.minutes} min at ${num(soak.soak.rate)} req/s (capacity ${num(soak.soak.capacity.rps)}), ${s.errors} errors; RSS growth ` +
          `${APPLICATIONS.map((n) => `${n} ${s.rss_growth[n] === null ? '?' : `${s.rss_growth[n] >= 0 ? '+' : ''}${+(s.rss_growth[n] * 100).toFixed(1)} %`}`).join(', ')}; ` +
          `worst minute's p99 ${num(s.worst_p99_ms)} ms; ${num(s.missed)} of ${num(s.expected)} scheduled requests not sent, ${num(s.late)} sent late ` +
          `(commit \`${soak.commit}\`, [results](results/${soak.stem}.md))`,
        met: s.minutes >= 10 && s.errors === 0 && s.rss_flat }
      : { text: null, met: null }, '10 minutes, zero errors, RSS flat within 10 %'],
    ['tracing on ÷ off (spans exported to a local OTLP receiver), at 32 connections', tracing.length
      ? { text: tracing.join('; '), met: null } : { text: null, met: null }, 'a number'],
    [`cost per million \`mixed\` requests, the services' CPU on ${FARGATE.task_vcpu} vCPU Fargate tasks`, cpu !== null
      ? { text: `$${costPerMillion(cpu)} (${num(cpu)} CPU s per 1,000 requests)`, met: null } : { text: null, met: null }, 'a number'],
  ];
}

/** Issue 19's table: before (the committed run of 4e5882e) and after (a full run, and a soak if there is one). */
export function issueTable({ before, after, soak }) {
  const was = issueFigures(before, null);
  const now = issueFigures(after, soak);
  return table(['figure', `before (\`${before?.commit ?? '–'}\`)`, `after (\`${after?.commit ?? '–'}\`)`, 'wanted', 'met'],
    now.map(([figure, value, wanted], i) => [figure, was[i][1].text ?? '–', value.text ?? 'not measured', wanted,
      value.met === null ? '–' : value.met ? 'yes' : '**no**']));
}

const ISSUE_START = '<!-- issue-19:start (written by bench/run and bench/run --soak at the default size) -->';
const ISSUE_END = '<!-- issue-19:end -->';

/**
 * Rewrites the issue-19 block of bench/README.md from the newest full run and the newest soak at the default size in
 * bench/results (each run, full or soak, calls this, so either order works).
 */
export function updateIssueTable(readmeFile, resultsDir) {
  const text = readFileSync(readmeFile, 'utf8');
  const from = text.indexOf(ISSUE_START);
  const to = text.indexOf(ISSUE_END);
  if (from < 0 || to < from) return false;
  const newest = (soak) => readdirSync(resultsDir).filter((f) => /^\d{4}-.*\.json$/.test(f) && f.endsWith('-soak.json') === soak).sort()
    .map((f) => ({ ...JSON.parse(readFileSync(join(resultsDir, f), 'utf8')), stem: f.replace(/\.json$/, '') }))
    .filter((r) => r.size === 'default' && !r.options?.scenarios).pop() ?? null;
  const after = newest(false);
  const soak = newest(true);
  const block = [ISSUE_START, '',
    `Before: the run of \`${BEFORE.replace(/\.json$/, '')}\`. After: [\`results/${after?.stem}.md\`](results/${after?.stem}.md)` +
    `${soak ? ` and the soak [\`results/${soak.stem}.md\`](results/${soak.stem}.md)` : ' (no soak run yet: `bench/run --soak 10`)'}.` +
    ' Every throughput is a share of the edge\'s health check in the same run; "met" is left blank for the figures that are a number to know.', '',
    issueTable({ before: readBefore(resultsDir), after, soak }), '', ISSUE_END].join('\n');
  writeFileSync(readmeFile, text.slice(0, from) + block + text.slice(to + ISSUE_END.length));
  return true;
}

/** The report of a soak: the capacity it was set from, then minute by minute. */
export function soakMarkdown(report) {
  const soak = report.soak;
  const m = report.machine;
  const f = soakFigures(soak, APPLICATIONS);
  const lines = [];
  lines.push(`# Cruddur soak: commit ${report.commit}${report.dirty ? ' (with uncommitted changes)' : ''}, ${report.started_at.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(`Data set \`${report.size}\`; ${m.cores} cores, ${m.memory_gib} GiB, ${m.jdk}; load average at start ${m.load_average_at_start.join(', ')}. ` +
    `Whole run: ${Math.round(report.elapsed_s / 60)} min.`, '');
  lines.push(`\`${soak.scenario}\` through the edge at ${soak.connections} connections: its capacity, as fast as answers came back for ` +
    `${num(soak.capacity.duration_s)} s after a ${report.options.warmup} s warm-up, was ${num(soak.capacity.rps)} requests/s (p99 ${num(soak.capacity.latency_ms.p99)} ms). ` +
    `The soak sent half that, ${num(soak.rate)} requests/s, on a fixed schedule for ${f.minutes} runs of ${soak.minute_s} s. ` +
    'A request the schedule wanted but no connection was free to send is "not sent"; one sent behind its slot is "late" (its lag ' +
    'is not in the latency, which wrk counts from the actual send): together they are what a closed-loop load would have hidden.', '');
  lines.push(table(['figure', 'measured', 'wanted', 'met'], [
    ['minutes', f.minutes, '10', f.minutes >= 10 ? 'yes' : '**no**'],
    ['errors (non-2xx and socket errors)', f.errors, '0', f.errors === 0 ? 'yes' : '**no**'],
    ['RSS, last minute against the first', APPLICATIONS.map((n) => `${n} ${f.rss_growth[n] === null ? '?' : `${+(f.rss_growth[n] * 100).toFixed(1)} %`}`).join(', '),
      'within 10 %', f.rss_flat ? 'yes' : '**no**'],
    ['scheduled requests not sent / sent late', `${num(f.missed)} / ${num(f.late)} of ${num(f.expected)}`, '–', '–'],
    ['events queue drained after the soak', `${soak.events_drain_s} s`, '–', '–'],
    ['events dead-lettered', report.dead_letters ?? '–', '0', report.dead_letters ? '**no**' : 'yes'],
  ]), '');
  lines.push(table(['minute', 'requests/s', 'not sent', 'late', 'lag p99 ms', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'events pending',
    ...APPLICATIONS.map((n) => `${n} RSS MB`), 'services CPU s / 1,000'],
  [['before', '', '', '', '', '', '', '', '', '', ...APPLICATIONS.map((n) => num(soak.rss_before_mb[n])), ''],
    ...soak.minutes.map((x) => [x.minute, num(x.rps), num(x.schedule.missed), num(x.schedule.lag_ms?.late ?? 0), num(x.schedule.lag_ms?.p99 ?? 0),
      num(x.latency_ms.p50), num(x.latency_ms.p99), num(x.latency_ms.max), x.non2xx + x.socket_errors ? `**${x.non2xx + x.socket_errors}**` : 0,
      x.queue_depth, ...APPLICATIONS.map((n) => num(x.rss_mb[n])), num(servicesCpuPer1k([x]))])]));
  const samples = soak.minutes.filter((x) => x.error_samples);
  if (samples.length) lines.push('', 'First errors: ' + samples.map((x) => `minute ${x.minute}: \`${x.error_samples}\``).join('; '));
  const problems = Object.entries(report.logged_problems ?? {});
  if (problems.length) {
    lines.push('', '## Server logs', '');
    lines.push(table(['service', 'ERROR', 'WARN', 'lost events', 'first lines'], problems.map(([name, p]) =>
      [name, p.errors, p.warnings, p.lost_events ?? 0, p.first.map((l) => `\`${l.replaceAll('|', '/').replaceAll('`', "'")}\``).join('<br>')])));
  }
  return `${lines.join('\n')}\n`;
}

const START = '<!-- latest-run:start (written by bench/run at the default size) -->';
const END = '<!-- latest-run:end -->';

/** The block of bench/README.md that shows the latest full run: its checks and its runs at 16 and 32 connections. */
export function updateReadme(report, readmeFile, resultName) {
  const text = readFileSync(readmeFile, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return false;
  const m = report.machine;
  const block = [START, '',
    `Commit \`${report.commit}\`${report.dirty ? ' (with uncommitted changes)' : ''}, ${report.started_at.slice(0, 16).replace('T', ' ')} UTC, ` +
    `data set \`${report.size}\`, ${m.cores} cores, ${m.memory_gib} GiB, ${m.jdk}; load average at start ${m.load_average_at_start[0]}. ` +
    `Everything: [\`results/${resultName}.md\`](results/${resultName}.md) (and \`.json\`).`, '',
    table(['figure', 'measured', 'met'], report.checks.map((k) => [k.figure, k.measured, k.met === null ? 'not measured' : k.met ? 'yes' : '**no**'])), '',
    table(['scenario', 'cache', 'connections', 'requests/s', '× health', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
      report.runs.filter((r) => r.connections === 16 || r.connections === 32).map((r) => [r.scenario, r.cache ?? '–', r.connections,
        num(r.rps), r.ratio_to_health_edge === null ? '–' : num(r.ratio_to_health_edge), num(r.latency_ms.p50), num(r.latency_ms.p99),
        num(r.latency_ms.max), errorsOf(r)])), '', END].join('\n');
  writeFileSync(readmeFile, text.slice(0, from) + block + text.slice(to + END.length));
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/harness/report.mjs <run>.json');
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file.replace(/\.json$/, '.md'), report.soak ? soakMarkdown(report) : markdown(report, readBefore(dirname(file))));
}
