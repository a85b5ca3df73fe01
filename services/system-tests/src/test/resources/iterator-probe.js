// A test's probe inside dynalite (DynamoDbEmulatorIteratorsTest): counts the iterators open on its databases and
// writes the count to $PROBE_FILE every 100 ms.
'use strict';
const { dirname } = require('path');
const { writeFileSync } = require('fs');

const memoryLevel = dirname(require.resolve('memory-level', { paths: [process.env.EMULATORS] }));
const { AbstractLevel } = require(require.resolve('abstract-level', { paths: [memoryLevel] }));
const { AbstractIterator } = require(require.resolve('abstract-level/abstract-iterator', { paths: [memoryLevel] }));
const CommonIterator = Object.getPrototypeOf(AbstractIterator.prototype).constructor;
const open = new Set();
const attach = AbstractLevel.prototype.attachResource;
const detach = AbstractLevel.prototype.detachResource;
AbstractLevel.prototype.attachResource = function (resource) {
  if (resource instanceof CommonIterator) open.add(resource);
  return attach.call(this, resource);
};
AbstractLevel.prototype.detachResource = function (resource) {
  open.delete(resource);
  return detach.call(this, resource);
};
setInterval(() => writeFileSync(process.env.PROBE_FILE, String(open.size)), 100).unref();
