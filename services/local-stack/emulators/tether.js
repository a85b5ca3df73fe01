// Runs one command and ends it when this process's stdin closes, that is when the JVM that started us exits,
// however it exits (even kill -9), or when we get SIGTERM/SIGINT. So no emulator or service outlives its launcher.
'use strict';
const { spawn } = require('child_process');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tether.js <command> [args...]');
  process.exit(2);
}
const child = spawn(command === 'node' ? process.execPath : command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 10000).unref();
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('error', (err) => {
  console.error(`tether: cannot start ${command}: ${err.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
