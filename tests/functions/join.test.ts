/** The join flow through the functions: invite, request, approve, reject, expiry, use limits, second requests, rebinding. */
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as, data } from './support/org-fixtures';

let stack: LocalStack;
const NETOPS_SECRETARY = demoOpenid('b-netops-m01');
const MARKET_SECRETARY = demoOpenid('b-market-m01');

beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(() => stack.stop());

interface Invitation {
  code: string;
  state: string;
  uses: number;
  qrUrl: string | null;
  path: string;
  group: { id: string } | null;
}
interface JoinRequest {
  id: string;
  status: string;
  phone: string;
  reason: string | null;
}

async function invite(maxUses = 5, groupId: string | null = 'b-netops-g2'): Promise<Invitation> {
  return data<Invitation>(await as(stack, NETOPS_SECRETARY, 'org.createInvitation', { groupId, expiresInDays: 7, maxUses }));
}

describe('joining a branch', () => {
  it('creates an invitation with a code and a QR image that opens the join page', async () => {
    const invitation = await invite();
    expect(invitation.code).toMatch(/^[A-Za-z0-9]{8}$/);
    expect(invitation).toMatchObject({ state: 'valid', uses: 0, path: `pages/join/index?scene=${invitation.code}`, group: { id: 'b-netops-g2' } });
    const png = await fetch(invitation.qrUrl!);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('lets a new person read the invitation, ask to join, and join on approval', async () => {
    const invitation = await invite();
    const person = 'o_new_person_1';
    expect(data(await as(stack, person, 'org.invitationInfo', { code: invitation.code }))).toEqual({
      code: invitation.code, branchName: '网络运维党支部', groupName: '第二党小组（无线）', state: 'valid',
    });
    const request = data<JoinRequest>(await as(stack, person, 'org.requestJoin', { code: invitation.code, name: '赵新华', phone: '13912345678' }));
    expect(request.status).toBe('pending');
    expect((await as(stack, person, 'org.me', {})).error?.code).toBe('UNAUTHENTICATED');

    const pending = data<{ requests: JoinRequest[] }>(await as(stack, NETOPS_SECRETARY, 'org.joinRequests', { status: 'pending' }));
    expect(pending.requests.find((r) => r.id === request.id)).toMatchObject({ phone: '13912345678' });

    const decided = data<{ memberId: string }>(await as(stack, NETOPS_SECRETARY, 'org.decideJoin', { requestId: request.id, approve: true }));
    expect(decided.memberId).toMatch(/^m-/);
    expect(data(await as(stack, person, 'org.me', {}))).toMatchObject({
      name: '赵新华', branch: { id: 'b-netops', name: '网络运维党支部' }, group: { id: 'b-netops-g2' }, roles: ['member'],
    });
    expect(data(await as(stack, person, 'org.myJoinRequest', {}))).toMatchObject({ request: { status: 'approved' } });
  });

  it('refuses a second request while one is pending, and any request once bound', async () => {
    const invitation = await invite();
    const person = 'o_new_person_2';
    await as(stack, person, 'org.requestJoin', { code: invitation.code, name: '钱多多', phone: '13912340000' });
    const second = await as(stack, person, 'org.requestJoin', { code: invitation.code, name: '钱多多', phone: '13912340000' });
    expect(second.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('等待') });

    const bound = await as(stack, demoOpenid('b-netops-m12'), 'org.requestJoin', { code: invitation.code, name: '某某某', phone: '13912340001' });
    expect(bound.error?.code).toBe('FORBIDDEN');
  });

  it('records a rejection with its reason, and the person may ask again', async () => {
    const invitation = await invite();
    const person = 'o_new_person_3';
    const request = data<JoinRequest>(await as(stack, person, 'org.requestJoin', { code: invitation.code, name: '孙立人', phone: '13700001111' }));
    data(await as(stack, NETOPS_SECRETARY, 'org.decideJoin', { requestId: request.id, approve: false, reason: '不是本单位党员' }));
    expect(data(await as(stack, person, 'org.myJoinRequest', {}))).toMatchObject({ request: { status: 'rejected', reason: '不是本单位党员' } });
    const again = await as(stack, NETOPS_SECRETARY, 'org.decideJoin', { requestId: request.id, approve: true });
    expect(again.error?.code).toBe('CONFLICT');
    expect((await as(stack, person, 'org.requestJoin', { code: invitation.code, name: '孙立人', phone: '13700001111' })).ok).toBe(true);
  });

  it('stops an invitation once its uses are gone', async () => {
    const invitation = await invite(1);
    expect((await as(stack, 'o_use_1', 'org.requestJoin', { code: invitation.code, name: '周一', phone: '13600000001' })).ok).toBe(true);
    const late = await as(stack, 'o_use_2', 'org.requestJoin', { code: invitation.code, name: '周二', phone: '13600000002' });
    expect(late.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('名额') });
    expect(data(await as(stack, 'o_use_2', 'org.invitationInfo', { code: invitation.code }))).toMatchObject({ state: 'usedUp' });
  });

  it('gives the last place to exactly one of two people asking at once', async () => {
    const invitation = await invite(1);
    const replies = await Promise.all([
      as(stack, 'o_race_1', 'org.requestJoin', { code: invitation.code, name: '吴甲', phone: '13600000011' }),
      as(stack, 'o_race_2', 'org.requestJoin', { code: invitation.code, name: '吴乙', phone: '13600000012' }),
    ]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses an expired or revoked invitation', async () => {
    const expired = await invite();
    await stack.app.database().collection('invitations').doc(expired.code).update({ expiresAt: new Date(Date.now() - 1000) });
    const late = await as(stack, 'o_expired', 'org.requestJoin', { code: expired.code, name: '郑晚', phone: '13600000021' });
    expect(late.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('过期') });

    const revoked = await invite();
    expect(data(await as(stack, NETOPS_SECRETARY, 'org.revokeInvitation', { code: revoked.code }))).toMatchObject({ state: 'revoked' });
    const refused = await as(stack, 'o_revoked', 'org.requestJoin', { code: revoked.code, name: '郑撤', phone: '13600000022' });
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('撤销') });
  });

  it('answers an unknown code with NOT_FOUND and a malformed one with INVALID_INPUT, storing nothing', async () => {
    expect((await as(stack, 'o_x', 'org.requestJoin', { code: 'ZZZZZZZZ', name: '王某', phone: '13600000031' })).error?.code).toBe('NOT_FOUND');
    const bad = await as(stack, 'o_x', 'org.requestJoin', { code: 'a b', name: '<script>', phone: '123' });
    expect(bad.error?.code).toBe('INVALID_INPUT');
    expect(Object.keys(bad.error?.fields ?? {}).sort()).toEqual(['code', 'name', 'phone']);
    expect(data(await as(stack, 'o_x', 'org.myJoinRequest', {}))).toEqual({ request: null });
  });

  it('binds a request to an existing roster member, and never binds one WeChat identity twice', async () => {
    const db = stack.app.database();
    await db.collection('members').doc('b-netops-m30').update({ openid: null });
    const invitation = await invite();
    const request = data<JoinRequest>(await as(stack, 'o_roster', 'org.requestJoin', { code: invitation.code, name: '花名册', phone: '13500000001' }));
    data(await as(stack, NETOPS_SECRETARY, 'org.decideJoin', { requestId: request.id, approve: true, bindTo: 'b-netops-m30' }));
    expect(data(await as(stack, 'o_roster', 'org.me', {}))).toMatchObject({ memberId: 'b-netops-m30' });

    // A bound member cannot be bound again to someone else.
    const other = data<JoinRequest>(await as(stack, 'o_roster_2', 'org.requestJoin', { code: invitation.code, name: '冒名者', phone: '13500000002' }));
    const rebind = await as(stack, NETOPS_SECRETARY, 'org.decideJoin', { requestId: other.id, approve: true, bindTo: 'b-netops-m30' });
    expect(rebind.error?.code).toBe('CONFLICT');
    expect(data(await as(stack, 'o_roster', 'org.me', {}))).toMatchObject({ memberId: 'b-netops-m30' });
  });

  it("keeps each branch's requests to its own secretary", async () => {
    const invitation = await invite();
    const request = data<JoinRequest>(await as(stack, 'o_private', 'org.requestJoin', { code: invitation.code, name: '隐私', phone: '13500000009' }));
    const theirs = data<{ requests: JoinRequest[] }>(await as(stack, MARKET_SECRETARY, 'org.joinRequests', {}));
    expect(theirs.requests.map((r) => r.id)).not.toContain(request.id);
    const decide = await as(stack, MARKET_SECRETARY, 'org.decideJoin', { requestId: request.id, approve: true });
    expect(decide.error?.code).toBe('NOT_FOUND');
  });

  it('writes every decision to the audit log of the branch', async () => {
    const log = data<{ entries: Array<{ action: string; actor: { name: string } }> }>(await as(stack, NETOPS_SECRETARY, 'org.auditLog', { limit: 50 }));
    const actions = new Set(log.entries.map((e) => e.action));
    for (const action of ['org.createInvitation', 'org.decideJoin', 'org.bindMember', 'org.revokeInvitation']) expect(actions).toContain(action);
    const market = data<{ entries: unknown[] }>(await as(stack, MARKET_SECRETARY, 'org.auditLog', {}));
    expect(market.entries).toEqual([]);
  });
});
