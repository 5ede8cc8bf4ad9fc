/**
 * Reading a scanned sign-in code (shared by 三会一课 and 会议签到; a module of its own because a
 * page file exports only its component in the weapp build).
 */

/** The token in a scanned code: `scene=` of the mini-program code's path, or of the H5 URL. */
export function sceneFromScan(scan: { path?: string; result?: string }): string | null {
  for (const text of [scan.path, scan.result]) {
    if (!text || !text.includes('meeting-signin')) continue;
    const m = /[?&]scene=([^&#]+)/.exec(text);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return m[1];
      }
    }
  }
  return null;
}
