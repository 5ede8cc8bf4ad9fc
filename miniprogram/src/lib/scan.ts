/** Reading a scanned code: the `scene=` of a mini-program code's path, or of the H5 URL. */

/** The scene of a scanned code for `page` (a fragment of its path, e.g. 'meeting-signin'), or null. */
export function sceneForPage(scan: { path?: string; result?: string }, page: string): string | null {
  for (const text of [scan.path, scan.result]) {
    if (!text || !text.includes(page)) continue;
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

/** An expired sign-in code (the server says so in the token field's message). */
export function isExpiredCode(error: { code: string; message: string; fields?: Record<string, string> }): boolean {
  return error.code === 'INVALID_INPUT' && (error.fields?.token ?? error.message).includes('过期');
}
