/** The emulator reads CloudBase timer crons the project uses; anything else fails loudly. */
import { cronIntervalMs, timerEvent } from '../../emulator/functions/timers';

describe('timer triggers', () => {
  it('turns every-minute and every-N crons into intervals', () => {
    expect(cronIntervalMs('0 * * * * * *')).toBe(60_000);
    expect(cronIntervalMs('0 */5 * * * * *')).toBe(300_000);
    expect(cronIntervalMs('*/10 * * * * * *')).toBe(10_000);
  });

  it('refuses crons it cannot run', () => {
    expect(() => cronIntervalMs('0 0 2 * * * *')).toThrow(/not supported/);
  });

  it('builds the event CloudBase sends', () => {
    expect(timerEvent('dispatch', new Date('2026-11-26T00:00:00Z'))).toEqual({ Type: 'Timer', TriggerName: 'dispatch', Time: '2026-11-26T00:00:00.000Z', Message: '' });
  });
});
