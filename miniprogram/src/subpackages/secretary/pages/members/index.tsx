/** 成员管理: the branch's members (org.members) with a search box and filters; tap to edit. */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { CATEGORY_LABELS, MEMBER_CATEGORIES, type MemberCategory } from '@/domain/vocabulary';
import { ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import type { ActionInput, ActionOutput, ApiError } from '@/services/api';

type Filters = ActionInput<'org.members'>;
type Member = ActionOutput<'org.members'>['members'][number];
type RoleFilter = NonNullable<Filters['role']>;

const ALL = '' as const;
const CATEGORY_OPTIONS: Option<MemberCategory | ''>[] = [{ value: ALL, label: '全部类别' }, ...MEMBER_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))];
const ROLE_OPTIONS: Option<RoleFilter | ''>[] = [
  { value: ALL, label: '全部身份' },
  ...(['groupLeader', 'committeeMember', 'secretary', 'member'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] })),
];

export default function Members() {
  const pyramid = useAction('org.pyramid', {});
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; members: Member[]; error: ApiError | null }>({
    status: 'loading',
    members: [],
    error: null,
  });
  const seq = useRef(0);

  const load = useCallback(async (input: Filters) => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, status: 'loading' }));
    const res = await safeCall('org.members', input);
    if (mine !== seq.current) return;
    setState(res.ok ? { status: 'ready', members: res.data.members, error: null } : { status: 'error', members: [], error: res.error });
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load]);
  useReloadOnShow(() => void load(filters));

  const set = (next: Partial<Filters>) => {
    setFilters((f) => {
      const merged: Filters = { ...f, ...next };
      for (const key of Object.keys(merged) as Array<keyof Filters>) if (!merged[key]) delete merged[key];
      return merged;
    });
  };
  const search = () => set({ query: query.trim() || undefined });

  const groupOptions: Option<string>[] = [{ value: ALL, label: '全部党小组' }, ...(pyramid.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))];
  const filtered = Object.keys(filters).length > 0;

  return (
    <PageShell status={state.status === 'error' ? 'error' : 'ready'} errorMessage={state.error?.message} onRetry={() => void load(filters)}>
      <View className='card'>
        <TextField label='搜索姓名或手机号' value={query} onChange={setQuery} placeholder='输入姓名或手机号' maxlength={20} onConfirm={search} />
        <Button className='btn btn--primary btn--small' aria-label='搜索' onClick={search}>
          搜索
        </Button>
        <SelectField label='党小组' options={groupOptions} value={filters.groupId ?? ALL} onChange={(groupId) => set({ groupId: groupId || undefined })} />
        <SelectField
          label='党员类别'
          options={CATEGORY_OPTIONS}
          value={filters.category ?? ALL}
          onChange={(category) => set({ category: category || undefined })}
        />
        <SelectField label='身份' options={ROLE_OPTIONS} value={filters.role ?? ALL} onChange={(role) => set({ role: role || undefined })} />
        {filtered ? (
          <Button
            className='btn btn--plain btn--small'
            aria-label='清除筛选'
            onClick={() => {
              setQuery('');
              setFilters({});
            }}
          >
            清除筛选
          </Button>
        ) : null}
      </View>
      {state.status === 'loading' ? (
        <View role='status'>
          <Text className='notice'>正在加载…</Text>
        </View>
      ) : (
        <View className='card'>
          <Text className='card__title'>{`成员（${state.members.length}人）`}</Text>
          {state.members.length === 0 ? <Text className='text text--muted'>{filtered ? '没有符合条件的成员' : '支部暂无成员'}</Text> : null}
          {state.members.map((m) => (
            <View
              key={m.id}
              className='entry'
              aria-label={`编辑成员${m.name}`}
              role='button'
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.memberEdit}?id=${encodeURIComponent(m.id)}` })}
            >
              <View>
                <Text className='text'>{m.name}</Text>
                <Text className='text text--small text--muted'>
                  {[m.group?.name ?? '未编入党小组', CATEGORY_LABELS[m.category], m.roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r]).join('、')]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {!m.bound ? <Text className='text text--small text--muted'>未绑定微信</Text> : null}
              </View>
              <Text className='entry__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
