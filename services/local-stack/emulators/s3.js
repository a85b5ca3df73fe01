// The S3 emulator of the local stack: s3rver (pinned in package-lock.json), so that the browser can PUT an avatar to
// the presigned URL the users service hands out, and read it back. Creates the buckets at start, each with a CORS rule
// for the frontend's origins. Settings: PORT, HOST, S3_BUCKETS and CORS_ORIGINS (comma-separated), S3_DIRECTORY
// (where the objects go; removed when it stops).
'use strict';
const fs = require('fs');
const S3rver = require('s3rver');
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');

const list = (value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
const escape = (text) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

// The services presign with the local runs' placeholder keys (AwsClients): s3rver knows only its own unless told.
// It does not check SigV4 signatures at all, only that the key id is one of its accounts'.
DUMMY_ACCOUNT.createKeyPair('local', 'local');

const cors = `<CORSConfiguration><CORSRule>${list(process.env.CORS_ORIGINS)
  .map((origin) => `<AllowedOrigin>${escape(origin)}</AllowedOrigin>`).join('')}`
  + '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod>'
  + '<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds>'
  + '</CORSRule></CORSConfiguration>';

const directory = process.env.S3_DIRECTORY;
const s3rver = new S3rver({
  port: Number(process.env.PORT ?? 4572),
  address: process.env.HOST ?? '127.0.0.1',
  directory,
  silent: false,
  configureBuckets: list(process.env.S3_BUCKETS).map((name) => ({ name, configs: [cors] })),
});
s3rver.run().then(({ address, port }) => {
  console.log(`S3 (s3rver) on http://${address}:${port}, buckets ${process.env.S3_BUCKETS}`);
}, (error) => {
  console.error(error);
  process.exit(1);
});

// all data is gone when it stops (the tether's SIGTERM), as with the other emulators
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    fs.rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  });
}
