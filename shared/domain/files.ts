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

/**
 * The images a member may upload (photos, covers, signatures): what the bytes are, whatever the
 * name says, and how large. 5 MB is more than any photo the phone's `sizeType: compressed`
 * picker gives and well below what a script or a raw video would be.
 */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

/** The image type the bytes begin with, or null when they are not a JPEG, PNG, GIF or WebP. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * What the phone sends: photos are resized before upload to a long side of at most 1,600 px and
 * re-encoded when larger than 1 MB, so an ordinary camera photo uploads fast and stays well
 * inside what WeChat's image check and the server (IMAGE_MAX_BYTES) take.
 */
export const PHOTO_MAX_SIDE_PX = 1600;
export const PHOTO_TARGET_BYTES = 1024 * 1024;

/** The size to resize a photo to, or null when it may go as it is. */
export function photoResize(width: number, height: number, bytes: number): { width: number; height: number; quality: number } | null {
  const scale = Math.min(1, PHOTO_MAX_SIDE_PX / Math.max(width, height, 1));
  if (scale === 1 && bytes <= PHOTO_TARGET_BYTES) return null;
  return { width: Math.round(width * scale), height: Math.round(height * scale), quality: 80 };
}
