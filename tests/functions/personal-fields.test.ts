/**
 * Phone numbers are masked by one rule in every view, the audit log's before/after included:
 * only the branch's secretary (and the member themselves, in member views) reads them whole.
 * The committee admin reads every branch's log; no full phone number appears anywhere in it.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const ADMIN = demoOpenid('b-market-m06');
const PHONE = '13912345678';
/** Any whole mainland mobile number, inside any text. */
const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

interface Log { entries: Array<{ action: string; before: unknown; after: unknown }>; next: string | null }

/** Every entry a caller can page through. */
async function wholeLog(openid: string): Promise<Log['entries']> {
  const all: Log['entries'] = [];
  let before: string | undefined;
  for (;;) {
    const page = data<Log>(await as(stack, openid, 'org.auditLog', { limit: 50, ...(before ? { before } : {}) }));
    all.push(...page.entries);
    if (!page.next) return all;
    before = page.next;
  }
}

beforeAll(async () => {
  stack = await startLocalStack();
  // Writes that put phones into the log: a join request decided, members edited.
  const invitation = data<{ code: string }>(await as(stack, SECRETARY, 'org.createInvitation', { groupId: null, expiresInDays: 7, maxUses: 5 }));
  const request = data<{ id: string }>(await as(stack, 'o_phone_person', 'org.requestJoin', { code: invitation.code, name: '王新', phone: PHONE }));
  data(await as(stack, SECRETARY, 'org.decideJoin', { requestId: request.id, approve: true }));
  data(await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m11', category: 'ill' }));
  data(await as(stack, SECRETARY, 'org.updateMember', { memberId: 'b-netops-m12', roles: ['member', 'groupLeader'] }));
});
afterAll(() => stack.stop());

it("shows the committee admin every branch's log with no full phone number in it", async () => {
  const entries = await wholeLog(ADMIN);
  expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['org.decideJoin', 'org.updateMember']));
  const withPhones = entries.filter((e) => JSON.stringify([e.before, e.after]).includes('"phone"'));
  expect(withPhones.length).toBeGreaterThan(0);
  for (const entry of entries) expect([entry.action, FULL_PHONE.test(JSON.stringify([entry.before, entry.after]))]).toEqual([entry.action, false]);
  expect(JSON.stringify(entries)).toContain('139****5678');
});

it("shows the branch's own secretary the numbers whole, as the member list does", async () => {
  const entries = await wholeLog(SECRETARY);
  expect(JSON.stringify(entries)).toContain(PHONE);
});
