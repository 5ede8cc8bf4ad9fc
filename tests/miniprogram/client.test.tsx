/** The typed client and the HTTP transport (the local weapp path), against a stubbed Taro.request. */
import Taro from '@tarojs/taro';
import { call } from '@/services/api';
import { httpInvoke, setSessionToken } from '@/cloud/http';
import { member } from './fixtures';

const request = Taro.request as unknown as jest.Mock;

describe('typed client', () => {
  it("maps 'org.me' to function org with event {action:'me', input}", async () => {
    request.mockResolvedValueOnce({ statusCode: 200, data: { ok: true, data: member } });
    setSessionToken('tok-1');
    const res = await call('org.me', {});
    expect(res).toEqual({ ok: true, data: member });
    const opts = request.mock.calls[0][0];
    expect(opts.url).toBe('http://127.0.0.1:9100/functions/org');
    expect(opts.method).toBe('POST');
    expect(opts.data).toEqual({ action: 'me', input: {} });
    expect(opts.header['x-tongxin-session']).toBe('tok-1');
  });

  it('passes a 401 UNAUTHENTICATED envelope through', async () => {
    const body = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录（本地开发登录）' } };
    request.mockResolvedValueOnce({ statusCode: 401, data: body });
    expect(await httpInvoke('org', { action: 'me', input: {} })).toEqual(body);
    expect(request.mock.calls[0][0].header['x-tongxin-session']).toBeUndefined();
  });

  it('network failure becomes INTERNAL 网络异常', async () => {
    request.mockRejectedValueOnce(new Error('request:fail'));
    expect(await httpInvoke('org', { action: 'me', input: {} })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '网络异常，请检查网络后重试' },
    });
  });

  it('a reply that is not an envelope (e.g. an HTML error page) becomes INTERNAL', async () => {
    request.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad Gateway</html>' });
    const res = await httpInvoke('org', { action: 'me', input: {} });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.code).toBe('INTERNAL');
  });
});
