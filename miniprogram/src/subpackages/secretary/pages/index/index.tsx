/**
 * 书记工作台 (secretary subpackage): the branch summary from org.me. The secretary's tools
 * are added to this subpackage so the main package stays small (DESIGN §7, §9).
 */
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { ROLE_LABELS } from '@/domain/roles';

export const SECRETARY_TOOLS: ReadonlyArray<{ name: string; what: string }> = [
  { name: '成员与入党邀请', what: '生成邀请码和邀请二维码，审核加入支部的申请' },
  { name: '任务与学习要点', what: '发布任务和学习要点，推送到支部微信群' },
  { name: '三会一课', what: '安排会议，记录出勤' },
  { name: '季度积分与评定', what: '关闭季度，发布排名和等次' },
  { name: '三单整改', what: '下发责任清单、问题清单、整改清单并跟踪验收' },
];

export default function SecretaryHome() {
  const me = useAction('org.me', {});
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  return (
    <PageShell
      status={me.status}
      errorMessage={me.error?.message}
      onRetry={me.reload}
      errorContent={notMember ? <NotMember /> : undefined}
    >
      {me.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{me.data.branch.name}</Text>
            <View className='row'>
              <Text className='row__label'>当前用户</Text>
              <Text className='row__value'>{me.data.name}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>身份</Text>
              <Text className='row__value'>{me.data.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
            </View>
          </View>
          {isSecretary ? (
            <View className='card'>
              <Text className='card__title'>支部工作</Text>
              <Text className='text text--small text--muted'>书记工具在本工作台分批上线，依次为：</Text>
              {SECRETARY_TOOLS.map((t) => (
                <View key={t.name} className='row'>
                  <Text className='row__label'>{t.name}</Text>
                  <Text className='row__value text--small'>{t.what}</Text>
                </View>
              ))}
            </View>
          ) : (
            <View className='card' role='alert'>
              <Text className='card__title'>仅支部书记可用</Text>
              <Text className='text text--muted'>书记工作台用于管理本支部的成员、任务和季度评定，您当前的身份无法使用。</Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
