/**
 * 支部力量金字塔 (all members): the committee on top (secretary first, each with the duty
 * area and the 权责清单), then the Party groups, then the 岗区队 units. Each block opens its
 * members; a member opens their record.
 */
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { DUTY_STATUS_LABELS, UNIT_KIND_LABELS } from '@/domain/vocabulary';
import { ROUTES } from '@/lib/routes';

type Person = { id: string; name: string };

function openMember(id: string): void {
  void Taro.navigateTo({ url: `${ROUTES.member}?id=${encodeURIComponent(id)}` });
}

function MemberLinks({ people }: { people: Person[] }) {
  if (people.length === 0) return <Text className='text text--small text--muted'>暂无成员</Text>;
  return (
    <View className='chips'>
      {people.map((p) => (
        <Button key={p.id} className='chip' aria-label={`查看成员${p.name}`} onClick={() => openMember(p.id)}>
          {p.name}
        </Button>
      ))}
    </View>
  );
}

export default function Pyramid() {
  const pyramid = useAction('org.pyramid', {});
  useReloadOnShow(pyramid.reload);
  const notMember = pyramid.status === 'error' && pyramid.error.code === 'UNAUTHENTICATED';
  const data = pyramid.data;
  const empty = data && data.committee.length === 0 && data.groups.length === 0 && data.units.length === 0;
  return (
    <PageShell
      status={empty ? 'empty' : pyramid.status}
      emptyText='支部尚未设置委员、党小组和岗区队'
      emptyHint='请支部书记在书记工作台的“组织架构”中设置。'
      errorMessage={pyramid.error?.message}
      onRetry={pyramid.reload}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {data ? (
        <View>
          <Text className='section-title'>{`${data.branch.name} · 支部委员会`}</Text>
          {data.committee.map((c) => (
            <View key={c.member.id} className='card'>
              <Text className='card__title'>{c.member.name}</Text>
              <View className='row'>
                <Text className='row__label'>分工</Text>
                <Text className='row__value'>{c.duty ?? (c.roles.includes('secretary') ? ROLE_LABELS.secretary : '支部委员')}</Text>
              </View>
              <Button className='btn btn--plain btn--small' aria-label={`查看成员${c.member.name}`} onClick={() => openMember(c.member.id)}>
                成员信息
              </Button>
              <Text className='text text--small text--muted'>权责清单</Text>
              {c.dutyItems.length === 0 ? <Text className='text text--small text--muted'>暂无事项</Text> : null}
              {c.dutyItems.map((item) => (
                <View key={item.id} className='row'>
                  <Text className='row__label'>{item.title}</Text>
                  <View className='row__value'>
                    <Text className='text text--small'>{DUTY_STATUS_LABELS[item.status]}</Text>
                    {item.dueOn ? (
                      <Text className={`text text--small${item.overdue ? ' overdue' : ''}`}>
                        {item.overdue ? `已逾期 · ${item.dueOn}` : `截止 ${item.dueOn}`}
                      </Text>
                    ) : null}
                  </View>
                </View>
              ))}
            </View>
          ))}

          <Text className='section-title'>党小组</Text>
          {data.groups.length === 0 ? <Text className='notice'>暂无党小组</Text> : null}
          {data.groups.map((g) => (
            <Expandable key={g.id} title={g.name} people={g.members}>
              <Text className='card__title'>{g.name}</Text>
              <View className='row'>
                <Text className='row__label'>党小组长</Text>
                <Text className='row__value'>{g.leader?.name ?? '未设置'}</Text>
              </View>
            </Expandable>
          ))}

          <Text className='section-title'>岗区队</Text>
          {data.units.length === 0 ? <Text className='notice'>暂无党员先锋岗、责任区和突击队</Text> : null}
          {data.units.map((u) => (
            <Expandable key={u.id} title={u.name} people={u.members}>
              <Text className='tag'>{UNIT_KIND_LABELS[u.kind]}</Text>
              <Text className='card__title'>{u.name}</Text>
              <Text className='text text--small text--muted'>{`目标：${u.goal}`}</Text>
              <View className='row'>
                <Text className='row__label'>负责人</Text>
                <Text className='row__value'>{u.leader?.name ?? '未设置'}</Text>
              </View>
            </Expandable>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}

/** A block whose members open on demand (a group of 30 would otherwise fill the screen). */
function Expandable({ title, people, children }: { title: string; people: Person[]; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <View className='card'>
      {children}
      <Button
        className='btn btn--plain btn--small'
        aria-expanded={open}
        aria-label={`${open ? '收起' : '查看'}${title}的成员（${people.length}人）`}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起成员' : `查看成员（${people.length}人）`}
      </Button>
      {open ? <MemberLinks people={people} /> : null}
    </View>
  );
}
