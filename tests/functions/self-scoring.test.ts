/**
 * Insiders cannot score themselves: nobody adjusts or reverses their own points, and a pledge
 * review (which earns points) is for this quarter or the one just ended, booked in the quarter
 * reviewed, and audited. On a stopped clock in the middle of 2026Q4, so "the one just ended"
 * is 2026Q3 of the same pledge year whatever the real date.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { COLLECTIONS } from '../../shared/db/collections';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

const AT = new Date('2026-11-18T10:00:00+08:00');
let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const PLEDGE = { business: [{ text: '发展政企客户五家', measure: '全年' }], targets: [{ text: '故障处理及时率百分百', measure: '每季度' }], post: [{ text: '带头夜间值守', measure: '每月' }] };
type Docs = Record<string, Array<Record<string, unknown>>>;
const state = async () => (await stack.state()) as Docs;

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: AT });
});
afterAll(() => stack.stop());

it('refuses a secretary adjusting or reversing their own points, writing nothing', async () => {
  const writes = stack.dataWrites();
  const own = await as(stack, SECRETARY, 'points.adjust', { memberId: 'b-netops-m01', points: 5, category: 'optional', reason: '自己加分', requestId: 'self-adjust-01' });
  expect(own.error?.code).toBe('FORBIDDEN');
  expect(stack.dataWrites()).toBe(writes);
  // An entry of the secretary's own (a check-in), which they may not reverse either.
  const photo = await stack.putFile('checkins/b-netops-m01/self.jpg', { bytes: pngBytes(), contentType: 'image/jpeg' });
  data(await as(stack, SECRETARY, 'badgeCheckin.submit', { photo, location: null }));
  const entry = (await state())[COLLECTIONS.ledger].find((e) => e.memberId === 'b-netops-m01' && e.ruleCode === 'badgeCheckin') as { _id: string };
  const before = stack.dataWrites();
  expect((await as(stack, SECRETARY, 'points.reverse', { entryId: entry._id, reason: '冲掉重来' })).error?.code).toBe('FORBIDDEN');
  expect(stack.dataWrites()).toBe(before);
  // Someone else's points, as before.
  expect(data<{ points: number }>(await as(stack, SECRETARY, 'points.adjust', { memberId: 'b-netops-m12', points: 1, category: 'optional', reason: '志愿服务补记', requestId: 'other-adjust-01' })).points).toBe(1);
});

it('reviews a pledge for this quarter or the last, books the points there, and audits it', async () => {
  const s = await state();
  const group = s.groups.find((g) => g.branchId === 'b-netops' && g.liaisonId) as { _id: string; liaisonId: string };
  const member = s.members.find((m) => m.groupId === group._id && !(m.roles as string[]).includes('committeeMember')) as { _id: string };
  const openid = demoOpenid(member._id);
  data(await as(stack, openid, 'pledge.save', PLEDGE));
  const signature = await stack.putFile(`pledges/${member._id}/signature.png`, { bytes: pngBytes(), contentType: 'image/png' });
  const pledge = data<{ id: string }>(await as(stack, openid, 'pledge.sign', { signature }));
  const liaison = demoOpenid(group.liaisonId);
  const review = (period: string) => as(stack, liaison, 'pledge.review', { pledgeId: pledge.id, period, rating: 'excellent', comment: '按计划推进' });

  for (const old of ['2026Q1', '2026Q2']) expect((await review(old)).error?.code).toBe('INVALID_INPUT');
  data(await review('2026Q3'));
  data(await review('2026Q4'));
  const after = await state();
  const booked = after[COLLECTIONS.ledger].filter((e) => e.memberId === member._id && e.ruleCode === 'pledgeReviewed').map((e) => e.period).sort();
  expect(booked).toEqual(['2026Q3', '2026Q4']);
  const audited = after[COLLECTIONS.auditLog].filter((a) => a.action === 'pledge.review' && a.targetId === pledge.id);
  expect(audited).toHaveLength(2);
});
