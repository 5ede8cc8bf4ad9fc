/** 党委管理: every branch of the committee with member count, groups, secretary and committee. */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROUTES } from '@/lib/routes';

export default function Branches() {
  const branches = useAction('org.branches', {});
  useReloadOnShow(branches.reload);
  const list = branches.data?.branches ?? [];
  return (
    <PageShell
      status={branches.status === 'ready' && list.length === 0 ? 'empty' : branches.status}
      emptyText='暂无支部'
      errorMessage={branches.error?.message}
      onRetry={branches.reload}
    >
      <Button className='btn btn--plain' aria-label='查看全部操作记录' onClick={() => void Taro.navigateTo({ url: ROUTES.committeeAudit })}>
        操作记录
      </Button>
      <Button className='btn btn--plain' aria-label='管理积分规则' onClick={() => void Taro.navigateTo({ url: ROUTES.committeeRules })}>
        积分规则
      </Button>
      <Button className='btn btn--plain' aria-label='支部对比' onClick={() => void Taro.navigateTo({ url: ROUTES.compare })}>
        支部对比
      </Button>
      <Button className='btn btn--plain' aria-label='各支部攻坚项目' onClick={() => void Taro.navigateTo({ url: ROUTES.committeeProjects })}>
        攻坚项目
      </Button>
      <Button className='btn btn--plain' aria-label='各支部党建和创协议' onClick={() => void Taro.navigateTo({ url: ROUTES.committeeCobuild })}>
        党建和创
      </Button>
      {list.map((b) => (
        <View key={b.id} className='card'>
          <Text className='card__title'>{b.name}</Text>
          <View className='row'>
            <Text className='row__label'>党员人数</Text>
            <Text className='row__value'>{`${b.memberCount} 人`}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>党小组</Text>
            <Text className='row__value'>{`${b.groupCount} 个`}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>支部书记</Text>
            <Text className='row__value'>{b.secretary ?? '未设置'}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>支部委员会</Text>
            <View className='row__value'>
              {b.committee.length === 0 ? <Text className='text text--small'>未设置</Text> : null}
              {b.committee.map((c, i) => (
                <Text key={`${c.name}-${i}`} className='text text--small'>
                  {c.duty ? `${c.name}（${c.duty}）` : c.name}
                </Text>
              ))}
            </View>
          </View>
          <Button
            className='btn btn--primary btn--small'
            aria-label={`查看${b.name}的成员`}
            onClick={() => void Taro.navigateTo({ url: `${ROUTES.branch}?id=${encodeURIComponent(b.id)}&name=${encodeURIComponent(b.name)}` })}
          >
            查看成员
          </Button>
        </View>
      ))}
    </PageShell>
  );
}
