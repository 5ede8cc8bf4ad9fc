// One Jest run, one project per test layer (DESIGN §8). e2e runs separately (npm run test:e2e).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2020',
  },
  module: { type: 'commonjs' },
}];

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/miniprogram/src/$1' },
  testEnvironment: 'node',
  // Built bundles carry package.json files of their own; keep them out of Jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/miniprogram/dist/'],
};

module.exports = {
  // Generous: a loaded machine may be slow; no test asserts a time.
  testTimeout: 120000,
  // Jest's default is cores − 1, one worker on this 2-core machine; the tests wait on the
  // function host's threads and HTTP as much as they compute, so every core gets a worker.
  maxWorkers: '100%',
  // One build of the function bundles and one seeded snapshot per run (tests/support/test-run.ts).
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'emulator', testMatch: ['<rootDir>/tests/emulator/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    {
      ...base,
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/miniprogram/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/miniprogram/setup.ts'],
      // Taro's runtime needs a mini-program host: pages run on DOM test doubles instead.
      moduleNameMapper: {
        ...base.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/miniprogram/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/miniprogram/mocks/components.tsx',
        '\\.css$': '<rootDir>/tests/miniprogram/mocks/style.ts',
      },
    },
    {
      ...base,
      displayName: 'simulate',
      // jsdom for miniprogram-simulate, plus Node's fetch/setImmediate for the in-process stack.
      testEnvironment: '<rootDir>/tests/simulate/environment.js',
      testMatch: ['<rootDir>/tests/simulate/**/*.test.ts'],
    },
  ],
};
