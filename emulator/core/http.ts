/** Small HTTP helpers shared by the emulator's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { nestsDeeperThan } from '../../shared/domain/json-depth';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The caller's mistake (a body that is not JSON, or nests absurdly deep): answered 400, never 500. */
export class BadRequestError extends Error {}

/** A JSON body; throws BadRequestError on a body that is not JSON or nests deeper than any request of the platform does. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadRequestError('request body is not JSON');
  }
  if (nestsDeeperThan(value, MAX_REQUEST_DEPTH)) throw new BadRequestError('request body nests too deep');
  return value;
}

/** The SDK's requests carry EJSON query strings, not deep objects; 64 levels is far beyond them. */
const MAX_REQUEST_DEPTH = 64;

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(text);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A request a web page of another origin made (browsers always send Origin on a cross-origin
 * POST). The emulator has no CORS, so such a page cannot read replies, but a "simple" POST
 * (text/plain, a form) would still run: state-changing routes refuse it.
 */
export function fromForeignPage(req: IncomingMessage, origin: string): boolean {
  const from = req.headers.origin;
  return typeof from === 'string' && from !== '' && from !== origin;
}

/** True for a JSON body (a form or text/plain post is what a foreign page can send without a preflight). */
export function isJsonRequest(req: IncomingMessage): boolean {
  return /^application\/json\b/i.test(req.headers['content-type'] ?? '');
}
