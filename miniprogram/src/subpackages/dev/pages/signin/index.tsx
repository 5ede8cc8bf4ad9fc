/**
 * Local development only (shipped only when TARO_APP_BACKEND=local): pick a seeded person
 * from the emulator and sign in as them. The token is kept in storage key `tx_session` and
 * sent as `x-tongxin-session`.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { devPeople, devSignIn, setSessionToken, type DevPerson } from '@/cloud/http';
import { EMULATOR_URL } from '@/config/env';
import { ROLE_LABELS, type Role } from '@/domain/roles';

type State = { status: 'loading' } | { status: 'ready'; people: DevPerson[] } | { status: 'error'; message: string };

export default function DevSignIn() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', people: await devPeople() });
    } catch {
      setState({ status: 'error', message: `无法连接本地模拟器 ${EMULATOR_URL}，请确认已运行 npm start，并在开发者工具中勾选“不校验合法域名”。` });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const signIn = async (p: DevPerson) => {
    try {
      await devSignIn(p.openid);
      await Taro.showToast({ title: `已登录：${p.name}`, icon: 'none' });
      await Taro.switchTab({ url: '/pages/mine/index' });
    } catch {
      await Taro.showToast({ title: '登录失败，请重试', icon: 'none' });
    }
  };

  const status = state.status === 'ready' && state.people.length === 0 ? 'empty' : state.status;
  return (
    <PageShell
      status={status}
      emptyText='模拟器中没有人员'
      emptyHint='请先运行种子数据（npm run seed）。'
      errorMessage={state.status === 'error' ? state.message : undefined}
      onRetry={load}
    >
      {state.status === 'ready' ? (
        <View>
          <View className='card'>
            <Text className='card__title'>选择一位模拟成员</Text>
            <Text className='text text--small text--muted'>仅用于本地开发，正式版本通过微信身份识别。</Text>
          </View>
          {state.people.map((p) => (
            <Button key={p.openid} className='btn btn--plain' aria-label={`以${p.name}的身份登录`} onClick={() => void signIn(p)}>
              {p.name}
              {p.branchName ? ` · ${p.branchName}` : ''}
              {p.roles.length ? ` · ${p.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、')}` : ''}
            </Button>
          ))}
          <Button className='btn' aria-label='退出登录' onClick={() => setSessionToken('')}>
            退出登录
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
