// A local OTLP/HTTP receiver for the "tracing on" runs: the services export their spans here (protobuf over HTTP, as
// to any OTLP endpoint) and it answers each export with an empty ExportTraceServiceResponse, counting the exports and
// their bytes so the report shows that spans did arrive. It keeps nothing: the figure is what exporting costs the
// services. It runs inside the harness's own Node process, so its CPU time is not counted with the services'.
import { createServer } from 'node:http';

export async function startOtlpReceiver() {
  const received = { exports: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (chunk) => { received.bytes += chunk.length; });
    req.on('end', () => {
      if (req.method === 'POST' && req.url.endsWith('/v1/traces')) received.exports++;
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf', 'Content-Length': 0 });
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
