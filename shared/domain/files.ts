/**
 * Which stored file an input names, and whether it lies in a folder: one rule for every
 * action that takes a file id (photos, signatures, videos, covers, agreements). A file id is
 * `cloud://<env>.<bucket>/<path>`; the path is compared as whole segments from its start,
 * never by substring, and a path with `..`, `.`, empty segments, percent-encoding, backslashes
 * or characters outside [A-Za-z0-9_.-] is no file at all. Plain code: no imports.
 */

const FILE_ID = /^cloud:\/\/[A-Za-z0-9][A-Za-z0-9._-]*\/(.+)$/;
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The normalised path of a stored file (`notes/m-1/a.jpg`), or null when the id is not one. */
export function storedPath(fileId: string): string | null {
  const match = FILE_ID.exec(fileId);
  if (!match || match[1].length > 240) return null;
  const segments = match[1].split('/');
  if (segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..')) return null;
  return segments.join('/');
}

/** True when `fileId` names a file inside `folder` (`checkins/m-1`), at any depth below it. */
export function isInFolder(fileId: string, folder: string): boolean {
  const path = storedPath(fileId);
  const prefix = folder.replace(/^\/+|\/+$/g, '');
  return path !== null && prefix.length > 0 && path.startsWith(`${prefix}/`) && path.length > prefix.length + 1;
}
