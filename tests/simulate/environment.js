/**
 * jsdom (for j-component / miniprogram-simulate) plus the Node globals the in-process
 * local stack needs (fetch for its HTTP helpers, setImmediate, TextEncoder, ...), which
 * Jest's jsdom environment hides.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch', 'Headers', 'Request', 'Response', 'setImmediate', 'clearImmediate',
  'TextEncoder', 'TextDecoder', 'structuredClone', 'ReadableStream', 'MessageChannel',
];

class SimulateEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) {
      if (this.global[name] === undefined && globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
}

module.exports = SimulateEnvironment;
