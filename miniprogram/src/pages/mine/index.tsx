import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { LargeFontToggle } from '@/components/LargeFontToggle';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROLE_LABELS } from '@/domain/roles';
import { UNIT_KIND_LABELS } from '@/domain/units';

export const SECRETARY_PAGE = '/subpackages/secretary/pages/index/index';

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
          {me.data.roles.includes('secretary') ? (
            <Button
              className='btn btn--primary'
              aria-label='进入书记工作台'
              onClick={() => void Taro.navigateTo({ url: SECRETARY_PAGE })}
            >
              书记工作台
            </Button>
          ) : null}
          <LargeFontToggle />
        </View>
      ) : null}
    </PageShell>
  );
}
