// Where the time goes: a JFR recording of each service (JDK Flight Recorder, built into the JDK; started and stopped
// on the running JVM with jcmd) while one scenario runs, and a summary of its execution samples: the share of each
// component (the frame nearest the top of the stack that belongs to a known library), the methods that were running
// (self), and our own methods on the stack (inclusive). Also writes the stacks in the "collapsed" format that
// flame graph tools read (flamegraph.pl, speedscope), and a flame graph of them (SVG).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { flameGraphSvg } from './flamegraph.mjs';

/** Leaf-most frame wins: a sample counts once, for the first component found walking down from the running method. */
const COMPONENTS = [
  ['Cruddur code', ['com.cruddur.']],
  ['Access token verification (quarkus-oidc, jose4j, security)', ['io.quarkus.oidc.', 'org.jose4j.', 'io.smallrye.jwt.', 'io.quarkus.security.', 'io.quarkus.vertx.http.runtime.security.']],
  ['AWS SDK (DynamoDB, SQS clients)', ['software.amazon.awssdk.']],
  ['JSON (Jackson)', ['com.fasterxml.jackson.']],
  ['REST client (calls to the users service)', ['org.jboss.resteasy.reactive.client.', 'io.quarkus.rest.client.']],
  ['Cache (Caffeine)', ['com.github.benmanes.caffeine.']],
  ['OpenTelemetry', ['io.opentelemetry.', 'io.quarkus.opentelemetry.']],
  ['Metrics (Micrometer)', ['io.micrometer.', 'io.quarkus.micrometer.']],
  ['Logging', ['org.jboss.logmanager.', 'org.jboss.logging.']],
  ['HTTP proxy (edge)', ['io.vertx.httpproxy.']],
  ['REST server (Quarkus REST)', ['org.jboss.resteasy.reactive.', 'io.quarkus.resteasy.reactive.', 'io.quarkus.rest.']],
  ['CDI, context propagation, Mutiny', ['io.quarkus.arc.', 'io.smallrye.']],
  ['HTTP and I/O (Vert.x, Netty)', ['io.vertx.', 'io.netty.', 'io.quarkus.vertx.']],
];

function jcmd(pid, ...args) {
  return execFileSync('jcmd', [String(pid), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function startRecording(pid, file) {
  try {
    jcmd(pid, 'JFR.configure', 'stackdepth=256'); // deeper than the default 64: Quarkus stacks are deep
  } catch {
    // only possible before a JVM's first recording; the default depth then applies
  }
  const out = jcmd(pid, 'JFR.start', 'name=bench', 'settings=profile', `filename=${file}`);
  if (!/Started recording/.test(out)) throw new Error(`JFR did not start on ${pid}: ${out}`);
}

export function stopRecording(pid) {
  jcmd(pid, 'JFR.stop', 'name=bench');
}

const methodName = (frame) => `${frame.method.type.name.replaceAll('/', '.')}.${frame.method.name}`;

function top(counts, total, n) {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([name, samples]) => ({ name, samples, share: +(samples / total).toFixed(3) }));
}

/** The summary of one recording; writes its collapsed stacks and their flame graph next to it. */
export function summarize(file, title) {
  const text = execFileSync('jfr', ['print', '--json', '--stack-depth', '512', '--events', 'jdk.ExecutionSample', file],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  const events = JSON.parse(text).recording.events;
  const self = new Map();
  const own = new Map();
  const components = new Map();
  const stacks = new Map();
  let truncated = 0;
  for (const event of events) {
    const trace = event.values.stackTrace;
    if (!trace || trace.frames.length === 0) continue;
    if (trace.truncated) truncated++;
    const names = trace.frames.map(methodName); // the running method first
    self.set(names[0], (self.get(names[0]) ?? 0) + 1);
    for (const name of new Set(names.filter((n) => n.startsWith('com.cruddur.')))) own.set(name, (own.get(name) ?? 0) + 1);
    const component = names.map((n) => COMPONENTS.find(([, prefixes]) => prefixes.some((p) => n.startsWith(p))))
      .find(Boolean)?.[0] ?? 'JDK and other';
    components.set(component, (components.get(component) ?? 0) + 1);
    const stack = [...names].reverse().join(';');
    stacks.set(stack, (stacks.get(stack) ?? 0) + 1);
  }
  const samples = [...self.values()].reduce((a, b) => a + b, 0);
  const collapsed = [...stacks].map(([stack, count]) => `${stack} ${count}`).join('\n') + '\n';
  writeFileSync(file.replace(/\.jfr$/, '.collapsed'), collapsed);
  if (samples > 0) writeFileSync(file.replace(/\.jfr$/, '.svg'), flameGraphSvg(collapsed, `${title} (${samples} samples)`));
  return {
    samples,
    truncated_stacks: truncated,
    components: top(components, samples || 1, COMPONENTS.length + 1),
    top_self: top(self, samples || 1, 12),
    top_own_inclusive: top(own, samples || 1, 12),
  };
}
