// The parser the benchmark times, built fresh from its TypeScript source.
'use strict';

const { bundleAndRequire } = require('../lib/scriptSupport');

const PARSER_ENTRY = 'src/core/wire/parseTask.ts';

/** The parser module: `parseTaskResponse`, `parseBatchResponse`, `parseTaskData`. */
function loadParser() {
  return bundleAndRequire(PARSER_ENTRY);
}

module.exports = { loadParser };
