// Loaded into dynalite (`node --require close-iterators.js dynalite/cli.js`). dynalite 4.0.0 reads its tables through
// streams over abstract-level iterators and ends each stream by calling the iterator's `return()`, which
// abstract-level's iterators do not have (theirs is `close()`): no iterator was ever closed. Each stayed registered
// with the database and kept the tree it started from, so every write after a query kept the nodes it replaced: the
// heap grew with the writes rather than the data, and collecting it stalled requests for seconds
// (docs/local-stack.md). This gives the iterators the `return()` that closes them.
'use strict';
const { dirname } = require('path');

const memoryLevel = dirname(require.resolve('memory-level'));
const { AbstractIterator } = require(require.resolve('abstract-level/abstract-iterator', { paths: [memoryLevel] }));
// keys, values and entries iterators share this prototype
const common = Object.getPrototypeOf(AbstractIterator.prototype);
if (typeof common.return !== 'function') {
  common.return = async function () {
    await this.close();
    return { done: true, value: undefined };
  };
}
