import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { LargeFontToggle } from '@/components/LargeFontToggle';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { UNIT_KIND_LABELS } from '@/domain/units';
import { ROUTES } from '@/lib/routes';

export const SECRETARY_PAGE = ROUTES.secretary;
export const PYRAMID_PAGE = ROUTES.pyramid;
export const COMMITTEE_PAGE = ROUTES.branches;

// Not `ariaLabel`: Taro's H5 build rewrites JSX props named aria* to aria-*, even on our own components.
function EntryRow({ label, spokenLabel, url }: { label: string; spokenLabel: string; url: string }) {
  return (
    <Button className='btn btn--plain' aria-label={spokenLabel} onClick={() => void Taro.navigateTo({ url })}>
      {label}
    </Button>
  );
}

export default function Mine() {
  const me = useAction('org.me', {});
  useReloadOnShow(me.reload);
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';

  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={me.reload}
      errorContent={
        notMember ? (
          <View>
            <NotMember />
            <LargeFontToggle />
          </View>
        ) : undefined
      }
    >
      {me.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{me.data.name}</Text>
            <View className='row'>
              <Text className='row__label'>所在支部</Text>
              <Text className='row__value'>{me.data.branch.name}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>党小组</Text>
              <Text className='row__value'>{me.data.group ? me.data.group.name : '未编入党小组'}</Text>
            </View>
            {me.data.duty ? (
              <View className='row'>
                <Text className='row__label'>委员分工</Text>
                <Text className='row__value'>{me.data.duty}</Text>
              </View>
            ) : null}
            {me.data.units?.length ? (
              <View className='row'>
                <Text className='row__label'>岗区队</Text>
                <View className='row__value'>
                  {me.data.units.map((u) => (
                    <Text key={u.id} className='text text--small'>
                      {`${UNIT_KIND_LABELS[u.kind] ?? ''}：${u.name}`}
                    </Text>
                  ))}
                </View>
              </View>
            ) : null}
            <View className='row'>
              <Text className='row__label'>身份</Text>
              <View className='row__value'>
                {me.data.roles.map((r) => (
                  <Text key={r} className='tag'>
                    {ROLE_LABELS[r]}
                  </Text>
                ))}
              </View>
            </View>
          </View>
          <View className='card'>
            <Text className='card__title'>支部工作</Text>
            <EntryRow label='支部力量金字塔' spokenLabel='查看支部力量金字塔' url={PYRAMID_PAGE} />
            {me.data.roles.includes('secretary') ? <EntryRow label='书记工作台' spokenLabel='进入书记工作台' url={SECRETARY_PAGE} /> : null}
            {me.data.roles.includes('committeeAdmin') ? <EntryRow label='党委管理' spokenLabel='进入党委管理' url={COMMITTEE_PAGE} /> : null}
          </View>
          <LargeFontToggle />
        </View>
      ) : null}
    </PageShell>
  );
}
