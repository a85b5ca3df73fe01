// The report of a run, made from its JSON only (one source): the figures of issue 10 checked, the scenario table,
// the processes, CPU per scenario, and where the time went in the profiled scenario.
// Standalone: node bench/harness/report.mjs bench/results/<run>.json  (rewrites the .md next to it)
import { readFileSync, writeFileSync } from 'node:fs';

const PROCESSES = ['edge', 'users', 'activities', 'notifications', 'messages', 'dynalite', 'cognito-local', 'launcher (SQS)', 'wrk'];

const find = (report, scenario, cache, connections) =>
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

export function markdown(report) {
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

  lines.push('', '## CPU seconds per 1,000 requests, by scenario', '', 'All concurrency levels of a scenario together.', '');
  const groups = [];
  for (const r of report.runs) {
    let g = groups.find((x) => x.scenario === r.scenario && x.cache === r.cache);
    if (!g) groups.push(g = { scenario: r.scenario, cache: r.cache, requests: 0, cpu: {} });
    g.requests += r.requests;
    for (const [p, s] of Object.entries(r.cpu_s)) g.cpu[p] = (g.cpu[p] ?? 0) + (s ?? 0);
  }
  lines.push(table(['scenario', 'cache', ...PROCESSES], groups.map((g) => [g.scenario, g.cache ?? '–',
    ...PROCESSES.map((p) => (g.cpu[p] === undefined ? '–' : num(+((g.cpu[p] / g.requests) * 1000).toFixed(3))))])));

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
  writeFileSync(file.replace(/\.json$/, '.md'), markdown(report));
}
