// Installs the pinned emulators (npm ci of the committed lockfile), but only when the lockfile changed since the
// last install, so that a build or bin/dev pays for it once. Given a folder, installs that folder's pinned npm tools
// the same way (the docker-compose linter of the system tests).
'use strict';
const { createHash } = require('crypto');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const here = process.argv[2] ? path.resolve(process.argv[2]) : __dirname;
const lock = fs.readFileSync(path.join(here, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = path.join(here, 'node_modules', '.cruddur-lock-sha256');

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) {
  process.exit(0);
}
console.log(`Installing the pinned npm packages of ${here} (npm ci)...`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
fs.writeFileSync(stamp, hash);
