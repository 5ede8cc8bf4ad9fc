/**
 * A transaction's retries stop inside the function's own time-out (80% of it): the local host's
 * when it says one, else the one config.json gives the function (built into its bundle).
 */
import { deadlineMs } from '../../cloudfunctions/_shared/transaction';

const globals = globalThis as { TONGXIN_CONFIGURED_TIMEOUT_SECONDS?: number };
afterEach(() => {
  delete process.env.TONGXIN_FUNCTION_TIMEOUT_MS;
  delete globals.TONGXIN_CONFIGURED_TIMEOUT_SECONDS;
});

it('uses the time-out the host says is in force', () => {
  process.env.TONGXIN_FUNCTION_TIMEOUT_MS = '40000';
  globals.TONGXIN_CONFIGURED_TIMEOUT_SECONDS = 10;
  expect(deadlineMs()).toBe(32_000);
});

it("uses the function's configured time-out on CloudBase, where nothing says one", () => {
  globals.TONGXIN_CONFIGURED_TIMEOUT_SECONDS = 10;
  expect(deadlineMs()).toBe(8_000);
  globals.TONGXIN_CONFIGURED_TIMEOUT_SECONDS = 30;
  expect(deadlineMs()).toBe(24_000);
});
