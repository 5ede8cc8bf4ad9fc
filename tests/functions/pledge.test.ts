/**
 * 承诺践诺 through the function host: signing needs all three parts and fixes the text;
 * fulfilment updates are separate and retry-safe; only the committee member of the duty
 * area reviews, once a quarter, with points by rating; another branch sees nothing.
 */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { pngBytes } from '../support/images';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const NOW_Q = chinaQuarter(new Date(START));
const item = (text: string) => ({ text, measure: '按季度完成' });
const full = { business: [item('发展政企客户五家')], targets: [item('网络故障处理及时率百分之百')], post: [item('带头做好夜间值守')] };

interface Pledge { id: string; status: string; parts: { business: Array<{ id: string; text: string }> }; fulfilments: unknown[]; reviews: Array<{ rating: string }> }
const state = async () => (await stack.state()) as Record<string, Array<Record<string, unknown>>>;
const signature = async (memberId: string) => await stack.putFile(`pledges/${memberId}/signature-a.png`, { bytes: pngBytes(), contentType: 'image/png' });
const ledger = async (openid: string, rule: string) => data<{ entries: Array<{ rule: string | null; points: number }> }>(await as(stack, openid, 'points.myLedger', {})).entries.filter((e) => e.rule === rule);

/** A member of a group and that group's liaison, from the seeded branch. */
async function memberWithLiaison(): Promise<{ memberId: string; liaisonId: string; otherCommittee: string }> {
  const s = (await state());
  const group = s.groups.find((g) => g.branchId === 'b-netops' && g.liaisonId) as { _id: string; liaisonId: string };
  const member = s.members.find((m) => m.groupId === group._id && !(m.roles as string[]).includes('committeeMember')) as { _id: string };
  const other = s.members.find((m) => m.branchId === 'b-netops' && (m.roles as string[]).includes('committeeMember') && !(m.roles as string[]).includes('secretary') && m._id !== group.liaisonId) as { _id: string };
  return { memberId: member._id, liaisonId: group.liaisonId, otherCommittee: other._id };
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('signing', () => {
  it('cannot be signed without all three parts, and a signed pledge cannot change', async () => {
    const openid = demoOpenid('b-netops-m14');
    expect((await as(stack, openid, 'pledge.sign', { signature: (await signature('b-netops-m14')) })).error?.code).toBe('INVALID_INPUT');
    data(await as(stack, openid, 'pledge.save', { ...full, post: [] }));
    const partial = await as(stack, openid, 'pledge.sign', { signature: (await signature('b-netops-m14')) });
    expect(partial.error?.code).toBe('INVALID_INPUT');
    expect(partial.error?.message).toMatch(/岗位履职承诺/);

    data(await as(stack, openid, 'pledge.save', full));
    const signed = data<Pledge & { signatureUrl: string }>(await as(stack, openid, 'pledge.sign', { signature: (await signature('b-netops-m14')) }));
    expect(signed.status).toBe('signed');
    expect((await fetch(signed.signatureUrl)).status).toBe(200);
    const before = (await state()).pledges;
    const change = await as(stack, openid, 'pledge.save', { ...full, business: [item('改成别的承诺内容')] });
    expect(change.error?.code).toBe('CONFLICT');
    expect((await state()).pledges).toEqual(before);
    expect((await as(stack, openid, 'pledge.sign', { signature: (await signature('b-netops-m14')) })).error?.code).toBe('CONFLICT');
    expect(await ledger(openid, 'pledgeSigned')).toHaveLength(1);

    const board = data<{ items: Pledge[] }>(await as(stack, demoOpenid('b-netops-m15'), 'pledge.board', {}));
    expect(board.items.map((p) => p.id)).toContain(signed.id);
    expect((await as(stack, demoOpenid('b-market-m07'), 'pledge.get', { pledgeId: signed.id })).error?.code).toBe('NOT_FOUND');
    expect(data<{ items: Pledge[] }>(await as(stack, demoOpenid('b-market-m07'), 'pledge.board', {})).items).toHaveLength(0);
  });

  it("keeps a draft from everyone but its owner, and refuses someone else's signature image", async () => {
    const openid = demoOpenid('b-netops-m16');
    const draft = data<Pledge>(await as(stack, openid, 'pledge.save', full));
    expect((await as(stack, demoOpenid('b-netops-m15'), 'pledge.get', { pledgeId: draft.id })).error?.code).toBe('NOT_FOUND');
    expect((await as(stack, openid, 'pledge.sign', { signature: (await signature('b-netops-m15')) })).error?.code).toBe('INVALID_INPUT');
  });
});

describe('fulfilment and review', () => {
  it('records updates once per request and lets only the duty-area committee member review, once a quarter', async () => {
    const { memberId, liaisonId, otherCommittee } = (await memberWithLiaison());
    const openid = demoOpenid(memberId);
    data(await as(stack, openid, 'pledge.save', full));
    const signed = data<Pledge>(await as(stack, openid, 'pledge.sign', { signature: (await signature(memberId)) }));
    const update = { requestId: 'fulfil-0001', itemId: signed.parts.business[0].id, text: '本月新发展政企客户两家，已签约。', photos: [] };
    data(await as(stack, openid, 'pledge.addFulfilment', update));
    const again = data<Pledge>(await as(stack, openid, 'pledge.addFulfilment', update));
    expect(again.fulfilments).toHaveLength(1);
    expect((await as(stack, openid, 'pledge.addFulfilment', { ...update, requestId: 'fulfil-0002', itemId: 'zz9' })).error?.code).toBe('INVALID_INPUT');

    const review = { pledgeId: signed.id, period: NOW_Q, rating: 'good', comment: '按计划推进' };
    const before = (await state());
    expect((await as(stack, demoOpenid(otherCommittee), 'pledge.review', review)).error?.code).toBe('FORBIDDEN');
    expect((await as(stack, demoOpenid('b-netops-m01'), 'pledge.review', review)).error?.code).toBe('FORBIDDEN');
    expect((await as(stack, demoOpenid(memberId), 'pledge.review', review)).error?.code).toBe('FORBIDDEN');
    expect((await state())).toEqual(before);

    const queue = data<{ items: Array<{ id: string; reviewed: boolean; updatesThisQuarter: number }> }>(await as(stack, demoOpenid(liaisonId), 'pledge.reviewQueue', {}));
    expect(queue.items.find((p) => p.id === signed.id)).toMatchObject({ reviewed: false, updatesThisQuarter: 1 });
    const reviewed = data<Pledge>(await as(stack, demoOpenid(liaisonId), 'pledge.review', review));
    expect(reviewed.reviews.map((r) => r.rating)).toEqual(['good']);
    expect((await as(stack, demoOpenid(liaisonId), 'pledge.review', { ...review, rating: 'excellent' })).error?.code).toBe('CONFLICT');
    const points = await ledger(openid, 'pledgeReviewed');
    expect(points.map((e) => e.points)).toEqual([4]);
  });

  it('shows the secretary who has not pledged and who has no update this quarter', async () => {
    const status = data<{ members: number; signed: number; notPledged: Array<{ id: string; draft: boolean }>; noUpdate: Array<{ id: string }> }>(await as(stack, demoOpenid('b-netops-m01'), 'pledge.status', {}));
    expect(status.members).toBe(32);
    expect(status.signed).toBe(2);
    expect(status.notPledged.find((m) => m.id === 'b-netops-m16')?.draft).toBe(true);
    expect(status.noUpdate.map((m) => m.id)).toEqual(['b-netops-m14']);
  });
});
