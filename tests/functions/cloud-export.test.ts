/**
 * `npm run cloud:export` (scripts/cloud/export*.ts) against a seeded local stack through the
 * real node-sdk: one JSON Lines file per collection with counts matching the database, Dates
 * in the console's {"$date": ISO} form, and the refusals (non-empty dir, missing credentials).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../shared/db/collections';
import { connect, emulatorAdminUrl } from '../../scripts/cloud/database-target';
import { main, runExport, toExtendedJson, type Manifest } from '../../scripts/cloud/export-run';
import { startLocalStack, type LocalStack } from '../support/stack';

let stack: LocalStack;
const root = mkdtempSync(join(tmpdir(), 'tongxin-export-'));
const AT = new Date('2024-05-06T07:08:09.123Z');

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, {}, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

const linesOf = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.json`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  stack = await startLocalStack();
  // The demo seed holds no Dates; an audit entry as the functions write it (Date fields, nested too).
  await stack.app.database().collection(COLLECTIONS.auditLog).add({ _id: 'audit-export-test', action: 'test', at: AT, detail: { times: [AT] } });
}, 120000);
afterAll(async () => stack?.stop());

describe('cloud:export', () => {
  it('writes every collection as JSON Lines with a manifest that matches the database', async () => {
    const dir = join(root, 'backup');
    const { code, out } = await run(dir, '--emulator', stack.adminUrl);
    expect(code).toBe(0);
    expect(out).toMatch(/Total: \d+ document/);
    expect(out).toMatch(/Storage files are not exported/);

    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.envId).toBe('emulator');
    expect(new Date(manifest.exportedAt).toISOString()).toBe(manifest.exportedAt);
    const state = await stack.state();
    for (const name of Object.values(COLLECTIONS)) {
      expect(existsSync(join(dir, `${name}.json`))).toBe(true);
      expect(manifest.collections[name]).toBe((state[name] ?? []).length);
      expect(linesOf(dir, name)).toHaveLength(manifest.collections[name]);
      expect(out).toContain(`  ${name}: ${manifest.collections[name]}`);
    }

    const member = state[COLLECTIONS.members][0] as { _id: string; name: string; branchId: string };
    const line = linesOf(dir, COLLECTIONS.members).find((doc) => doc._id === member._id);
    expect(line).toMatchObject({ _id: member._id, name: member.name, branchId: member.branchId });

    const audit = linesOf(dir, COLLECTIONS.auditLog).find((doc) => doc._id === 'audit-export-test');
    expect(audit?.at).toEqual({ $date: AT.toISOString() });
    expect(new Date((audit?.at as { $date: string }).$date).getTime()).toBe(AT.getTime());
    expect(audit?.detail).toEqual({ times: [{ $date: AT.toISOString() }] });
  });

  it('refuses a non-empty directory and writes nothing into it', async () => {
    const dir = mkdtempSync(join(root, 'full-'));
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const { code, out } = await run(dir, '--emulator', stack.adminUrl);
    expect(code).toBe(1);
    expect(out).toMatch(/not empty/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('names the missing variables without --emulator', async () => {
    const { code, out } = await run(join(root, 'nowhere'));
    expect(code).toBe(1);
    expect(out).toMatch(/TONGXIN_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY/);
    expect(existsSync(join(root, 'nowhere'))).toBe(false);
  });

  it('records a missing collection with count 0 and a note', async () => {
    const db = connect({ kind: 'emulator', adminUrl: emulatorAdminUrl(stack.adminUrl) });
    const manifest = await runExport({ db, dir: join(root, 'ghost'), envId: 'emulator', collections: ['no_such_collection'] });
    expect(manifest.collections).toEqual({ no_such_collection: 0 });
    expect(manifest.notes?.no_such_collection).toMatch(/does not exist/);
  });

  it('converts Dates at any depth', () => {
    expect(toExtendedJson({ a: [{ b: AT }], c: null, d: 1 })).toEqual({ a: [{ b: { $date: AT.toISOString() } }], c: null, d: 1 });
  });
});
