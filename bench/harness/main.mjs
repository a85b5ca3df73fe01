// bench/run: the whole benchmark in one command. Starts the packaged backend (as bin/dev does), seeds it through the
// API, runs every scenario with wrk at each concurrency level, measures the services from /proc, profiles the slowest
// scenario with JFR, then restarts each service on its own with the cache off (its start-up time alone) and runs the
// cold scenarios; runs `home` and `mixed` again after restarting every service with tracing off, then on. Writes
// bench/results/<UTC time>-<commit>.json and the Markdown made from it. With --soak MINUTES it runs the soak instead
// (harness/soak.mjs) and writes <UTC time>-<commit>-soak.json and .md.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPLICATIONS, Backend, SERVICES } from './backend.mjs';
import { runWrk } from './load.mjs';
import { cmdline, cpuSeconds, findPids, memory } from './procfs.mjs';
import { startOtlpReceiver } from './otlp.mjs';
import { startRecording, stopRecording, summarize } from './profile.mjs';
import { addRatios, checks, markdown, readBefore, soakMarkdown, updateIssueTable, updateReadme } from './report.mjs';
import { awaitQueueDrained, queueDepth, seed, SIZES } from './seed.mjs';
import { runSoak } from './soak.mjs';
import { runStreams } from './streams.mjs';
import { sleep } from './util.mjs';

const USAGE = `usage: bench/run [--size default|small|live] [--duration SECONDS] [--connections 4,16,32] [--warmup SECONDS]
                 [--profile auto|none|<scenario>] [--scenarios <name,...>] [--jvm-options "<options>"] [--port 4767]
                 [--soak MINUTES] [--no-build]`;

/** The scenarios: baselines, then reads, writes and the 90/10 mix with the cache warm, then reads with it off. */
const BASELINES = [
  { name: 'health-edge', kind: 'health', via: 'edge' },
  { name: 'health-service', kind: 'health', via: 'activities' },
];
const READS = ['home', 'home-anonymous', 'home-following', 'home-later', 'profile', 'show', 'notifications', 'message-groups', 'read-mix'];
const WRITES = ['create', 'reply', 'like', 'message', 'write-mix', 'mixed'];
const COLD = ['home', 'profile', 'show', 'read-mix'];
/**
 * Run again at the highest concurrency after restarting every service, first with tracing off, then with every service
 * exporting its spans to a local OTLP receiver: the same fresh start and warm-up on both sides of the ratio.
 */
const TRACED = ['home', 'mixed'];
/**
 * Live notifications (harness/streams.mjs): this many open notification streams while write-mix runs at the highest
 * concurrency (fewer at a size with too few users for them: five streams a user).
 */
const LIVE_STREAMS = { name: 'live-streams', count: 1000 };

function parseArgs(argv) {
  const opts = { size: 'default', duration: 8, connections: [4, 16, 32], warmup: null, profile: 'auto', scenarios: null,
    jvmOptions: null, port: 4767, soak: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--size': opts.size = value(); break;
      case '--duration': opts.duration = Number(value()); break;
      case '--warmup': opts.warmup = Number(value()); break;
      case '--connections': opts.connections = value().split(',').map(Number); break;
      case '--profile': opts.profile = value(); break;
      case '--scenarios': opts.scenarios = value().split(','); break;
      case '--port': opts.port = Number(value()); break;
      case '--soak': opts.soak = Number(value()); break;
      case '--jvm-options': opts.jvmOptions = value().trim().split(/\s+/).filter(Boolean); break;
      case '--no-build': break; // handled by bench/run
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
    }
  }
  if (!SIZES[opts.size]) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  if (!(opts.duration > 0) || opts.connections.some((c) => !(c >= 1))) throw new Error(USAGE);
  if (opts.soak !== null && !(Number.isInteger(opts.soak) && opts.soak >= 1)) throw new Error(`--soak needs whole minutes\n${USAGE}`);
  opts.warmup ??= Math.min(3, opts.duration);
  return opts;
}

function machine(root) {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr.trim().split('\n');
  const wrk = spawnSync('wrk', ['-v'], { encoding: 'utf8' });
  return {
    cores: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
    jdk: java[1] ?? java[0],
    node: process.version,
    wrk: `${wrk.stdout}${wrk.stderr}`.split('\n')[0].replace(/ \[.*$/, '').trim(),
    // a busy machine makes every figure worse: the report warns when others were using it
    load_average_at_start: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

function git(root, ...args) {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
}

/**
 * Lines that say an event was not delivered: set aside by the outbox relay because SQS refused it for good (and, in
 * logs of older builds, dropped from the publisher's full buffer or given up).
 */
const LOST = /refused the events of .* for good|event buffer full|gave up sending/;

/**
 * ERROR and WARN lines of the services' logs, counted per service, with the first few distinct messages, and the
 * lines that say an event was lost.
 */
function loggedProblems(logs) {
  const out = {};
  for (const file of readdirSync(logs)) {
    const service = file.replace(/(-alone)?\.log$/, '');
    if (!APPLICATIONS.includes(service)) continue;
    for (const line of readFileSync(join(logs, file), 'utf8').split('\n')) {
      const level = line.match(/^\S+ (ERROR|WARN) /)?.[1];
      if (!level) continue;
      const entry = (out[service] ??= { errors: 0, warnings: 0, lost_events: 0, first: [] });
      entry[level === 'ERROR' ? 'errors' : 'warnings']++;
      if (LOST.test(line)) entry.lost_events++;
      const message = line.replace(/^\S+ /, '').replace(/traceId=\S* spanId=\S* /, '').slice(0, 300);
      if (entry.first.length < 5 && !entry.first.includes(message)) entry.first.push(message);
    }
  }
  return out;
}

const round = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? null : +n.toFixed(digits));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const began = Date.now();
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const results = join(root, 'bench/results');
  mkdirSync(results, { recursive: true });
  const commit = git(root, 'rev-parse', '--short', 'HEAD');
  const dirty = git(root, 'status', '--porcelain', '--', '.', ':(exclude)bench/results').length > 0;
  const iso = new Date(began).toISOString();
  const stem = `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z-${commit}${opts.soak ? '-soak' : ''}`;
  const state = mkdtempSync(join(os.tmpdir(), 'cruddur-bench-'));
  const data = join(state, 'data');
  const wanted = (name) => !opts.scenarios || opts.scenarios.includes(name);
  const warmPlan = [...BASELINES,
    ...READS.filter(wanted).map((kind) => ({ name: kind, kind, via: 'edge' })),
    ...WRITES.filter(wanted).map((kind) => ({ name: kind, kind, via: 'edge', writes: true }))];
  const coldPlan = COLD.filter(wanted).map((kind) => ({ name: kind, kind, via: 'edge' }));
  const tracedPlan = (tracing) => TRACED.filter(wanted)
    .map((kind) => ({ name: `${kind}+tracing-${tracing}`, kind, via: 'edge', writes: WRITES.includes(kind), tracing }));
  const tracedRuns = 2 * TRACED.filter(wanted).length;
  const runCount = (warmPlan.length + coldPlan.length) * opts.connections.length + tracedRuns;
  const loadSeconds = runCount * (opts.duration + 1) + (warmPlan.length + coldPlan.length + tracedRuns) * (opts.warmup + 1);
  const level = Math.max(...opts.connections);
  console.log(opts.soak
    ? `Cruddur soak: commit ${commit}${dirty ? ' (uncommitted changes)' : ''}, size ${opts.size}, mixed at half its capacity at ${level} connections for ${opts.soak} min`
    : `Cruddur benchmark: commit ${commit}${dirty ? ' (uncommitted changes)' : ''}, size ${opts.size}, ` +
      `${runCount} runs of ${opts.duration} s at ${opts.connections.join('/')} connections (load alone ~${Math.ceil(loadSeconds / 60)} min)`);
  console.log(`  state and logs: ${state}`);

  const report = {
    commit, dirty, started_at: iso, size: opts.size, counts: null, options: { ...opts },
    machine: machine(root), seeding: null, runs: [], warmup_errors: [], services: {}, profile: null, checks: null,
  };
  const backend = new Backend({ root, state, apiPort: opts.port, cache: 'in-process', password: `Bench-${Date.now()}-x7A` });
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await backend.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));

  try {
    console.log('Starting the backend (cache in-process) ...');
    await backend.start();
    const memoryOf = () => Object.fromEntries(Object.entries(backend.measured()).map(([name, pid]) => [name, memory(pid)]));
    for (const name of APPLICATIONS) {
      console.log(`  ${name}: ready ${backend.startup[name].ready_s} s after its JVM started (all starting at once)`);
    }
    if (opts.jvmOptions) {
      // an experiment: the same services with other JVM options (the launcher's stay as they are for bin/dev)
      console.log(`Restarting each service with the JVM options ${opts.jvmOptions.join(' ')} ...`);
      for (const name of APPLICATIONS) await backend.restartAlone(name, {}, opts.jvmOptions);
    }
    const idle = memoryOf();

    console.log(`Seeding (${opts.size}) through the API ...`);
    // SIGSTOP and SIGCONT: the events of the seeding's replies, likes and messages wait for the notifications service
    const notifications = (signal) => () => process.kill(backend.pids.notifications, signal);
    report.seeding = await seed({ env: backend.env, out: data, size: SIZES[opts.size],
      consumer: { pause: notifications('SIGSTOP'), resume: notifications('SIGCONT'),
        cpu: () => Object.fromEntries(Object.entries(backend.measured()).map(([name, pid]) => [name, cpuSeconds(pid)])) } });
    report.counts = report.seeding.counts;
    const afterSeed = memoryOf();

    if (opts.soak) {
      console.log(`Soak: mixed at half its capacity for ${opts.soak} min:`);
      report.soak = await runSoak({ backend, data, minutes: opts.soak, connections: level, warmup: opts.warmup,
        duration: opts.duration, memoryOf, applications: APPLICATIONS });
    }

    // the full run: every scenario warm, the slowest profiled, tracing on, then each service alone and cold
    const fullRun = async () => {
      const runScenario = async (s, cache, levels = opts.connections) => {
        const port = backend.ports[s.via];
        const scenario = { port, scenario: s.kind, data };
        if (opts.warmup > 0) {
          const warm = await runWrk({ ...scenario, connections: Math.max(...opts.connections), seconds: opts.warmup });
          if (warm.non2xx + warm.socket_errors > 0) {
            report.warmup_errors.push({ scenario: s.name, cache, non2xx: warm.non2xx, socket_errors: warm.socket_errors, error_samples: warm.error_samples });
            console.log(`  ${s.name} warm-up: ${warm.non2xx} non-2xx, ${warm.socket_errors} socket errors ${warm.error_samples ?? ''}`);
          }
          await sleep(1000);
        }
        if (s.writes) await awaitQueueDrained(backend.env, 600);
        for (const connections of levels) {
          const processes = backend.measured();
          const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
          const result = await runWrk({ ...scenario, connections, seconds: opts.duration });
          // wrk hangs up with requests in flight: let the services finish them, and count their CPU time here
          await sleep(1000);
          // what a write sets off (notifications made from its events) is part of its cost: wait for it, then count
          const drain = s.writes ? round(await awaitQueueDrained(backend.env, 600)) : null;
          const cpu = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, round(cpuSeconds(pid) - before[name])]));
          cpu.wrk = result.wrk_cpu_s;
          const run = {
            scenario: s.name, cache: s.kind === 'health' ? null : cache, via: s.via, tracing: s.tracing ?? null, connections, ...result,
            events_drain_s: drain, cpu_s: cpu,
            cpu_s_per_1k: Object.fromEntries(Object.entries(cpu).map(([name, seconds]) => [name, round((seconds / result.requests) * 1000, 3)])),
          };
          delete run.wrk_cpu_s;
          report.runs.push(run);
          const l = run.latency_ms;
          console.log(`  ${s.name.padEnd(15)} ${(run.cache ?? '-').padEnd(5)} c=${String(connections).padEnd(3)} ` +
            `${String(run.rps).padStart(9)} req/s  p50 ${l.p50} p90 ${l.p90} p99 ${l.p99} max ${l.max} ms  ` +
            `non-2xx ${run.non2xx} socket errors ${run.socket_errors}${drain ? `  events drained in ${drain} s` : ''}`);
          if (run.error_samples) console.log(`      first errors: ${run.error_samples}`);
        }
      };

      console.log('Load, cache warm (in-process):');
      for (const s of warmPlan) await runScenario(s, 'warm');
      if (wanted(LIVE_STREAMS.name)) {
        const count = Math.min(LIVE_STREAMS.count, (SIZES[opts.size].users - 1) * 5);
        console.log(`Live notifications: ${count} open streams while write-mix runs at ${level} connections ...`);
        await awaitQueueDrained(backend.env, 600);
        // twice: write-mix as fast as it is answered (the machine saturated, every queue behind it grows), then at
        // half the rate that run measured (a deployment sized for its load), as the soak runs `mixed`
        const streamsAt = async (writeRate) => {
          const s = await runStreams({ port: backend.ports.edge, data, pids: backend.pids, count,
            seconds: Math.max(opts.duration, 20), writeConnections: level, writeRate });
          console.log(`  write-mix at ${writeRate ? `${writeRate} req/s` : 'full speed'}: write response to event ` +
            `p50 ${s.write_to_event_ms.p50} p99 ${s.write_to_event_ms.p99} ms ` +
            `(${s.events.received} of ${s.events.expected} events), memory per open stream ` +
            `${s.memory_per_stream_kib.notifications} KiB (notifications), ${s.memory_per_stream_kib.edge} KiB (edge)`);
          await awaitQueueDrained(backend.env, 600);
          return s;
        };
        report.streams = await streamsAt(null);
        report.streams_paced = await streamsAt(Math.max(1, Math.round(report.streams.write_mix.rps / 2)));
      }
      const afterLoad = memoryOf();

      // the slowest scenario: fewest requests per second at the profiling level (the highest mean latency there)
      const candidates = report.runs.filter((r) => r.cache === 'warm' && r.connections === level);
      const slowest = opts.profile === 'auto'
        ? candidates.sort((a, b) => a.rps - b.rps)[0]?.scenario
        : (opts.profile === 'none' ? null : opts.profile);
      if (slowest) {
        const s = warmPlan.find((p) => p.name === slowest);
        if (!s) throw new Error(`--profile ${slowest}: no such warm scenario`);
        console.log(`Profiling ${slowest} at ${level} connections with JFR ...`);
        const files = Object.fromEntries(APPLICATIONS.map((name) => [name, join(results, `${stem}-${name}.jfr`)]));
        for (const name of APPLICATIONS) startRecording(backend.pids[name], files[name]);
        const processes = backend.measured();
        const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
        const result = await runWrk({ port: backend.ports[s.via], scenario: s.kind, data, connections: level, seconds: Math.max(opts.duration, 10) });
        const cpu = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, round(cpuSeconds(pid) - before[name])]));
        cpu.wrk = result.wrk_cpu_s;
        for (const name of APPLICATIONS) stopRecording(backend.pids[name]);
        if (s.writes) await awaitQueueDrained(backend.env, 600);
        report.profile = { scenario: slowest, connections: level, rps: result.rps, latency_ms: result.latency_ms,
          duration_s: result.duration_s, cpu_s: cpu, services: {} };
        for (const name of APPLICATIONS) {
          const summary = summarize(files[name], `${name}: ${slowest} at ${level} connections, commit ${commit}`);
          report.profile.services[name] = { jfr: `${stem}-${name}.jfr`, collapsed: `${stem}-${name}.collapsed`,
            flame_graph: summary.samples ? `${stem}-${name}.svg` : null, ...summary };
        }
      }

      // tracing off, then on: every service restarted (on: exporting its spans to a local OTLP receiver, as to
      // Honeycomb in AWS), the cache warmed again by the warm-up, the same scenarios at the highest concurrency
      const receiver = TRACED.some(wanted) ? await startOtlpReceiver() : null;
      if (receiver) {
        const variants = { off: {}, on: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' } };
        for (const [tracing, env] of Object.entries(variants)) {
          console.log(`Tracing ${tracing}: restarting every service${tracing === 'on' ? `, exporting its spans to ${receiver.url}` : ''} ...`);
          for (const name of APPLICATIONS) await backend.restartAlone(name, env, opts.jvmOptions);
          for (const s of tracedPlan(tracing)) await runScenario(s, 'warm', [level]);
        }
        report.tracing = { exports: receiver.received.exports, bytes: receiver.received.bytes };
      }

      // each service on its own, as one Fargate task starts it, and with the cache off (and no tracing) for the cold
      // scenarios
      console.log('Restarting each service alone with the cache off ...');
      const alone = {};
      for (const name of APPLICATIONS) {
        alone[name] = await backend.restartAlone(name, { CRUDDUR_CACHE: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
          QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: undefined }, opts.jvmOptions);
        console.log(`  ${name}: ready ${alone[name].ready_s} s after its JVM started (Quarkus: started in ${alone[name].quarkus_started_s} s)`);
      }
      await receiver?.close();
      const aloneIdle = memoryOf();
      if (coldPlan.length) console.log('Load, cache off (cold):');
      for (const s of coldPlan) await runScenario(s, 'cold');

      // per process: start-up, memory, and CPU per 1,000 requests over the warm API scenarios (baselines left out)
      const apiRuns = report.runs.filter((r) => r.cache === 'warm' && !r.tracing);
      const requests = apiRuns.reduce((t, r) => t + r.requests, 0);
      for (const name of [...Object.keys(backend.measured()), 'wrk']) {
        const cpu = apiRuns.reduce((t, r) => t + (r.cpu_s[name] ?? 0), 0);
        const jvm = APPLICATIONS.includes(name) ? cmdline(backend.pids[name]) : null;
        report.services[name] = {
          kind: APPLICATIONS.includes(name) ? 'service' : (name === 'wrk' ? 'load generator' : 'emulator'),
          jvm_options: jvm ? jvm.slice(1, jvm.indexOf('-jar')) : undefined,
          startup_all_at_once: backend.startup[name],
          startup_alone: alone[name],
          rss_idle_mb: idle[name]?.rss_mb,
          rss_after_seed_mb: afterSeed[name]?.rss_mb,
          rss_after_load_mb: afterLoad[name]?.rss_mb,
          peak_rss_mb: afterLoad[name]?.peak_rss_mb,
          rss_alone_idle_mb: aloneIdle[name]?.rss_mb,
          cpu_s_per_1k: requests ? round((cpu / requests) * 1000, 3) : null,
        };
      }
    };
    if (!opts.soak) await fullRun();
    report.dead_letters = await queueDepth(backend.env, backend.env.EVENTS_QUEUE_URL.replace(/cruddur-events$/, 'cruddur-events-dlq'));
  } catch (e) {
    console.error(`\nThe benchmark failed: ${e.stack ?? e}\nLogs: ${state}`);
    if (backend.pids.notifications) process.kill(backend.pids.notifications, 'SIGCONT'); // if paused by the seeding
    await stop(1);
  }
  await backend.stop();
  const left = [...findPids('java', join(root, 'services')), ...findPids('node', join(root, 'services/local-stack/emulators'))];
  if (left.length) console.error(`Warning: processes of this checkout still run after the stop: ${left.join(', ')}`);
  report.logged_problems = loggedProblems(join(state, 'logs'));
  cpSync(join(state, 'logs'), join(results, `${stem}-logs`), { recursive: true });

  report.finished_at = new Date().toISOString();
  report.elapsed_s = round((Date.now() - began) / 1000 + Number(process.env.BENCH_BUILD_SECONDS ?? 0), 0);
  addRatios(report);
  report.checks = opts.soak ? [] : checks(report);
  const json = join(results, `${stem}.json`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(json.replace(/\.json$/, '.md'), opts.soak ? soakMarkdown(report) : markdown(report, readBefore(results)));
  rmSync(state, { recursive: true, force: true });
  // only a full run speaks for the system: a smaller or partial one never replaces the README's figures
  const readme = join(root, 'bench/README.md');
  if (opts.size === 'default' && !opts.scenarios && (opts.soak || updateReadme(report, readme, stem)) && updateIssueTable(readme, results)) {
    console.log('bench/README.md now shows this run (commit it with the results).');
  }
  console.log(`\nDone in ${Math.round(report.elapsed_s / 60)} min: bench/results/${stem}.md and .json (logs in bench/results/${stem}-logs/)`);
  for (const check of report.checks) console.log(`  ${check.met === null ? '?' : check.met ? 'met    ' : 'NOT met'}  ${check.figure}: ${check.measured}`);
  if (opts.soak) console.log(soakMarkdown(report).split('\n').slice(6, 15).join('\n'));
}

main().catch((e) => {
  console.error(e.stack ?? e);
  process.exit(1);
});
