/**
 * How a micro-lesson's viewing is judged, on the server only (DESIGN §5: scoring happens
 * on the server). The player reports its position; a stretch between two reports of one
 * playback session is credited only when it moves forward by a small step, no faster than
 * the player can play, and the session as a whole never gets ahead of the clock. Seeking
 * moves the anchor without credit, so seeking to the end does not count. Across all sessions
 * and devices of one member and lesson, credit never gets ahead of the real time since the
 * member's first report either: starting a new session every few reports (each with a fresh
 * anchor and its slack) cannot complete a 600 s lesson in seconds.
 */
import { WATCH_RULE } from '../domain/study';

export type Segment = [number, number];

export interface WatchState {
  /** Credited stretches of the video, seconds, merged and sorted. */
  segments: Segment[];
  sessionId: string | null;
  /** The last reported position and when the server received it (ms). */
  lastPosition: number | null;
  lastAt: number | null;
  /** When the session began (ms) and how much it has been credited, seconds of video. */
  sessionStartAt: number | null;
  sessionCredited: number;
  /** The member's first report for the lesson, any session (ms), and credit over every session, seconds. */
  firstAt: number | null;
  credited: number;
}

export interface WatchReport {
  sessionId: string;
  position: number;
  /** Server receive time, ms. */
  at: number;
}

export const EMPTY_WATCH: WatchState = { segments: [], sessionId: null, lastPosition: null, lastAt: null, sessionStartAt: null, sessionCredited: 0, firstAt: null, credited: 0 };

/** Adds a stretch to sorted, merged segments. */
export function addSegment(segments: readonly Segment[], [start, end]: Segment): Segment[] {
  const all = [...segments, [start, end] as Segment].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of all) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function watchedSeconds(segments: readonly Segment[]): number {
  return segments.reduce((sum, [s, e]) => sum + (e - s), 0);
}

export function watchedRatio(state: Pick<WatchState, 'segments'>, durationSeconds: number): number {
  if (durationSeconds <= 0) return 0;
  return Math.min(1, Math.round((watchedSeconds(state.segments) / durationSeconds) * 1000) / 1000);
}

export function isComplete(state: Pick<WatchState, 'segments'>, durationSeconds: number, completeRatio: number = WATCH_RULE.completeRatio): boolean {
  // Compare seconds, not the rounded ratio, so 80% of a 6-second video is 4.8 s exactly.
  return watchedSeconds(state.segments) + 1e-9 >= durationSeconds * completeRatio;
}

/** The state after one report. Pure: the caller stores it. */
export function applyReport(state: WatchState, report: WatchReport, durationSeconds: number): WatchState {
  const position = Math.min(Math.max(report.position, 0), durationSeconds);
  const firstAt = state.firstAt ?? report.at;
  const sameSession = state.sessionId === report.sessionId && state.lastPosition !== null && state.lastAt !== null && state.sessionStartAt !== null;
  if (!sameSession) {
    return { ...state, sessionId: report.sessionId, lastPosition: position, lastAt: report.at, sessionStartAt: report.at, sessionCredited: 0, firstAt };
  }
  const step = position - (state.lastPosition as number);
  const wall = Math.max(0, (report.at - (state.lastAt as number)) / 1000);
  const sessionWall = Math.max(0, (report.at - (state.sessionStartAt as number)) / 1000);
  const plausible =
    step > 0 &&
    step <= WATCH_RULE.maxStepSeconds &&
    step <= wall * WATCH_RULE.maxRate + WATCH_RULE.slackSeconds &&
    state.sessionCredited + step <= (sessionWall + WATCH_RULE.slackSeconds) * WATCH_RULE.maxRate &&
    // One slack for the member and lesson, not one per session.
    state.credited + step <= ((report.at - firstAt) / 1000 + WATCH_RULE.slackSeconds) * WATCH_RULE.maxRate;
  return {
    segments: plausible ? addSegment(state.segments, [state.lastPosition as number, position]) : state.segments,
    sessionId: report.sessionId,
    lastPosition: position,
    lastAt: report.at,
    sessionStartAt: state.sessionStartAt,
    sessionCredited: state.sessionCredited + (plausible ? step : 0),
    firstAt,
    credited: state.credited + (plausible ? step : 0),
  };
}
