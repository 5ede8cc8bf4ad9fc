/** Serves the mini-program's H5 build at the emulator's origin, so the app and /functions share it. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { lookup } from 'mime-types';
import { sendText } from './core/http';
import type { Route } from './core/route';

export function staticRoutes(root: string): Route {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!existsSync(join(root, 'index.html'))) {
      if (url.pathname !== '/') return false;
      sendText(res, 503, '<!doctype html><meta charset="utf-8"><p>H5 版本尚未构建：请先运行 <code>npm run build:h5</code>（npm start 会自动构建）。</p>', 'text/html; charset=utf-8');
      return true;
    }
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) return false;
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const body = readFileSync(file);
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'content-type': lookup(file) || 'application/octet-stream',
      'cache-control': isHtml ? 'no-cache' : 'public, max-age=300',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
