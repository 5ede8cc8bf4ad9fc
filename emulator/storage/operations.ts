/**
 * The storage actions the SDK sends to /admin (getUploadMetadata, batchGetDownloadUrl,
 * batchDeleteFile) and the signed URLs it then uses. fileIDs look like
 * `cloud://ENV.BUCKET/path`, as in CloudBase.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../core/errors';
import { safePath, type FileStore, type StoredFile } from './state';

export interface StorageOptions {
  store: FileStore;
  envId: string;
  /** The emulator's origin, e.g. http://127.0.0.1:9100, used to build URLs. */
  origin: () => string;
  now?: () => number;
}

const UPLOAD_TTL_MS = 10 * 60 * 1000;
/** CloudBase's limit: getTempFileURL / batchGetDownloadUrl and deleteFile take at most 50 files a call. */
export const MAX_FILES_PER_CALL = 50;

function requireAtMost50(list: unknown[], field: string): void {
  // CloudBase documents the limit, not its error; the emulator answers INVALID_PARAM, naming it.
  if (list.length > MAX_FILES_PER_CALL) throw new ServiceError('INVALID_PARAM', `${field} has ${list.length} files; at most ${MAX_FILES_PER_CALL} a call`);
}
const DEFAULT_MAX_AGE_S = 2 * 60 * 60;

export class StorageService {
  private readonly secret = randomBytes(32);
  private readonly uploads = new Map<string, { path: string; expires: number }>();
  readonly bucket: string;

  constructor(private readonly options: StorageOptions) {
    this.bucket = `${options.envId}-bucket`;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  fileId(path: string): string {
    return `cloud://${this.options.envId}.${this.bucket}/${path}`;
  }

  /** `cloud://env.bucket/a/b.png` → `a/b.png`, or null for another bucket or a bad path. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.options.envId}.${this.bucket}/`;
    if (!fileId.startsWith(prefix)) return null;
    return safePath(fileId.slice(prefix.length));
  }

  handle(action: string, body: Record<string, unknown>, requestId: string): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return { requestId, data: this.uploadMetadata(body.path) };
      case 'storage.batchGetDownloadUrl':
        return { requestId, data: { download_list: this.downloadUrls(body.file_list) } };
      case 'storage.batchDeleteFile':
        return { requestId, data: { delete_list: this.deleteFiles(body.fileid_list) } };
      case 'storage.getFileAuthority':
        return { requestId, data: this.authority(body.openId, body.fileList) };
      default:
        throw new ServiceError('INVALID_ACTION', `storage action ${action} is not supported by the emulator`);
    }
  }

  private uploadMetadata(cloudPath: unknown) {
    const path = typeof cloudPath === 'string' ? safePath(cloudPath) : null;
    if (!path) throw new ServiceError('INVALID_PARAM', 'cloudPath is invalid');
    const token = randomUUID();
    this.uploads.set(token, { path, expires: this.now() + UPLOAD_TTL_MS });
    return {
      url: `${this.options.origin()}/__/storage/upload/${token}`,
      token,
      authorization: `local ${token}`,
      fileId: this.fileId(path),
      cosFileId: `cos-${token}`,
    };
  }

  /** Consumes an upload token (single use) and stores the bytes. */
  completeUpload(token: string, file: StoredFile): { ok: true; fileId: string } | { ok: false; code: string; message: string } {
    const upload = this.uploads.get(token);
    this.uploads.delete(token);
    if (!upload || upload.expires < this.now()) {
      return { ok: false, code: 'AccessDenied', message: 'upload token is unknown or expired' };
    }
    this.options.store.put(upload.path, file);
    return { ok: true, fileId: this.fileId(upload.path) };
  }

  /** Stores a file uploaded by a signed-in client (local/H5 mode of the mini-program). */
  putClientFile(cloudPath: string, file: StoredFile): string {
    const path = safePath(cloudPath);
    if (!path) throw new ServiceError('INVALID_PARAM', 'cloudPath is invalid');
    const existing = this.options.store.get(path);
    // The PRIVATE rule: a phone writes new paths and its own files, nothing else (see StoredFile.owner).
    if (existing && file.owner !== undefined && existing.owner !== file.owner) throw new ServiceError('STORAGE_EXCEED_AUTHORITY', 'the file belongs to someone else');
    this.options.store.put(path, file);
    return this.fileId(path);
  }

  /** Every stored file, base64-encoded, for export. */
  exportFiles(): Record<string, { contentType: string; base64: string }> {
    const out: Record<string, { contentType: string; base64: string }> = {};
    for (const path of this.options.store.list()) {
      const file = this.options.store.get(path);
      if (file) out[path] = { contentType: file.contentType, base64: file.bytes.toString('base64') };
    }
    return out;
  }

  /** Replaces every stored file. */
  importFiles(files: Record<string, { contentType: string; base64: string }>): void {
    this.options.store.reset();
    for (const [path, file] of Object.entries(files)) {
      const clean = safePath(path);
      if (clean) this.options.store.put(clean, { contentType: file.contentType, bytes: Buffer.from(file.base64, 'base64') });
    }
  }

  reset(): void {
    this.options.store.reset();
    this.uploads.clear();
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('hex');
  }

  temporaryUrl(path: string, maxAgeSeconds = DEFAULT_MAX_AGE_S): string {
    const expires = this.now() + maxAgeSeconds * 1000;
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${this.options.origin()}/__/storage/file/${encoded}?t=${expires}&sign=${this.sign(path, expires)}`;
  }

  /** Checks a temporary URL's signature and expiry; returns the file or why not. */
  readSigned(path: string, expires: number, signature: string): StoredFile | 'FORBIDDEN' | 'NOT_FOUND' {
    const expected = Buffer.from(this.sign(path, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given) || expires < this.now()) return 'FORBIDDEN';
    return this.options.store.get(path) ?? 'NOT_FOUND';
  }

  private downloadUrls(list: unknown) {
    if (!Array.isArray(list)) throw new ServiceError('INVALID_PARAM', 'file_list must be an array');
    requireAtMost50(list, 'file_list');
    return list.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = typeof item?.fileid === 'string' ? item.fileid : '';
      const path = this.pathOf(fileID);
      if (!path || !this.options.store.get(path)) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
      }
      const maxAge = typeof item.max_age === 'number' && item.max_age > 0 ? item.max_age : DEFAULT_MAX_AGE_S;
      return { fileID, tempFileURL: this.temporaryUrl(path, maxAge), code: 'SUCCESS' };
    });
  }

  /**
   * What a user (the function caller's openid) may do with each file under the PRIVATE rule
   * `cloud:setup` sets: read and write their own files, write a path nobody has used.
   */
  private authority(openId: unknown, list: unknown) {
    if (!Array.isArray(list)) throw new ServiceError('INVALID_PARAM', 'fileList must be an array');
    requireAtMost50(list, 'fileList');
    const user = typeof openId === 'string' ? openId : '';
    return list.map((item: { path?: unknown }) => {
      const given = typeof item?.path === 'string' ? item.path : '';
      const path = given.startsWith('cloud://') ? this.pathOf(given) : safePath(given);
      const file = path ? this.options.store.get(path) : null;
      const own = Boolean(file && user && file.owner === user);
      return { path: given, cosFileId: path ? `cos-${path}` : '', read: own, write: own || (path !== null && !file) };
    });
  }

  private deleteFiles(list: unknown) {
    if (!Array.isArray(list)) throw new ServiceError('INVALID_PARAM', 'fileid_list must be an array');
    requireAtMost50(list, 'fileid_list');
    return list.map((fileID: unknown) => {
      const id = typeof fileID === 'string' ? fileID : '';
      const path = this.pathOf(id);
      const deleted = path ? this.options.store.delete(path) : false;
      return { fileID: id, code: deleted ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
    });
  }
}
