import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack();
});

afterAll(async () => {
  await stack.stop();
});

describe('org.me', () => {
  it('returns the bound member with branch, group and roles', async () => {
    const token = await stack.signIn(demoOpenid('b-netops-m01'));
    const { status, body } = await stack.call('org.me', {}, token);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      data: {
        memberId: 'b-netops-m01',
        branch: { id: 'b-netops', name: '网络运维党支部' },
        group: { id: 'b-netops-g1', name: '第一党小组（传输）' },
      },
    });
    const data = (body as { data: { roles: string[]; name: string } }).data;
    expect(data.roles).toEqual(expect.arrayContaining(['member', 'secretary', 'committeeMember']));
    expect(data.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
  });

  it('never returns private fields such as the phone number or the openid', async () => {
    const token = await stack.signIn(demoOpenid('b-market-m05'));
    const { body } = await stack.call('org.me', {}, token);
    const text = JSON.stringify(body);
    expect(text).not.toContain('phone');
    expect(text).not.toContain('o_demo_');
  });

  it('answers UNAUTHENTICATED for a WeChat identity that is not bound to a member', async () => {
    const token = await stack.signIn('');
    const { status, body } = await stack.call('org.me', {}, token);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('支部') } });
  });

  it('answers UNAUTHENTICATED with HTTP 401 when there is no dev sign-in at all', async () => {
    const { status, body } = await stack.call('org.me', {}, null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('rejects unexpected input with INVALID_INPUT and field messages', async () => {
    const token = await stack.signIn(demoOpenid('b-netops-m01'));
    const { body } = await stack.call('org.me', { openid: demoOpenid('b-market-m01') }, token);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { _: expect.any(String) } } });
  });

  it('rejects a malformed event and an unknown action', async () => {
    const token = await stack.signIn(demoOpenid('b-netops-m01'));
    const bad = await stack.call('org.', {}, token);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await stack.call('org.dropEverything', {}, token);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes identity from the session only, never from the request body', async () => {
    const token = await stack.signIn('');
    const response = await fetch(`${stack.origin}/functions/org`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tongxin-session': token },
      body: JSON.stringify({ action: 'me', input: {}, openid: demoOpenid('b-netops-m01'), userInfo: { openId: demoOpenid('b-netops-m01') } }),
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives concurrent calls with different identities each their own identity', async () => {
    const ids = ['b-netops-m01', 'b-netops-m07', 'b-netops-m12', 'b-market-m02', 'b-market-m09', 'b-netops-m20'];
    const tokens = await Promise.all(ids.map((id) => stack.signIn(demoOpenid(id))));
    // Several rounds so that warm instances are reused across identities.
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all(tokens.map((token) => stack.call('org.me', {}, token)));
      replies.forEach((reply, i) => {
        expect(reply.body).toMatchObject({ ok: true, data: { memberId: ids[i] } });
      });
    }
  });
});

describe('org.whoami', () => {
  it('tells a person not in any branch their own WeChat identity (its cost is in metering.test)', async () => {
    const token = await stack.signIn('o_someone_new_01');
    const { body } = await stack.call('org.whoami', {}, token);
    expect(body).toEqual({ ok: true, data: { openid: 'o_someone_new_01', bound: false } });
  });

  it('tells a member their own identity and that it is bound, whatever the input claims', async () => {
    const token = await stack.signIn(demoOpenid('b-market-m03'));
    expect((await stack.call('org.whoami', {}, token)).body).toEqual({ ok: true, data: { openid: demoOpenid('b-market-m03'), bound: true } });
    expect((await stack.call('org.whoami', { openid: demoOpenid('b-netops-m01') }, token)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('needs a WeChat identity', async () => {
    const { status, body } = await stack.call('org.whoami', {}, null);
    expect(status).toBe(401);
    expect(body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
