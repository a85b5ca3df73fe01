// The packaged backend under test, started by the local-stack launcher exactly as bin/dev starts it (emulators, user
// pool, the four services and the edge, each a tethered child process), on its own ports and state folder.
// Also finds the processes to measure, and restarts a service on its own (same command line and environment, read
// from /proc) to time a start-up that shares the machine with nothing, and to switch its cache off.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { alive, cmdline, cwd, environ, findPids, startedAtMs } from './procfs.mjs';
import { readEnvFile, sleep } from './util.mjs';

export const SERVICES = ['users', 'activities', 'notifications', 'messages'];
export const APPLICATIONS = [...SERVICES, 'edge'];
const START_TIMEOUT_MS = 300_000;

const LAUNCHER_JAR = (root) => join(root, 'services/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar');
const jarOf = (root, name) => join(root, 'services', name, 'target/quarkus-app/quarkus-run.jar');
const notTether = (pid) => !cmdline(pid).some((arg) => arg.endsWith('tether.js'));

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

async function isReady(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/q/health/ready`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** "started in 1.234s", Quarkus's own count from its first class to ready (the last one in the log). */
function quarkusStartedSeconds(log) {
  if (!existsSync(log)) return null;
  const all = [...readFileSync(log, 'utf8').matchAll(/started in ([\d.]+)s/g)];
  return all.length ? Number(all[all.length - 1][1]) : null;
}

async function waitExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

export class Backend {
  constructor({ root, state, apiPort, cache, password }) {
    Object.assign(this, { root, state, cache, password });
    this.ports = { edge: apiPort };
    SERVICES.forEach((name, i) => { this.ports[name] = apiPort + 1 + i; });
    this.pids = {};
    this.startup = {};
    this.solo = {};
  }

  async start() {
    for (const [name, port] of Object.entries(this.ports)) {
      if (await portOpen(port)) throw new Error(`port ${port} (${name}) is in use: pick other ports with --port`);
    }
    const log = openSync(join(this.state, 'launcher.log'), 'a');
    // tethered like every process it starts: if this harness dies (even by kill -9), the pipe closes and the tether
    // stops the launcher, which stops the rest
    this.launcher = spawn('node', [join(this.root, 'services/local-stack/emulators/tether.js'), 'java',
      `-Dcruddur.root=${this.root}`, '-jar', LAUNCHER_JAR(this.root)], {
      cwd: this.root,
      stdio: ['pipe', log, log],
      env: { ...process.env, CRUDDUR_CACHE: this.cache, CRUDDUR_PORT: String(this.ports.edge),
        CRUDDUR_STATE_DIR: this.state, CRUDDUR_DEMO_PASSWORD: this.password,
        CRUDDUR_DYNAMODB_PORT: '0', CRUDDUR_COGNITO_PORT: '0', CRUDDUR_SQS_PORT: '0', CRUDDUR_S3_PORT: '0',
        // a load test is the abuse the rate limits stop (docs/rate-limits.md): measure the backend, not the limits
        CRUDDUR_RATE_LIMITS: 'false' },
    });
    closeSync(log);
    let exited = null;
    this.launcher.once('exit', (code, signal) => { exited = signal ?? code; });

    // watch every service become ready while the launcher starts them all at once
    const readyAt = {};
    let watching = true;
    const watchers = APPLICATIONS.map(async (name) => {
      while (watching && !readyAt[name]) {
        if (await isReady(this.ports[name])) readyAt[name] = Date.now();
        else await sleep(50);
      }
    });
    const envFile = join(this.state, 'local.env');
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!existsSync(envFile)) {
      if (exited !== null) throw new Error(`the launcher exited (${exited}); see ${join(this.state, 'launcher.log')}`);
      if (Date.now() > deadline) throw new Error(`the backend did not start; see ${join(this.state, 'launcher.log')}`);
      await sleep(200);
    }
    watching = false;
    await Promise.all(watchers);
    this.env = readEnvFile(envFile);
    this.env.CRUDDUR_API_URL = `http://127.0.0.1:${this.ports.edge}`;

    for (const name of APPLICATIONS) {
      const pid = findPids('java', jarOf(this.root, name)).filter(notTether)[0];
      if (!pid) throw new Error(`cannot find the ${name} process`);
      this.pids[name] = pid;
      this.startup[name] = {
        // all five JVMs and the emulators start at once and share the cores: this is bin/dev's start, not one task's
        ready_s: readyAt[name] ? +((readyAt[name] - startedAtMs(pid)) / 1000).toFixed(2) : null,
        quarkus_started_s: quarkusStartedSeconds(join(this.state, 'logs', `${name}.log`)),
      };
    }
    const emulators = join(this.root, 'services/local-stack/emulators/node_modules');
    this.pids.dynalite = findPids('node', join(emulators, 'dynalite/cli.js')).filter(notTether)[0];
    // cognito-local runs inside emulators/cognito.js (docs/local-stack.md, "The local Cognito")
    this.pids['cognito-local'] = findPids('node', join(emulators, '..', 'cognito.js')).filter(notTether)[0];
    // the launcher's JVM also runs the SQS emulator (ElasticMQ) and the proxy the services reach it through
    this.pids['launcher (SQS)'] = findPids('java', LAUNCHER_JAR(this.root)).filter(notTether)[0];
  }

  /** The service processes, then the emulators: what each scenario's CPU time is read from. */
  measured() {
    return Object.fromEntries(Object.entries(this.pids).filter(([, pid]) => pid));
  }

  /**
   * Stops the running instance of a service and starts the same command line with the same environment (plus
   * `overrides`, and other JVM options if given) on its own, tethered to this process; returns the seconds from its
   * JVM's start to ready.
   */
  async restartAlone(name, overrides, jvmOptions = null) {
    const old = this.pids[name];
    let argv = cmdline(old);
    if (jvmOptions) argv = [argv[0], ...jvmOptions, ...argv.slice(argv.indexOf('-jar'))];
    const env = { ...environ(old), ...overrides };
    const dir = cwd(old);
    process.kill(old, 'SIGTERM');
    if (!(await waitExit(old, 30_000))) throw new Error(`${name} (pid ${old}) did not stop`);
    while (await portOpen(this.ports[name])) await sleep(50);

    const logFile = join(this.state, 'logs', `${name}-alone.log`);
    const log = openSync(logFile, 'a');
    const child = spawn('node', [join(this.root, 'services/local-stack/emulators/tether.js'), ...argv],
      { cwd: dir, env, stdio: ['pipe', log, log] });
    closeSync(log);
    this.solo[`${name}-${child.pid}`] = child;
    const deadline = Date.now() + 120_000;
    while (!(await isReady(this.ports[name]))) {
      if (child.exitCode !== null) throw new Error(`${name} exited during start-up; see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`${name} not ready after 120 s; see ${logFile}`);
      await sleep(20);
    }
    const readyAt = Date.now();
    const pid = findPids('java', jarOf(this.root, name)).filter(notTether).find((p) => p !== old);
    this.pids[name] = pid;
    return {
      ready_s: +((readyAt - startedAtMs(pid)) / 1000).toFixed(2),
      quarkus_started_s: quarkusStartedSeconds(logFile),
    };
  }

  /** Stops what this started: the services started alone, then the launcher (which stops the rest). */
  async stop() {
    await Promise.all(Object.values(this.solo).map((child) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.stdin.end(); // the tether stops its JVM when this pipe closes
      setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 30_000).unref();
    })));
    if (this.launcher && this.launcher.exitCode === null) {
      const exited = new Promise((resolve) => this.launcher.once('exit', resolve));
      // SIGTERM to the launcher itself, not the tether (whose SIGKILL comes after 10 s): it stops every service
      // and emulator in order, which can take longer; the tether exits with it
      const pid = this.pids['launcher (SQS)'];
      if (pid && alive(pid)) process.kill(pid, 'SIGTERM');
      else this.launcher.stdin.end();
      const timer = setTimeout(() => {
        if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
        this.launcher.kill('SIGKILL');
      }, 60_000);
      await exited;
      clearTimeout(timer);
    }
  }
}
