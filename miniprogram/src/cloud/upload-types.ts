/** Photo upload, one implementation per platform (upload.weapp.ts, upload.h5.ts, upload.ts). */
export type UploadFile = (filePath: string, cloudPath: string) => Promise<string>;

/** A storage path for one photo: only the characters the contract's fileId accepts. */
export function photoCloudPath(folder: string, filePath: string): string {
  const ext = /\.(jpe?g|png|gif|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg';
  const safe = folder.replace(/[^\w/-]/g, '_');
  return `${safe}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
}

const VIDEO_TYPES: Record<string, string> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm', 'video/3gpp': '3gp', 'video/x-m4v': 'm4v' };

/**
 * A storage path for one video: `folder/<random>.<ext>`. The extension comes from the path
 * (weapp temp files keep theirs) or, for H5's blob/data URLs, from the picker's MIME type.
 */
export function videoCloudPath(folder: string, filePath: string, fileType?: string): string {
  const fromPath = /\.(mp4|mov|m4v|webm|3gp)$/i.exec(filePath)?.[1]?.toLowerCase();
  const ext = fromPath ?? VIDEO_TYPES[(fileType ?? '').toLowerCase().split(';')[0].trim()] ?? 'mp4';
  const safe = folder.replace(/[^\w/-]/g, '_');
  return `${safe}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
}

/** The emulator's reply to `/__/storage/client-upload`: `{fileID}`. */
export function fileIdOf(body: unknown): string {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  const id = (parsed as { fileID?: unknown } | null)?.fileID;
  if (typeof id !== 'string' || !id) throw new Error('上传失败，请重试');
  return id;
}
