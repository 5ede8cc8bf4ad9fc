import '@testing-library/jest-dom';
import { clearStorageSync, modalAnswer, setRouterParams } from './mocks/taro';
import { resetLargeFontForTests } from '@/hooks/useLargeFont';

beforeEach(() => {
  clearStorageSync();
  setRouterParams({});
  modalAnswer.confirm = true;
  resetLargeFontForTests();
  jest.clearAllMocks();
});
