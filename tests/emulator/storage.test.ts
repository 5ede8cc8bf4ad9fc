/** The real SDK's uploadFile / getTempFileURL / downloadFile / deleteFile against the emulator's storage. */
import tcb from '@cloudbase/node-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../emulator';
import { markScfRuntime } from './support/sdk';

let emulator: Emulator;
let app: ReturnType<typeof tcb.init>;

beforeAll(async () => {
  markScfRuntime();
  emulator = await startEmulator({ port: 0, dataDir: ':memory:', functions: [], log: () => undefined });
  app = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: emulator.adminUrl });
});

afterAll(() => emulator.stop());

describe('storage through the real SDK', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);

  it('uploads bytes and returns a cloud:// fileID', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'notes/m01/photo.png', fileContent: bytes });
    expect(fileID).toBe('cloud://local.local-bucket/notes/m01/photo.png');
  });

  it('gives a temporary URL that serves the same bytes with the content type', async () => {
    const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: 'cloud://local.local-bucket/notes/m01/photo.png', maxAge: 60 }] });
    expect(fileList[0]).toMatchObject({ code: 'SUCCESS', fileID: 'cloud://local.local-bucket/notes/m01/photo.png' });
    const response = await fetch(fileList[0].tempFileURL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a temporary URL whose signature was changed', async () => {
    const { fileList } = await app.getTempFileURL({ fileList: ['cloud://local.local-bucket/notes/m01/photo.png'] });
    const tampered = String(fileList[0].tempFileURL).replace(/sign=[0-9a-f]/, 'sign=z');
    expect((await fetch(tampered)).status).toBe(403);
    const otherFile = String(fileList[0].tempFileURL).replace('photo.png', 'other.png');
    expect((await fetch(otherFile)).status).toBe(403);
  });

  it('downloads a file through downloadFile', async () => {
    const { fileContent } = await app.downloadFile({ fileID: 'cloud://local.local-bucket/notes/m01/photo.png' });
    expect(Buffer.from(fileContent as Buffer)).toEqual(bytes);
  });

  it('reports a missing file as STORAGE_FILE_NONEXIST', async () => {
    const { fileList } = await app.getTempFileURL({ fileList: ['cloud://local.local-bucket/none.png'] });
    expect(fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('deletes files, and a deleted file is gone', async () => {
    const { fileList } = await app.deleteFile({ fileList: ['cloud://local.local-bucket/notes/m01/photo.png', 'cloud://local.local-bucket/none.png'] });
    expect(fileList.map((f: { code: string }) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
    const after = await app.getTempFileURL({ fileList: ['cloud://local.local-bucket/notes/m01/photo.png'] });
    expect(after.fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });

  it('answers at most 50 files a getTempFileURL or deleteFile call, as CloudBase does', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `cloud://local.local-bucket/many/f${i}.png`);
    for (const id of ids.slice(0, 50)) await app.uploadFile({ cloudPath: id.slice('cloud://local.local-bucket/'.length), fileContent: bytes });
    const fifty = await app.getTempFileURL({ fileList: ids.slice(0, 50) });
    expect(fifty.fileList.filter((f: { code: string }) => f.code === 'SUCCESS')).toHaveLength(50);
    await expect(app.getTempFileURL({ fileList: ids })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(app.deleteFile({ fileList: ids })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    expect((await app.deleteFile({ fileList: ids.slice(0, 50) })).fileList.filter((f: { code: string }) => f.code === 'SUCCESS')).toHaveLength(50);
  });

  it('downloads a file whose path has Chinese, spaces or reserved characters', async () => {
    for (const cloudPath of ['notes/m01/学习心得.png', 'notes/m01/a b+c.png', "notes/m01/x(1)&y=2;'z'.png"]) {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
      const { fileContent } = await app.downloadFile({ fileID });
      expect([cloudPath, Buffer.from(fileContent as Buffer)]).toEqual([cloudPath, bytes]);
      const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
      expect([cloudPath, (await fetch(fileList[0].tempFileURL)).status]).toEqual([cloudPath, 200]);
    }
  });

  it("answers getFileAuthority with the PRIVATE rule: a user reads and writes their own files, writes new paths", async () => {
    emulator.storage.putClientFile('notes/m07/mine.png', { bytes, contentType: 'image/png', owner: 'o_user_07' });
    emulator.storage.putClientFile('notes/m08/theirs.png', { bytes, contentType: 'image/png', owner: 'o_user_08' });
    await app.uploadFile({ cloudPath: 'lessons/b1/admin.mp4', fileContent: bytes });
    // As the function host sets them for a call from a phone.
    process.env.WX_OPENID = 'o_user_07';
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    try {
      const reply = await app.getFileAuthority({
        fileList: [
          { type: 'READ', path: 'cloud://local.local-bucket/notes/m07/mine.png' },
          { type: 'READ', path: 'notes/m08/theirs.png' },
          { type: 'READWRITE', path: 'lessons/b1/admin.mp4' },
          { type: 'WRITE', path: 'notes/m07/new.png' },
        ],
      });
      expect(reply.data.map((f: { read: boolean; write?: boolean }) => [f.read, f.write])).toEqual([[true, true], [false, false], [false, false], [false, true]]);
    } finally {
      delete process.env.WX_OPENID;
      delete process.env.WX_CONTEXT_KEYS;
    }
  });

  it('rejects a path that tries to leave the store', async () => {
    await expect(app.uploadFile({ cloudPath: '../../etc/passwd', fileContent: bytes })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('accepts an upload token only once', async () => {
    const reply = await fetch(emulator.adminUrl, {
      method: 'POST',
      // Any signature: the emulator wants the SDK's header, not a valid key.
      headers: { 'content-type': 'application/json', authorization: 'TC3-HMAC-SHA256 Credential=local-emulator' },
      body: JSON.stringify({ action: 'storage.getUploadMetadata', path: 'once.txt' }),
    });
    const { data } = (await reply.json()) as { data: { url: string } };
    expect((await fetch(data.url, { method: 'PUT', body: 'first' })).status).toBe(200);
    const second = await fetch(data.url, { method: 'PUT', body: 'second' });
    expect(second.status).toBe(403);
    expect(await second.text()).toContain('<Error>');
  });

  it('refuses admin requests without the SDK signature or from another web page, and admin state changes that are not JSON', async () => {
    const body = JSON.stringify({ action: 'storage.getUploadMetadata', path: 'unsigned.txt' });
    expect((await fetch(emulator.adminUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    const foreign = await fetch(emulator.adminUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'TC3-HMAC-SHA256 x', origin: 'http://evil.example' }, body });
    expect(foreign.status).toBe(401);
    await app.uploadFile({ cloudPath: 'kept.txt', fileContent: bytes });
    // A page of another origin posting text/plain (no preflight) cannot reset or import; nor can a form.
    const variants: Array<Record<string, string>> = [{ 'content-type': 'text/plain' }, { 'content-type': 'application/json', origin: 'http://evil.example' }, { 'content-type': 'application/x-www-form-urlencoded' }];
    for (const headers of variants) {
      expect((await fetch(`${emulator.origin}/__/admin/reset`, { method: 'POST', headers, body: '{}' })).status).toBe(403);
    }
    expect(emulator.storage.exportFiles()['kept.txt']).toBeDefined();
  });

  it("never lets a phone overwrite someone else's file or a function's, and answers a bad path with 400", async () => {
    const upload = async (openid: string, cloudPath: string, text: string) => {
      const form = new FormData();
      form.append('cloudPath', cloudPath);
      form.append('file', new Blob([Buffer.from(text)], { type: 'image/png' }), 'x.png');
      return fetch(`${emulator.origin}/__/storage/client-upload`, { method: 'POST', body: form, headers: { 'x-tongxin-session': emulator.sessions.create(openid).token } });
    };
    expect((await upload('o_alice', 'pledges/m-alice/signature.png', 'alice')).status).toBe(200);
    expect((await upload('o_mallory', 'pledges/m-alice/signature.png', 'forged')).status).toBe(403);
    expect((await upload('o_alice', 'pledges/m-alice/signature.png', 'alice again')).status).toBe(200);
    expect(emulator.storage.exportFiles()['pledges/m-alice/signature.png'].base64).toBe(Buffer.from('alice again').toString('base64'));
    // A file a function or the seed wrote (admin rights), such as a published lesson's video.
    await app.uploadFile({ cloudPath: 'lessons/b-1/video.mp4', fileContent: bytes });
    expect((await upload('o_mallory', 'lessons/b-1/video.mp4', 'replaced')).status).toBe(403);
    expect(emulator.storage.exportFiles()['lessons/b-1/video.mp4'].base64).toBe(bytes.toString('base64'));
    for (const bad of ['../../etc/passwd', 'a//b.png', '']) expect([bad, (await upload('o_alice', bad, 'x')).status]).toEqual([bad, 400]);
  });

  it('takes client uploads (local/H5 mode) only from a signed-in session', async () => {
    const form = new FormData();
    form.append('cloudPath', 'checkins/m01/2026-11-26.jpg');
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'badge.jpg');
    const anonymous = await fetch(`${emulator.origin}/__/storage/client-upload`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
    const session = emulator.sessions.create('o_demo_b-netops-m01');
    const signedIn = await fetch(`${emulator.origin}/__/storage/client-upload`, {
      method: 'POST',
      body: form,
      headers: { 'x-tongxin-session': session.token },
    });
    expect(await signedIn.json()).toMatchObject({ fileID: 'cloud://local.local-bucket/checkins/m01/2026-11-26.jpg' });
  });
});

describe('storage on disk', () => {
  it('keeps files across a restart on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-storage-'));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir, functions: [], log: () => undefined });
      const sdk = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: first.adminUrl });
      await sdk.uploadFile({ cloudPath: 'a/b.txt', fileContent: Buffer.from('同心') });
      await first.stop();
      const second = await startEmulator({ port: 0, dataDir: dir, functions: [], log: () => undefined });
      const again = tcb.init({ env: 'local', secretId: 'x', secretKey: 'y', serviceUrl: second.adminUrl });
      const { fileContent } = await again.downloadFile({ fileID: 'cloud://local.local-bucket/a/b.txt' });
      expect(Buffer.from(fileContent as Buffer).toString('utf8')).toBe('同心');
      await second.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
