/** Where stored files live: a folder on disk (durable mode) or a Map (`:memory:` mode). */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
  /**
   * The WeChat identity that uploaded it from a phone; absent for files written with admin
   * rights (functions, seed). As with the PRIVATE rule `cloud:setup` sets, a phone may write a
   * new path or its own file again, never a file someone else (or a function) wrote.
   */
  owner?: string;
}

export interface FileStore {
  put(path: string, file: StoredFile): void;
  get(path: string): StoredFile | null;
  delete(path: string): boolean;
  list(): string[];
  reset(): void;
}

/** Rejects paths that would escape the store (`..`, absolute, empty segments). */
export function safePath(path: string): string | null {
  const clean = path.replace(/^\/+/, '');
  if (!clean || clean.length > 1024) return null;
  const parts = clean.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) return null;
  return parts.join('/');
}

export class MemoryFileStore implements FileStore {
  private readonly files = new Map<string, StoredFile>();
  put(path: string, file: StoredFile): void {
    this.files.set(path, file);
  }
  get(path: string): StoredFile | null {
    return this.files.get(path) ?? null;
  }
  delete(path: string): boolean {
    return this.files.delete(path);
  }
  list(): string[] {
    return [...this.files.keys()].sort();
  }
  reset(): void {
    this.files.clear();
  }
}

/** Files on disk, with the content type in a `.meta.json` sidecar. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {
    mkdirSync(root, { recursive: true });
  }
  private full(path: string): string {
    return join(this.root, ...path.split('/'));
  }
  put(path: string, file: StoredFile): void {
    const full = this.full(path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.bytes);
    writeFileSync(`${full}.meta.json`, JSON.stringify({ contentType: file.contentType, ...(file.owner ? { owner: file.owner } : {}) }));
  }
  get(path: string): StoredFile | null {
    const full = this.full(path);
    if (!existsSync(full) || !statSync(full).isFile()) return null;
    const meta = existsSync(`${full}.meta.json`)
      ? (JSON.parse(readFileSync(`${full}.meta.json`, 'utf8')) as { contentType?: string; owner?: string })
      : {};
    return { bytes: readFileSync(full), contentType: meta.contentType ?? 'application/octet-stream', ...(meta.owner ? { owner: meta.owner } : {}) };
  }
  delete(path: string): boolean {
    const full = this.full(path);
    if (!existsSync(full)) return false;
    rmSync(full);
    rmSync(`${full}.meta.json`, { force: true });
    return true;
  }
  list(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (!entry.name.endsWith('.meta.json')) out.push(relative(this.root, full).split(sep).join('/'));
      }
    };
    walk(this.root);
    return out.sort();
  }
  reset(): void {
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
  }
}
