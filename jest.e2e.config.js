// The browser suite (npm run test:e2e): Chromium against the server that `npm start` runs.
module.exports = {
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/miniprogram/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 240000,
  // One fresh `npm start` seeds the demo company; every journey starts from a copy (support/server.ts).
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  maxWorkers: 1,
};
