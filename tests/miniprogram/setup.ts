import '@testing-library/jest-dom';
import { clearStorageSync } from './mocks/taro';
import { resetLargeFontForTests } from '@/hooks/useLargeFont';

beforeEach(() => {
  clearStorageSync();
  resetLargeFontForTests();
  jest.clearAllMocks();
});
