/** The micro-lesson watch rule: real viewing completes; seeking and fast reports earn nothing. */
import fc from 'fast-check';
import { applyReport, EMPTY_WATCH, isComplete, watchedRatio, watchedSeconds, addSegment, type WatchState } from '../../shared/study/watch';

const DURATION = 60;

/** Plays from `from` to `to` at `rate`× with a report every `every` seconds of video. */
function play(state: WatchState, session: string, from: number, to: number, start: number, rate = 1, every = 3): { state: WatchState; at: number } {
  let s = applyReport(state, { sessionId: session, position: from, at: start }, DURATION);
  let at = start;
  for (let p = from + every; p < to + every; p += every) {
    const position = Math.min(p, to);
    at += ((position - (p - every)) / rate) * 1000;
    s = applyReport(s, { sessionId: session, position, at }, DURATION);
  }
  return { state: s, at };
}

describe('watch rule', () => {
  it('credits normal viewing and completes at 80%', () => {
    const { state } = play(EMPTY_WATCH, 'a', 0, 48, 0);
    expect(watchedSeconds(state.segments)).toBeCloseTo(48);
    expect(isComplete(state, DURATION)).toBe(true);
    expect(isComplete(play(EMPTY_WATCH, 'a', 0, 45, 0).state, DURATION)).toBe(false);
  });

  it('credits 2× playback but not faster', () => {
    expect(watchedRatio(play(EMPTY_WATCH, 'a', 0, 60, 0, 2).state, DURATION)).toBe(1);
    // At 4× the minute takes 15 s: at most 2× that wall time (plus slack) is credited, short of 80%.
    const fast = play(EMPTY_WATCH, 'a', 0, 60, 0, 4).state;
    expect(watchedSeconds(fast.segments)).toBeLessThanOrEqual((15 + 1.5) * 2);
    expect(isComplete(fast, DURATION)).toBe(false);
  });

  it('does not credit seeking to the end', () => {
    let s = applyReport(EMPTY_WATCH, { sessionId: 'a', position: 0, at: 0 }, DURATION);
    s = applyReport(s, { sessionId: 'a', position: 60, at: 120_000 }, DURATION);
    expect(watchedSeconds(s.segments)).toBe(0);
    // Nor seeking in 15-second hops reported quickly.
    let t = applyReport(EMPTY_WATCH, { sessionId: 'b', position: 0, at: 0 }, DURATION);
    for (let i = 1; i <= 4; i += 1) t = applyReport(t, { sessionId: 'b', position: i * 15, at: i * 1000 }, DURATION);
    expect(isComplete(t, DURATION)).toBe(false);
  });

  it('does not let many tiny fast reports outrun the clock', () => {
    let s = applyReport(EMPTY_WATCH, { sessionId: 'a', position: 0, at: 0 }, DURATION);
    for (let i = 1; i <= 40; i += 1) s = applyReport(s, { sessionId: 'a', position: i * 1.5, at: i * 100 }, DURATION);
    // 4 s of wall time at most 2× plus slack: well under 80% of a minute.
    expect(watchedSeconds(s.segments)).toBeLessThanOrEqual((4 + 1.5) * 2);
  });

  it('starts a new anchor for a new session, and replays add nothing new', () => {
    const first = play(EMPTY_WATCH, 'a', 0, 30, 0).state;
    const second = play(first, 'b', 30, 60, 100_000).state;
    expect(watchedRatio(second, DURATION)).toBe(1);
    const replay = play(second, 'c', 0, 60, 200_000).state;
    expect(replay.segments).toEqual(second.segments);
  });

  it('keeps segments merged and never counts a second twice (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 1, max: 15 })), { maxLength: 30 }), (parts) => {
        let segments: Array<[number, number]> = [];
        for (const [s, len] of parts) segments = addSegment(segments, [s, Math.min(60, s + len)]);
        for (let i = 1; i < segments.length; i += 1) expect(segments[i][0]).toBeGreaterThan(segments[i - 1][1]);
        expect(watchedSeconds(segments)).toBeLessThanOrEqual(60);
      }),
    );
  });

  it('bounds credit by the real time since the first report across sessions, so new sessions earn no fresh slack', () => {
    // The attack: a new sessionId every 3 reports, a report every 16 ms moving 3 s: 480 reports in 7.7 s.
    const duration = 600;
    let state = EMPTY_WATCH;
    let at = 1_000_000;
    for (let i = 0; i < 480; i += 1) {
      at += 16;
      state = applyReport(state, { sessionId: `s${Math.floor(i / 3)}`, position: Math.min(duration, (i % 200) * 3), at }, duration);
    }
    const elapsed = (at - 1_000_016) / 1000;
    expect(watchedSeconds(state.segments)).toBeLessThanOrEqual((elapsed + 1.5) * 2 + 1e-9);
    expect(isComplete(state, duration)).toBe(false);
  });

  it('still credits one real viewing spread over two devices, one after the other', () => {
    const phone = play(EMPTY_WATCH, 'phone', 0, 30, 0);
    const { state } = play(phone.state, 'pad', 30, 60, phone.at + 5000);
    expect(watchedSeconds(state.segments)).toBeCloseTo(60);
    expect(isComplete(state, DURATION)).toBe(true);
  });

  it('never credits more than real time allows over any interleaving of sessions', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ session: fc.integer({ min: 0, max: 4 }), position: fc.integer({ min: 0, max: DURATION }), gapMs: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 200 }), (reports) => {
        let state = EMPTY_WATCH;
        let at = 0;
        for (const r of reports) {
          at += r.gapMs;
          state = applyReport(state, { sessionId: `s${r.session}`, position: r.position, at }, DURATION);
        }
        const first = reports.length ? reports[0].gapMs : 0;
        expect(watchedSeconds(state.segments)).toBeLessThanOrEqual(((at - first) / 1000 + 1.5) * 2 + 1e-9);
      }),
    );
  });
});
