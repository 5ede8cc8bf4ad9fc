/**
 * 支部任务 (?id=, or ?scene= from a mini-program code): opened from the WeChat group card, a
 * reminder or 首页. Shows kind, title, detail, due time (逾期 when past), what counts as done
 * and my state, and completes the task as it asks:
 * - read: 我已阅读 after the detail;
 * - note: one of my 学习心得 written since the task was published (note.mine), or 去写心得
 *   (ROUTES.noteNew) and back — the list reloads when the page shows again;
 * - photo: photos uploaded to `tasks/<taskId>/<memberId>/…`, then 提交照片;
 * - confirm: 确认完成.
 * Members the task is not for see it without the button (the server refuses them anyway).
 * Share: the card 【支部任务】<title> opening this page; on H5 the path as copyable text.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { SubscribeOffer } from '@/components/SubscribeOffer';
import { TaskShare, TaskStateTag, dueText, isPastDue, useTaskShare } from '@/components/Task';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { TASK_DONE_BY_LABELS, TASK_KIND_LABELS } from '@/domain/work';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { toast } from '@/lib/confirm';
import { ROUTES, go } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import type { TaskView } from '@/services/api';
import { pickPhotos } from '@/lib/permissions';

const MAX_PHOTOS = 9;

type Done = (view: TaskView) => void;

/** task.complete with the busy flag and the server's message (a refusal shows as it is). */
function useComplete(task: TaskView, onDone: Done) {
  const submit = useSubmit();
  const complete = async (input: { noteId: string | null; photos: string[] }) => {
    const res = await submit.run('task.complete', { taskId: task.id, ...input });
    if (!res.ok) return;
    toast('任务已完成', 'success');
    onDone(res.data);
  };
  return { submit, complete };
}

/** read → 我已阅读 after the detail; confirm → 确认完成. */
function CompleteByTap({ task, onDone }: { task: TaskView; onDone: Done }) {
  const { submit, complete } = useComplete(task, onDone);
  const label = task.doneBy === 'read' ? '我已阅读' : '确认完成';
  return (
    <View>
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label={label} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void complete({ noteId: null, photos: [] })}>
        {label}
      </Button>
    </View>
  );
}

/** note → one of my notes written since the task was published, or 去写心得 and back. */
function CompleteByNote({ task, onDone }: { task: TaskView; onDone: Done }) {
  const { submit, complete } = useComplete(task, onDone);
  const notes = useAction('note.mine', {});
  const [noteId, setNoteId] = useState<string | null>(null);
  const since = Date.parse(task.createdAt);
  const mine = (notes.data?.items ?? []).filter((n) => Date.parse(n.createdAt) >= since);
  return (
    <View className='card'>
      <Text className='card__title'>提交学习心得</Text>
      <Text className='text text--small text--muted'>选择任务发布后您写的一篇学习心得来完成任务。</Text>
      {notes.status === 'loading' ? <Text className='text text--muted'>正在加载我的心得…</Text> : null}
      {notes.status === 'error' ? (
        <View>
          <Text className='text text--muted'>{notes.error.message}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重新加载我的心得' onClick={() => void notes.reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {notes.status === 'ready' && mine.length === 0 ? <Text className='text'>任务发布后您还没有写学习心得。</Text> : null}
      <View role='radiogroup' aria-label='选择学习心得'>
        {mine.map((n) => {
          const on = n.id === noteId;
          return (
            <View
              key={n.id}
              className={`note-choice${on ? ' note-choice--on' : ''}`}
              role='radio'
              aria-checked={on}
              aria-label={`${chinaDateTime(n.createdAt)} 的心得：${n.text.slice(0, 30)}`}
              onClick={() => setNoteId(n.id)}
            >
              <Text className='text text--small text--muted'>{`${on ? '✓ 已选 · ' : ''}${chinaDateTime(n.createdAt)}`}</Text>
              <Text className='text'>{n.text.length > 60 ? `${n.text.slice(0, 60)}…` : n.text}</Text>
            </View>
          );
        })}
      </View>
      <ErrorAlert error={submit.error} />
      <View className='actions'>
        <Button className='btn btn--plain' aria-label='去写心得' onClick={() => go(ROUTES.noteNew)}>
          去写心得
        </Button>
        <Button
          className='btn btn--primary'
          aria-label='用所选心得完成任务'
          disabled={submit.busy || !noteId || undefined}
          loading={submit.busy || undefined}
          onClick={() => void (noteId ? complete({ noteId, photos: [] }) : undefined)}
        >
          完成任务
        </Button>
      </View>
      <Text className='text text--small text--muted'>写好心得后返回本页，即可在上面选择。</Text>
    </View>
  );
}

interface Photo {
  fileId: string;
  /** Local path for the preview. */
  path: string;
}

/** photo → photos uploaded to tasks/<taskId>/<memberId>/…, then 提交照片. */
function CompleteByPhoto({ task, onDone }: { task: TaskView; onDone: Done }) {
  const { submit, complete } = useComplete(task, onDone);
  const me = useAction('org.me', {});
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const room = MAX_PHOTOS - photos.length;

  const addPhotos = async () => {
    if (room <= 0 || !me.data) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    const folder = `tasks/${task.id}/${me.data.memberId}`;
    setUploading(true);
    const added: Photo[] = [];
    try {
      for (const p of paths) added.push({ fileId: await uploadFile(p, photoCloudPath(folder, p)), path: p });
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length) setPhotos((prev) => [...prev, ...added].slice(0, MAX_PHOTOS));
  };

  return (
    <View className='card'>
      <Text className='card__title'>上传照片</Text>
      <Text className='field__label'>{`照片（${photos.length} / ${MAX_PHOTOS}）`}</Text>
      {photos.length ? (
        <View className='chips' role='list' aria-label='已上传的照片'>
          {photos.map((p, i) => (
            <View key={p.fileId} role='listitem'>
              <Image className='photo' src={p.path} mode='aspectFill' aria-hidden='true' />
              <Button className='chip' aria-label={`删除照片${i + 1}`} onClick={() => setPhotos((prev) => prev.filter((x) => x.fileId !== p.fileId))}>
                {`照片${i + 1} ✕`}
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      {room > 0 ? (
        <Button
          className='btn btn--plain btn--small'
          aria-label='添加照片'
          disabled={uploading || !me.data || undefined}
          loading={uploading || undefined}
          onClick={() => void addPhotos()}
        >
          {uploading ? '正在上传…' : '添加照片'}
        </Button>
      ) : null}
      {submit.fieldError('photos') ? <Text className='field__error'>{submit.fieldError('photos')}</Text> : null}
      <ErrorAlert error={submit.fieldError('photos') ? null : submit.error} />
      <Button
        className='btn btn--primary'
        aria-label='提交照片完成任务'
        disabled={submit.busy || uploading || photos.length === 0 || undefined}
        loading={submit.busy || undefined}
        onClick={() => void complete({ noteId: null, photos: photos.map((p) => p.fileId) })}
      >
        提交照片完成任务
      </Button>
    </View>
  );
}

function Complete({ task, onDone }: { task: TaskView; onDone: Done }) {
  if (task.doneBy === 'note') return <CompleteByNote task={task} onDone={onDone} />;
  if (task.doneBy === 'photo') return <CompleteByPhoto task={task} onDone={onDone} />;
  return <CompleteByTap task={task} onDone={onDone} />;
}

function TaskBody({ taskId }: { taskId: string }) {
  const got = useAction('task.get', { taskId });
  const [completed, setCompleted] = useState<TaskView | null>(null);
  const reload = () => {
    setCompleted(null);
    void got.reload();
  };
  useReloadOnShow(reload);
  const task = completed ?? got.data;
  useTaskShare(task);
  const notMember = got.status === 'error' && got.error.code === 'UNAUTHENTICATED';

  return (
    <PageShell status={got.status} errorMessage={got.error?.message} onRetry={reload} errorContent={notMember ? <NotMember /> : undefined}>
      {task ? (
        <View>
          <View className='card'>
            <Text className='tag'>{TASK_KIND_LABELS[task.kind]}</Text>
            <Text className='card__title'>{task.title}</Text>
            <View className='row'>
              <Text className='row__label'>截止时间</Text>
              <Text className={`row__value${isPastDue(task) ? ' overdue' : ''}`}>{`${chinaDateTime(task.dueAt)}${isPastDue(task) ? '（已逾期）' : ''}`}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>完成方式</Text>
              <Text className='row__value'>{TASK_DONE_BY_LABELS[task.doneBy]}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>发布人</Text>
              <Text className='row__value'>{task.publisher}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>范围</Text>
              <Text className='row__value'>{task.targetLabel}</Text>
            </View>
            <Text className='field__label'>任务内容</Text>
            <Text className='text task-detail'>{task.detail}</Text>
          </View>

          {task.mine ? (
            <View className='card' aria-live='polite'>
              <Text className='field__label'>我的完成情况</Text>
              <TaskStateTag state={task.mine.state} />
              {task.mine.state === 'done' && task.mine.doneAt ? <Text className='text text--small text--muted'>{`完成于 ${chinaDateTime(task.mine.doneAt)}`}</Text> : null}
              {task.mine.state === 'overdue' ? <Text className='text text--small overdue'>{`${dueText(task)}，已逾期，请尽快完成`}</Text> : null}
            </View>
          ) : (
            <View className='notice' role='note'>
              <Text>这项任务不是发给您的，无需完成。</Text>
            </View>
          )}

          {task.mine && task.mine.state !== 'done' ? <Complete task={task} onDone={setCompleted} /> : null}
          {task.mine && task.mine.state !== 'done' ? <SubscribeOffer template='task' title='订阅任务提醒' explainWeChat='任务快到期还没完成时，通过微信服务通知提醒您。' explainPlain='任务快到期还没完成时提醒您。' accepted='已订阅，任务未完成时支部会提醒您。' /> : null}

          <TaskShare task={task} />
        </View>
      ) : null}
    </PageShell>
  );
}

export default function TaskPage() {
  const { params } = useRouter();
  const taskId = decodeParam(params?.id) || decodeParam(params?.scene);
  if (!taskId) {
    return (
      <PageShell status='error' errorMessage='缺少任务编号，请从微信群里的任务卡片打开' />
    );
  }
  return <TaskBody taskId={taskId} />;
}
