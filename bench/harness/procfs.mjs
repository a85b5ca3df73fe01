// What Linux says about a process, from /proc: CPU time, memory, start time, command line and environment.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), numbered as in proc(5). */
function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (n) => Number(fields[n - 3]);
}

/** User plus system CPU time, in seconds. */
export function cpuSeconds(pid) {
  const field = stat(pid);
  return (field(14) + field(15)) / CLOCK_TICKS;
}

/** Resident memory now and at its peak (VmHWM), in MiB. */
export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))[1]);
  return { rss_mb: +(kib('VmRSS') / 1024).toFixed(1), peak_rss_mb: +(kib('VmHWM') / 1024).toFixed(1) };
}

/** When the process started, in epoch milliseconds (10 ms resolution: /proc counts in clock ticks since boot). */
export function startedAtMs(pid) {
  const started = stat(pid)(22) / CLOCK_TICKS;
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return Date.now() - (uptime - started) * 1000;
}

export const cmdline = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
export const cwd = (pid) => readlinkSync(`/proc/${pid}/cwd`);
export const exe = (pid) => { try { return readlinkSync(`/proc/${pid}/exe`); } catch { return ''; } };

export function environ(pid) {
  return Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter((e) => e.includes('='))
    .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** Pids whose command line contains every one of `parts` and whose executable's name is `program`. */
export function findPids(program, ...parts) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const line = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (parts.every((p) => line.includes(p)) && exe(entry).endsWith(`/${program}`)) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}
