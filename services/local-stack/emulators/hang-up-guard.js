// Loaded into dynalite (`node --require hang-up-guard.js dynalite/cli.js`). dynalite throws from a request's 'error'
// listener when its client hangs up before the answer (a service stopped mid-call: Backend.stopService, bench/run's
// restarts), and the throw ended the process, so every other client lost DynamoDB. A hang-up concerns only the client
// that left: log it and keep serving; anything else still ends the process.
process.on('uncaughtException', (error) => {
  if (error && error.code === 'ECONNRESET') {
    console.error(`a client hung up before its answer (${error.message}); still serving`);
    return;
  }
  console.error(error);
  process.exit(1);
});
