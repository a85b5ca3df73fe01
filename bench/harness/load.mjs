// One bounded wrk run of a scenario against loopback, with the Lua script of bench/lua; its figures, and the CPU
// time wrk itself used (the load generator shares the machine with the system under test). With a `rate`, wrk sends
// on a fixed schedule (see bench/lua/cruddur.lua) and the figures say how many requests the schedule wanted, how many
// went out, and how far behind their slots they went.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLOCK_TICKS } from './procfs.mjs';

const SCRIPT = fileURLToPath(new URL('../lua/cruddur.lua', import.meta.url));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err}${out}`))));
  });
}

export async function runWrk({ port, scenario, data, connections, seconds, threads = 2, rate = null }) {
  const threadCount = Math.min(threads, connections);
  const args = ['-t', String(threadCount), '-c', String(connections), '-d', `${seconds}s`,
    '--timeout', '5s', '-s', SCRIPT, `http://127.0.0.1:${port}`, '--', scenario, data,
    ...(rate ? [String(rate / threadCount)] : [])];
  // once wrk has been waited for, the shell's own /proc stat holds its CPU time (cutime and cstime, fields 16-17)
  const out = await run('sh', ['-c', 'wrk "$@" && echo "WRK_CPU $(cut -d" " -f16,17 /proc/$$/stat)"', 'sh', ...args]);
  const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no figures:\n${out}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length));
  const cpu = out.split('\n').find((l) => l.startsWith('WRK_CPU '));
  const ticks = cpu ? cpu.split(' ').slice(1).map(Number).reduce((a, b) => a + b, 0) : null;
  const ms = (us) => +(us / 1000).toFixed(2);
  const s = r.socket_errors;
  return {
    requests: r.requests,
    duration_s: +(r.duration_us / 1e6).toFixed(3),
    rps: +(r.requests / (r.duration_us / 1e6)).toFixed(1),
    latency_ms: { mean: ms(r.latency_us.mean), p50: ms(r.latency_us.p50), p75: ms(r.latency_us.p75),
      p90: ms(r.latency_us.p90), p99: ms(r.latency_us.p99), p999: ms(r.latency_us.p999), max: ms(r.latency_us.max) },
    non2xx: r.non2xx,
    socket_errors: s.connect + s.read + s.write + s.timeout,
    socket_error_detail: s,
    error_samples: r.error_samples || undefined,
    bytes: r.bytes,
    // the fixed schedule: requests it wanted in the measured time, those that never went out, and the lag of those sent
    schedule: rate ? { rate, expected: Math.round(rate * (r.duration_us / 1e6)),
      missed: Math.max(0, Math.round(rate * (r.duration_us / 1e6)) - r.requests), lag_ms: r.lag_ms } : undefined,
    wrk_cpu_s: ticks === null ? null : +(ticks / CLOCK_TICKS).toFixed(2),
  };
}
