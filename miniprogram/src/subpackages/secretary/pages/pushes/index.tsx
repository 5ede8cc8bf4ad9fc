/**
 * 学习要点 (secretary): the branch's pushes (`studyPush.list`), newest first, scheduled ones
 * included — each with 已发送 / 定时 and its time, and 阅读率 (reads of targets, in percent, as
 * a bar); tap → who has read it. 发布学习要点 opens the form.
 */
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDateTime } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { percentOf, percentText, rate } from '../../../../../../shared/domain/rates';


export default function SecretaryPushes() {
  const list = useAction('studyPush.list', {});
  useReloadOnShow(list.reload);
  const items = list.data?.items ?? [];

  return (
    <PageShell status={list.status} errorMessage={list.error?.message} onRetry={list.reload}>
      <Button className='btn btn--primary' aria-label='发布学习要点' onClick={() => go(ROUTES.pushNew)}>
        发布学习要点
      </Button>
      {items.length === 0 ? (
        <View className='card'>
          <Text className='text text--muted'>还没有发布学习要点。</Text>
        </View>
      ) : null}
      <View role='list' aria-label='学习要点'>
        {items.map((p) => {
          const read = rate(p.reads, p.targets);
          const when = `${p.status === 'scheduled' ? '定时' : '已发送'} ${chinaDateTime(p.sendAt)}`;
          const target = p.groups.length ? p.groups.map((g) => g.name).join('、') : '全支部';
          return (
            <View key={p.id} role='listitem'>
              <View
                className='card'
                role='button'
                aria-label={`${p.title}，${when}，发送给${target}，阅读率 ${percentText(read)}（${p.reads}/${p.targets}），查看阅读情况`}
                onClick={() => go(`${ROUTES.pushReaders}?id=${p.id}`)}
              >
                <Text className='card__title'>{p.title}</Text>
                <Text className={p.status === 'scheduled' ? 'tag' : 'text text--small text--muted'}>{when}</Text>
                <Text className='text text--small text--muted'>{`发送对象：${target}`}</Text>
                <View className='bar-row'>
                  <Text className='bar-row__label'>阅读率</Text>
                  <View className='bar-row__track'>
                    <View className='bar-row__fill' style={{ width: `${percentOf(read)}%` }} />
                  </View>
                  <Text className='bar-row__count'>{percentText(read)}</Text>
                </View>
                <Text className='text text--small text--muted'>{`已读 ${p.reads} / ${p.targets} 人 ›`}</Text>
              </View>
            </View>
          );
        })}
      </View>
    </PageShell>
  );
}
