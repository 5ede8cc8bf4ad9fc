/**
 * Runs the BUILT weapp (miniprogram/dist/weapp, what WeChat itself runs) inside
 * miniprogram-simulate with the official WXML compiler (wcc):
 * - `App()` / `getApp()` / `getCurrentPages()` stand-ins load Taro's app.js;
 * - `Page(options)` becomes `Component()` for j-component (page lifecycles mapped onto
 *   component lifetimes: attached → onLoad + onShow, ready → onReady, detached → onUnload);
 * - `wx.cloud.callFunction` (production build) and `wx.request` (local build, whatever
 *   emulator origin it was built with) go to this test's emulator over HTTP; the WeChat
 *   identity the platform would add is the emulator's dev session (`x-tongxin-session`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { installDevice, type Device } from './device';

export const DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist', 'weapp');

type Callbacks<R> = { success?: (r: R) => void; fail?: (e: { errMsg: string }) => void; complete?: (r: unknown) => void };
type Simulate = typeof import('miniprogram-simulate');
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

export interface WeappHarness {
  simulate: Simulate;
  /** Sets the caller identity (dev session token) for wx.cloud and the storage key tx_session. */
  setSession(token: string | null): void;
  /** Loads and attaches a page, e.g. 'pages/mine/index'; returns the j-component instance. */
  renderPage(pagePath: string, query?: Record<string, string>): ReturnType<Simulate['render']>;
  /** Text of the rendered page, whitespace collapsed. */
  text(comp: ReturnType<Simulate['render']>): string;
  /** Polls until `predicate(text)` holds; fails with the last text seen. */
  waitForText(comp: ReturnType<Simulate['render']>, predicate: (t: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Function calls seen by the fake platform: which transport, which function, what was sent. */
  calls: Array<{ via: 'cloud' | 'request'; url: string; data?: unknown }>;
  /** Resolves once no function call is in flight (the network has answered everything sent). */
  idle(timeoutMs?: number): Promise<void>;
  /** The phone's camera, files, canvases, album and toasts (device.ts). */
  device: Device;
  /**
   * Fires a WeChat event on the first node matching `selector` as the platform would: `tap`
   * on a button, `timeupdate` with `{currentTime, duration}` on a video, `touchstart` on a
   * canvas with canvas-relative `touches: [{x, y}]`.
   */
  fire(comp: ReturnType<Simulate['render']>, target: string | Element, type: string, init?: { detail?: Record<string, unknown>; touches?: Array<{ x: number; y: number }> }): Promise<void>;
  /** The rendered button (or other tag) whose text is exactly `text`; fails naming what there is. */
  byText(comp: ReturnType<Simulate['render']>, text: string, tag?: string): Element;
  /** The attributes Taro gave a rendered element (`open-type` of a button, `type` of a canvas). */
  attributes(comp: ReturnType<Simulate['render']>, element: Element): Record<string, unknown>;
  /** Every rendered element of a tag (`wx-input`, `wx-canvas`…), in page order. */
  all(comp: ReturnType<Simulate['render']>, tag: string): Element[];
  /** The page on top of the stack (what `getCurrentPages()` ends with): its page methods. */
  currentPage(): Record<string, (...a: unknown[]) => unknown>;
}

/**
 * Taro renders every element through base.wxml templates whose attributes are short keys
 * (`type="{{i.p2}}"` on `<canvas>`); the names per tag, read from the build itself.
 */
function templateKeys(): Map<string, Map<string, string>> {
  const wxml = readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
  const byTag = new Map<string, Map<string, string>>();
  for (const [, tag, attrs] of wxml.matchAll(/<([a-z-]+)\s([^>]*?)>/g)) {
    const keys = byTag.get(tag) ?? new Map<string, string>();
    for (const [, name, key] of attrs.matchAll(/([a-z-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g)) if (!keys.has(name)) keys.set(name, key);
    byTag.set(tag, keys);
  }
  return byTag;
}

/** The attributes Taro gave the element with this sid, found in the page's data tree (`root.cn`…). */
function taroAttributes(comp: { data?: unknown }, sid: string, tag: string): Record<string, unknown> {
  type TaroNode = { sid?: string; nn?: string; cn?: TaroNode[] } & Record<string, unknown>;
  const walk = (nodes: TaroNode[] | undefined): TaroNode | null => {
    for (const n of nodes ?? []) {
      if (n.sid === sid) return n;
      const inner = walk(n.cn);
      if (inner) return inner;
    }
    return null;
  };
  const root = (comp.data as { root?: TaroNode } | undefined)?.root;
  const node = walk(root?.cn);
  if (!node) return {};
  const out: Record<string, unknown> = {};
  for (const [name, key] of TEMPLATE_KEYS().get(tag) ?? []) if (key in node) out[name] = node[key];
  return out;
}

let templateCache: Map<string, Map<string, string>> | null = null;
const TEMPLATE_KEYS = () => (templateCache ??= templateKeys());

export function assertBuilt(): void {
  if (!existsSync(path.join(DIST, 'app.json')) || !existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`No weapp build at ${DIST}: run npm run build:weapp first (tests/simulate renders the built output).`);
  }
}

export function createWeappHarness(origin: string): WeappHarness {
  assertBuilt();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;
  const storage = new Map<string, unknown>();
  let token: string | null = null;
  const calls: WeappHarness['calls'] = [];
  let inFlight = 0;

  const post = async (url: string, body: unknown, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // not JSON: hand the text over, as wx.request does
    }
    const replyHeaders: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      replyHeaders[key] = value;
    });
    return { status: res.status, data, headers: replyHeaders };
  };

  Object.assign(wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    request(opts: Callbacks<{ statusCode: number; data: unknown; header: Record<string, string>; errMsg: string }> & {
      url: string;
      method?: string;
      data?: unknown;
      header?: Record<string, string>;
    }) {
      // A local build has its emulator origin baked in (TARO_APP_EMULATOR_URL): route the
      // emulator's paths to this test's stack, wherever the build thought it was.
      const target = new URL(opts.url);
      const url = /^\/(functions|__)\//.test(target.pathname) ? `${origin}${target.pathname}${target.search}` : opts.url;
      calls.push({ via: 'request', url });
      const method = (opts.method ?? 'GET').toUpperCase();
      const run = method === 'GET'
        ? fetch(url, { headers: opts.header }).then(async (r) => ({ status: r.status, data: await r.json().catch(() => null), headers: {} }))
        : post(url, opts.data, opts.header ?? {});
      run.then(
        (r) => {
          const res = { statusCode: r.status, data: r.data, header: r.headers, errMsg: 'request:ok' };
          opts.success?.(res);
          opts.complete?.(res);
        },
        (e: unknown) => {
          const err = { errMsg: `request:fail ${String(e)}` };
          opts.fail?.(err);
          opts.complete?.(err);
        },
      );
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
    cloud: {
      init() {},
      async callFunction(opts: Callbacks<{ result: unknown; errMsg: string }> & { name: string; data?: unknown }) {
        const url = `${origin}/functions/${opts.name}`;
        calls.push({ via: 'cloud', url, data: opts.data });
        inFlight++;
        try {
          // The platform, not the event, carries identity: here the dev session stands in.
          const r = await post(url, opts.data ?? {}, token ? { 'x-tongxin-session': token } : {}).finally(() => inFlight--);
          const res = { result: r.data, errMsg: 'cloud.callFunction:ok' };
          opts.success?.(res);
          opts.complete?.(res);
          return res;
        } catch (e) {
          const err = { errMsg: `cloud.callFunction:fail ${String(e)}` };
          opts.fail?.(err);
          opts.complete?.(err);
          throw err;
        }
      },
    },
  });

  const opened: Array<ReturnType<Simulate['render']>> = [];
  const device = installDevice(wx, {
    origin,
    token: () => token,
    find: (selector) => {
      const top = opened[opened.length - 1];
      const node = top?.querySelector(selector) as unknown as { dom?: Element } | undefined;
      if (!top || !node?.dom) return null;
      const sid = node.dom.getAttribute('data-sid') ?? '';
      return { dom: node.dom, attributes: taroAttributes(top, sid, node.dom.tagName.toLowerCase().replace(/^wx-/, '')) };
    },
  });

  // App() / getApp() / getCurrentPages() of the mini-program host.
  let app: Record<string, (...a: unknown[]) => unknown> | null = null;
  const pages: unknown[] = [];
  g.App = (options: Record<string, (...a: unknown[]) => unknown>) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.requirePlugin = () => ({});

  // Page() → Component(): j-component only knows components.
  let pendingQuery: Record<string, string> = {};
  g.Page = (options: PageOptions) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    (g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (...a: unknown[]) => unknown>) {
          pages.push(this);
          this.onLoad?.call(this, { ...pendingQuery });
          this.onShow?.call(this);
        },
        ready(this: Record<string, (...a: unknown[]) => unknown>) {
          this.onReady?.call(this);
        },
        detached(this: Record<string, (...a: unknown[]) => unknown>) {
          this.onUnload?.call(this);
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  // Load Taro's app (runtime, vendors, the React app) once, then launch it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  const launched = app as Record<string, (...a: unknown[]) => unknown>;
  launched.onLaunch?.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });
  launched.onShow?.call(launched, { path: 'pages/home/index', query: {}, scene: 1001 });

  const loaded = new Map<string, string>();
  // j-component's own exparser (the one its nodes belong to), not whatever else resolves.
  const fromJComponent = createRequire(createRequire(__filename).resolve('j-component'));
  const exparser = fromJComponent('miniprogram-exparser') as { Event: { create(type: string, detail: unknown, options: unknown): unknown; dispatchEvent(target: unknown, event: unknown): void } };
  const text = (comp: ReturnType<Simulate['render']>) => (comp.dom?.textContent ?? '').replace(/\s+/g, ' ').trim();

  return {
    simulate,
    calls,
    device,
    async idle(timeoutMs = 15000) {
      const until = Date.now() + timeoutMs;
      // A call answered can start the next (a queued report): idle twice in a row.
      let quiet = 0;
      while (quiet < 2) {
        if (Date.now() > until) throw new Error(`${inFlight} function call(s) still in flight after ${timeoutMs} ms`);
        await simulate.sleep(10);
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
    },
    async fire(comp, target, type, init = {}) {
      const element = typeof target === 'string' ? (comp.querySelector(target) as unknown as { _exparserNode?: unknown } | undefined)?._exparserNode : (target as unknown as { __wxElement?: unknown }).__wxElement;
      if (!element) throw new Error(`no node matches ${String(target)}; page text: "${text(comp).slice(0, 300)}"`);
      const touches = (init.touches ?? []).map((t, i) => ({ identifier: i, x: t.x, y: t.y }));
      exparser.Event.dispatchEvent(
        element,
        exparser.Event.create(type, init.detail ?? {}, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches, changedTouches: touches } }),
      );
      // Taro dispatches into React, which renders on a later tick.
      await simulate.sleep(0);
    },
    byText(comp, wanted, tag = 'wx-button') {
      const found = Array.from(comp.dom?.querySelectorAll(tag) ?? []);
      const hit = found.find((e) => (e.textContent ?? '').trim() === wanted);
      if (!hit) throw new Error(`no ${tag} reads "${wanted}"; there are: ${found.map((e) => `"${(e.textContent ?? '').trim()}"`).join(', ')}`);
      return hit;
    },
    attributes(comp, element) {
      return taroAttributes(comp as { data?: unknown }, element.getAttribute('data-sid') ?? '', element.tagName.toLowerCase().replace(/^wx-/, ''));
    },
    all(comp, tag) {
      return Array.from(comp.dom?.querySelectorAll(tag) ?? []);
    },
    currentPage() {
      const top = pages[pages.length - 1];
      if (!top) throw new Error('no page is open');
      return top as Record<string, (...a: unknown[]) => unknown>;
    },
    setSession(t) {
      token = t;
      if (t) storage.set('tx_session', t);
      else storage.delete('tx_session');
    },
    renderPage(pagePath, query = {}) {
      pendingQuery = query;
      // A page's JS runs once (webpack caches its module, so Page() is called once): load
      // registers it, later renders reuse the registered definition, like a page re-opened.
      let id = loaded.get(pagePath);
      if (!id) {
        id = simulate.load(path.join(DIST, pagePath), { compiler: 'official', rootPath: DIST });
        loaded.set(pagePath, id);
      }
      // One page on the stack at a time: the previous one unloads.
      while (opened.length) (opened.pop() as unknown as { detach(): void }).detach();
      const comp = simulate.render(id);
      opened.push(comp);
      const parent = document.createElement('parent-wrapper');
      document.body.appendChild(parent);
      comp.attach(parent);
      return comp;
    },
    text,
    async waitForText(comp, predicate, timeoutMs = 8000) {
      const until = Date.now() + timeoutMs;
      let last = text(comp);
      while (Date.now() < until) {
        last = text(comp);
        if (predicate(last)) return last;
        await simulate.sleep(20);
      }
      throw new Error(`page text never matched; last text: "${last}"`);
    },
  };
}
