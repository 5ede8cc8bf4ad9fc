/**
 * Content that others read goes through WeChat's check before it is stored (issue #14): the
 * contract is walked for every free-text field and every stored file, each of which is in the
 * content table (shared/api/content.ts) or explicitly left out with a reason; then a banned word
 * is sent through every listed text field of every action, as a caller the policy admits, and
 * each answers CONTENT_REJECTED naming that field, with nothing written. Images are walked in
 * file-inputs.test.ts (they need the record they belong to).
 */
import type { z } from 'zod';
import { contract, type ActionName } from '../../shared/api/contract';
import { CONTENT_CHECKS, UNCHECKED } from '../../shared/api/content';
import { POLICY } from '../../shared/api/policy';
import { DEFAULT_BANNED_WORDS } from '../../emulator/wechat/operations';
import { piecesAt } from '../../cloudfunctions/_shared/content';
import { startLocalStack, type LocalStack } from '../support/stack';
import { as, CALLERS, type CallerKind } from './support/org-fixtures';
import { fieldOf, fittedText, leaves, sample, schemaAt, withValueAt } from './support/schema-walk';

const ACTIONS = (Object.keys(contract) as ActionName[]).sort();
const WORD = DEFAULT_BANNED_WORDS[0];
const inputOf = (name: ActionName) => contract[name].input as z.ZodType;

/** Every `[action, path]` the table checks for text. */
const TEXT_FIELDS = ACTIONS.flatMap((name) => (CONTENT_CHECKS[name]?.text ?? []).map((path) => [name, path] as const));

/** The first caller kind the policy admits for an action. */
function callerFor(name: ActionName): string {
  const order: CallerKind[] = ['member', 'secretary', 'groupLeader', 'committeeMember', 'committeeAdmin', 'unbound'];
  const kind = order.find((k) => (POLICY[name].callers as readonly string[]).includes(k));
  if (!kind) throw new Error(`no caller for ${name}`);
  return CALLERS[kind].openid;
}

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

describe('the content table', () => {
  it('lists every free-text field and every file of the contract, checked or left out with a reason', () => {
    const missing: string[] = [];
    for (const name of ACTIONS) {
      for (const [path, kind] of leaves(inputOf(name))) {
        const listed = kind === 'text' ? CONTENT_CHECKS[name]?.text : CONTENT_CHECKS[name]?.images;
        if (!listed?.includes(path) && !UNCHECKED[`${name} ${path}`]) missing.push(`${name} ${path} (${kind})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only fields that exist, of the right kind, and leaves out only what it must', () => {
    const stale: string[] = [];
    for (const [name, checks] of Object.entries(CONTENT_CHECKS) as Array<[ActionName, { text?: string[]; images?: string[] }]>) {
      const kinds = new Map(leaves(inputOf(name)));
      for (const path of checks.text ?? []) if (kinds.get(path) !== 'text') stale.push(`${name} ${path}`);
      for (const path of checks.images ?? []) if (kinds.get(path) !== 'file') stale.push(`${name} ${path}`);
    }
    for (const key of Object.keys(UNCHECKED)) {
      const [name, path] = key.split(' ') as [ActionName, string];
      if (!contract[name] || !new Map(leaves(inputOf(name))).has(path)) stale.push(key);
    }
    expect(stale).toEqual([]);
    // Left out: a search that is never stored, a video and an agreement document.
    expect(Object.keys(UNCHECKED).sort()).toEqual(['cobuild.save file', 'lesson.create video', 'org.members query']);
    expect(TEXT_FIELDS.length).toBeGreaterThanOrEqual(65);
  });

  it('reads the values of a path the way the runtime checks them', () => {
    const input = { business: [{ text: '甲', measure: '乙' }, { text: '丙', measure: '' }], problems: ['一', '二'], location: null };
    expect(piecesAt(input, 'business[].text')).toEqual([{ field: 'business.0.text', value: '甲' }, { field: 'business.1.text', value: '丙' }]);
    expect(piecesAt(input, 'business[].measure')).toEqual([{ field: 'business.0.measure', value: '乙' }]);
    expect(piecesAt(input, 'problems[]')).toEqual([{ field: 'problems.0', value: '一' }, { field: 'problems.1', value: '二' }]);
    expect(piecesAt(input, 'location.name')).toEqual([]);
  });
});

describe('every checked text field', () => {
  it('has a valid sample input for its action', () => {
    const invalid = [...new Set(TEXT_FIELDS.map(([name]) => name))].filter((name) => !inputOf(name).safeParse(sample(inputOf(name))).success);
    expect(invalid).toEqual([]);
  });

  it.each(TEXT_FIELDS)('%s %s refuses a banned word before anything is written', async (name, path) => {
    const schema = inputOf(name);
    const input = withValueAt(sample(schema), path, fittedText(schemaAt(schema, path), WORD));
    expect(schema.safeParse(input).success).toBe(true);
    const writes = stack.dataWrites();
    const reply = await as(stack, callerFor(name), name, input);
    expect([name, path, reply.error?.code, Object.keys(reply.error?.fields ?? {})]).toEqual([name, path, 'CONTENT_REJECTED', [fieldOf(path)]]);
    expect(reply.error?.message).toMatch(/未通过安全检查/);
    expect(stack.dataWrites()).toBe(writes);
  });
});

describe('long and many texts', () => {
  it('finds a word past the 2,500 characters one check takes, and names the field among many', async () => {
    const note = (text: string) => ({ requestId: `long-note-${Math.random().toString(36).slice(2, 10)}`, text, images: [], lessonId: null, pushId: null });
    const member = CALLERS.member.openid;
    const longText = `${'认真学习，扎实工作。'.repeat(270)}${WORD}`;
    expect(longText.length).toBeGreaterThan(2500);
    if (longText.length <= 3000 && inputOf('note.submit').safeParse(note(longText)).success) {
      const reply = await as(stack, member, 'note.submit', note(longText));
      expect(reply.error?.code).toBe('CONTENT_REJECTED');
    } else {
      // Note text is shorter than one check: a 5,000-character field is the long case.
      const longest = TEXT_FIELDS.find(([name, path]) => ((schemaAt(inputOf(name), path) as unknown as { maxLength: number | null }).maxLength ?? 0) > 2600);
      expect(longest).toBeDefined();
      const [name, path] = longest!;
      const max = (schemaAt(inputOf(name), path) as unknown as { maxLength: number }).maxLength;
      const input = withValueAt(sample(inputOf(name)), path, `${'认真学习扎实工作'.repeat(Math.ceil(max / 8))}`.slice(0, max - WORD.length) + WORD);
      const reply = await as(stack, callerFor(name), name, input);
      expect([name, reply.error?.code, Object.keys(reply.error?.fields ?? {})]).toEqual([name, 'CONTENT_REJECTED', [fieldOf(path)]]);
    }
    // A pledge of many items, one of which carries the word: the member is told which one.
    const item = (text: string) => ({ text, measure: '按季度完成' });
    const pledge = { business: [item('发展政企客户五家'), item('维护重点客户')], targets: [item('故障处理及时率百分百')], post: [item('带头夜间值守'), item(`参与${WORD}活动`)] };
    const reply = await as(stack, member, 'pledge.save', pledge);
    expect([reply.error?.code, Object.keys(reply.error?.fields ?? {})]).toEqual(['CONTENT_REJECTED', ['post.1.text']]);
    const clean = await as(stack, member, 'pledge.save', { ...pledge, post: [item('带头夜间值守')] });
    expect(clean.error ?? null).toBeNull();
  });
});
