/** Files in CloudBase storage: temporary URLs to show them, and the folder a phone must upload to. */
import { AppError } from '../../shared/api/errors';
import { isInFolder } from '../../shared/domain/files';
import { cloud, database } from './cloud';
import { hiddenFiles } from './media-checks';
import { currentMemberId } from './call-context';

/** CloudBase answers at most 50 files a getTempFileURL (and deleteFile) call. */
export const FILES_PER_CALL = 50;

/**
 * Temporary URLs for stored files, 50 a storage call, the calls at once. Files that are gone,
 * images found risky, and images held for WeChat's check (but for the uploader's own view:
 * media-checks.ts) are left out.
 */
export async function tempUrls(fileIds: readonly string[], maxAge = 2 * 3600): Promise<Map<string, string>> {
  const hidden = fileIds.length ? await hiddenFiles(database(), fileIds, currentMemberId()) : new Set<string>();
  const unique = [...new Set(fileIds)].filter((id) => !hidden.has(id));
  const urls = new Map<string, string>();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += FILES_PER_CALL) chunks.push(unique.slice(i, i + FILES_PER_CALL));
  const replies = await Promise.all(chunks.map((chunk) => cloud().getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge })) })));
  for (const { fileList } of replies) {
    for (const f of fileList as Array<{ fileID: string; tempFileURL: string; code: string }>) if (f.code === 'SUCCESS') urls.set(f.fileID, f.tempFileURL);
  }
  return urls;
}

/**
 * Files must have been uploaded under `folder` (e.g. `notes/<memberId>`), a folder that names
 * the owner or the branch, so nobody can attach another person's or another branch's files by
 * their id. The rule is shared/domain/files.ts: whole path segments from the start, no `..`.
 */
export function requireFolder(fileIds: readonly string[], folder: string, field: string, message = '文件不属于这里，请重新上传'): void {
  if (fileIds.some((id) => !isInFolder(id, folder))) throw new AppError('INVALID_INPUT', message, { [field]: message });
}
