/** Storage over HTTP: the SDK's PUT of upload bytes, signed downloads, and client uploads in local/H5 mode. */
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { lookup } from 'mime-types';
import { ServiceError } from '../core/errors';
import { readBody, sendJson, sendText } from '../core/http';
import type { Route } from '../core/route';
import type { SessionStore } from '../auth/sessions';
import { sessionToken } from '../auth/sessions';
import type { StorageService } from './operations';
import { safePath } from './state';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

function cosError(code: string, message: string): string {
  return `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>/</Resource><RequestId>local</RequestId><TraceId>local</TraceId></Error>`;
}

function parseMultipart(req: IncomingMessage): Promise<{ fields: Record<string, string>; file: { bytes: Buffer; contentType: string; filename: string } | null }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: { bytes: Buffer; contentType: string; filename: string } | null = null;
    const parser = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new Error('file too large')));
      stream.on('end', () => {
        file = { bytes: Buffer.concat(chunks), contentType: info.mimeType, filename: info.filename };
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve({ fields, file }));
    req.pipe(parser);
  });
}

export function storageRoutes(storage: StorageService, sessions: SessionStore): Route {
  return async (req, res, url) => {
    const path = url.pathname;
    if (req.method === 'PUT' && path.startsWith('/__/storage/upload/')) {
      const token = path.slice('/__/storage/upload/'.length);
      const bytes = await readBody(req, MAX_UPLOAD_BYTES);
      const key = typeof req.headers.key === 'string' ? decodeURIComponent(req.headers.key) : '';
      const contentType = (key && lookup(key)) || String(req.headers['content-type'] ?? 'application/octet-stream');
      const result = storage.completeUpload(token, { bytes, contentType });
      if (!result.ok) sendText(res, 403, cosError(result.code, result.message), 'application/xml');
      else sendText(res, 200, '');
      return true;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && path.startsWith('/__/storage/file/')) {
      const expires = Number(url.searchParams.get('t'));
      const signature = url.searchParams.get('sign') ?? '';
      // The URL as given (a page's <image>), or encoded once more: the server SDK's downloadFile
      // runs encodeURI over the temporary URL, as CloudBase's raw-path URLs need.
      const once = decodedPath(path.slice('/__/storage/file/'.length));
      const twice = once === null ? null : decodedPath(once);
      const candidates = [once, twice].map((p) => (p === null ? null : safePath(p))).filter((p): p is string => p !== null);
      const answers = candidates.map((p) => storage.readSigned(p, expires, signature));
      const file = answers.find((a) => typeof a === 'object') ?? answers.find((a) => a === 'NOT_FOUND') ?? (candidates.length ? 'FORBIDDEN' : 'NOT_FOUND');
      if (file === 'FORBIDDEN') sendText(res, 403, cosError('AccessDenied', 'signature invalid or expired'), 'application/xml');
      else if (file === 'NOT_FOUND') sendText(res, 404, cosError('NoSuchKey', 'file does not exist'), 'application/xml');
      else {
        res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length), 'cache-control': 'private, max-age=600' });
        res.end(req.method === 'HEAD' ? undefined : file.bytes);
      }
      return true;
    }
    if (req.method === 'POST' && path === '/__/storage/client-upload') {
      const session = sessions.get(sessionToken(req.headers));
      if (!session) {
        sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（本地开发登录）' } });
        return true;
      }
      const { fields, file } = await parseMultipart(req);
      if (!file || !fields.cloudPath) {
        sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '缺少文件或保存路径' } });
        return true;
      }
      try {
        const fileID = storage.putClientFile(fields.cloudPath, { bytes: file.bytes, contentType: file.contentType, owner: session.openid });
        sendJson(res, 200, { fileID, statusCode: 200 });
      } catch (error) {
        // A bad path or someone else's file is the caller's mistake: 4xx, never a 500.
        if (!(error instanceof ServiceError)) throw error;
        const status = error.code === 'STORAGE_EXCEED_AUTHORITY' ? 403 : 400;
        sendJson(res, status, { ok: false, error: { code: status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT', message: status === 403 ? '不能覆盖他人上传的文件' : '保存路径不正确' } });
      }
      return true;
    }
    return false;
  };
}

/** Each segment percent-decoded, or null when the encoding is broken. */
function decodedPath(raw: string): string | null {
  try {
    return raw.split('/').map(decodeURIComponent).join('/');
  } catch {
    return null;
  }
}
