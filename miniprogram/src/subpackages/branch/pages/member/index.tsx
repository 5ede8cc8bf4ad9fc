/** One member of the branch (org.member): phone masked unless the viewer is the secretary or the member. */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { ROLE_LABELS } from '@/domain/roles';
import { CATEGORY_LABELS, EXEMPT_CATEGORIES, UNIT_KIND_LABELS } from '@/domain/vocabulary';

export default function MemberPage() {
  const { params } = useRouter();
  const memberId = params?.id ?? '';
  const member = useAction('org.member', { memberId });
  const m = member.data;
  return (
    <PageShell status={member.status} errorMessage={member.error?.message} onRetry={member.reload}>
      {m ? (
        <View className='card'>
          <Text className='card__title'>{m.name}</Text>
          <View className='row'>
            <Text className='row__label'>手机号</Text>
            <Text className='row__value'>{m.phone}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>党小组</Text>
            <Text className='row__value'>{m.group?.name ?? '未编入党小组'}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>岗区队</Text>
            <View className='row__value'>
              {m.units.length === 0 ? <Text className='text text--small'>无</Text> : null}
              {m.units.map((u) => (
                <Text key={u.id} className='text text--small'>{`${UNIT_KIND_LABELS[u.kind]}：${u.name}`}</Text>
              ))}
            </View>
          </View>
          <View className='row'>
            <Text className='row__label'>身份</Text>
            <View className='row__value'>
              {m.roles.map((r) => (
                <Text key={r} className='tag'>
                  {ROLE_LABELS[r]}
                </Text>
              ))}
            </View>
          </View>
          {m.duty ? (
            <View className='row'>
              <Text className='row__label'>委员分工</Text>
              <Text className='row__value'>{m.duty}</Text>
            </View>
          ) : null}
          <View className='row'>
            <Text className='row__label'>党员类别</Text>
            <Text className='row__value'>{CATEGORY_LABELS[m.category]}</Text>
          </View>
          {EXEMPT_CATEGORIES.has(m.category) ? <Text className='text text--small text--muted'>该类别不参加积分排名。</Text> : null}
          <View className='row'>
            <Text className='row__label'>入党日期</Text>
            <Text className='row__value'>{m.joinedOn}</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
