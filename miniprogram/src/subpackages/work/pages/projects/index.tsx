/**
 * 攻坚项目 (project.list): the branch's project board by status — 已立项 / 推进中 / 已完成 / 已验收 —
 * each project with its kind, lead, milestones done of all and 逾期; tap to open it. The
 * secretary (roles from org.me) also gets 新建项目.
 */
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { PROJECT_KIND_LABELS } from '@/domain/work';
import { ROUTES, go } from '@/lib/routes';
import type { ProjectView } from '@/services/api';
import { milestoneProgress, projectsByStatus } from '../../lib/project';

function ProjectCard({ p }: { p: ProjectView }) {
  const { done, total } = milestoneProgress(p);
  return (
    <View className='card' role='listitem'>
      <View
        className='entry'
        role='button'
        aria-label={`${p.title}，${PROJECT_KIND_LABELS[p.kind]}，牵头人${p.lead.name}，节点完成 ${done}/${total}${p.overdue ? '，已逾期' : ''}`}
        onClick={() => go(`${ROUTES.project}?id=${encodeURIComponent(p.id)}`)}
      >
        <View>
          <Text className='tag'>{PROJECT_KIND_LABELS[p.kind]}</Text>
          {p.overdue ? <Text className='tag overdue'>逾期</Text> : null}
          <Text className='card__title'>{p.title}</Text>
          <Text className='text text--small'>{`牵头人：${p.lead.name}`}</Text>
          <Text className='text text--small text--muted'>{`节点 ${done}/${total}`}</Text>
        </View>
        <Text className='entry__arrow'>›</Text>
      </View>
    </View>
  );
}

export default function Projects() {
  const me = useAction('org.me', {});
  const list = useAction('project.list', {});
  useReloadOnShow(list.reload);
  const notMember = list.status === 'error' && list.error.code === 'UNAUTHENTICATED';
  const isSecretary = me.data?.roles.includes('secretary') ?? false;
  const items = list.data?.items ?? [];

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {isSecretary ? (
        <Button className='btn btn--primary' aria-label='新建项目' onClick={() => go(ROUTES.projectNew)}>
          新建项目
        </Button>
      ) : null}
      {items.length === 0 ? <Text className='notice'>支部还没有攻坚项目</Text> : null}
      {items.length > 0
        ? projectsByStatus(items).map((col) => (
            <View key={col.status}>
              <Text className='section-title'>{`${col.label}（${col.items.length}）`}</Text>
              {col.items.length === 0 ? <Text className='notice text--muted'>暂无</Text> : null}
              <View role='list' aria-label={col.label}>
                {col.items.map((p) => (
                  <ProjectCard key={p.id} p={p} />
                ))}
              </View>
            </View>
          ))
        : null}
    </PageShell>
  );
}
