import '@testing-library/jest-dom';
import { clearStorageSync, modalAnswer, setRouterParams } from './mocks/taro';
import { resetLargeFontForTests } from '@/hooks/useLargeFont';

// Each test runs at one instant of the phone's clock: only Date is stopped (timers stay real),
// so a page that reads "this quarter" when it renders and the test that checks it agree even
// when the run crosses midnight at the end of a quarter. Tests that need a moving clock install
// fake timers of their own.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
beforeEach(() => {
  jest.useFakeTimers({ now: Date.now(), doNotFake: [...REAL_TIMERS] });
});
afterEach(() => {
  jest.useRealTimers();
});

beforeEach(() => {
  clearStorageSync();
  setRouterParams({});
  modalAnswer.confirm = true;
  resetLargeFontForTests();
  jest.clearAllMocks();
});
