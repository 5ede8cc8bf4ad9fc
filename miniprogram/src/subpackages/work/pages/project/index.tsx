/**
 * 项目详情 (?id=, project.get): goal, lead (with the secretary's reason when the rotation was
 * overridden), team, milestones (owner, due date, 逾期; 完成 for the owner, the lead or the
 * secretary → project.completeMilestone, whose refusal is shown as the server words it),
 * progress updates with photos (text + photos uploaded to `projects/<projectId>/…`; the draft and
 * its requestId stay on the device until the server confirms → project.addUpdate), the status
 * history, and for the secretary the one next status step (验收 only after 已完成), with a note,
 * confirmed first → project.setStatus.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { Photos } from '@/components/Photos';
import { newRequestId } from '@/components/Work';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS } from '@/domain/work';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDate, chinaDateTime, decodeParam } from '@/lib/format';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import type { ActionOutput, ProjectView } from '@/services/api';
import {
  MAX_UPDATE_PHOTOS,
  MIN_UPDATE_TEXT,
  canCompleteMilestone,
  canPostUpdate,
  milestoneProgress,
  nextStep,
  updateDraftKey,
  type UpdateDraft,
} from '../../lib/project';
import { pickPhotos } from '@/lib/permissions';

type Me = ActionOutput<'org.me'>;

function readDraft(projectId: string): UpdateDraft {
  try {
    const raw = Taro.getStorageSync(updateDraftKey(projectId)) as Partial<UpdateDraft> | '';
    if (raw && typeof raw === 'object' && typeof raw.requestId === 'string' && raw.requestId) {
      return {
        text: typeof raw.text === 'string' ? raw.text : '',
        photos: Array.isArray(raw.photos) ? raw.photos.filter((x): x is string => typeof x === 'string').slice(0, MAX_UPDATE_PHOTOS) : [],
        requestId: raw.requestId,
      };
    }
  } catch {
    // unreadable storage: start a new draft
  }
  return { text: '', photos: [], requestId: newRequestId('pu') };
}

function writeDraft(projectId: string, draft: UpdateDraft | null): void {
  try {
    if (draft) Taro.setStorageSync(updateDraftKey(projectId), draft);
    else Taro.removeStorageSync(updateDraftKey(projectId));
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

function Milestones({ project, me, onChange }: { project: ProjectView; me: Me | null; onChange: (p: ProjectView) => void }) {
  const submit = useSubmit();
  const { done, total } = milestoneProgress(project);
  const complete = async (milestoneId: string, title: string) => {
    if (!(await confirmChange('完成节点', `确认「${title}」已完成？`, '确认完成'))) return;
    const res = await submit.run('project.completeMilestone', { projectId: project.id, milestoneId });
    if (res.ok) {
      toast('节点已完成', 'success');
      onChange(res.data);
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>{`节点（已完成 ${done}/${total}）`}</Text>
      <ErrorAlert error={submit.error} />
      <View role='list' aria-label='节点'>
        {project.milestones.map((m) => (
          <View key={m.id} className='ledger' role='listitem' aria-label={`${m.title}，负责人${m.owner.name}，${m.dueOn}前${m.doneAt ? '，已完成' : m.overdue ? '，已逾期' : ''}`}>
            <Text className='text'>{m.title}</Text>
            <Text className='text text--small'>{`负责人：${m.owner.name} · 完成期限 ${m.dueOn}`}</Text>
            {m.doneAt ? <Text className='tag'>{`已完成 ${chinaDate(m.doneAt)}`}</Text> : null}
            {!m.doneAt && m.overdue ? <Text className='tag overdue'>逾期</Text> : null}
            {!m.doneAt && canCompleteMilestone(me, project, m.owner.id) ? (
              <Button
                className='btn btn--plain btn--small'
                aria-label={`完成：${m.title}`}
                disabled={submit.busy || undefined}
                onClick={() => void complete(m.id, m.title)}
              >
                完成
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

function UpdateForm({ project, onChange }: { project: ProjectView; onChange: (p: ProjectView) => void }) {
  const [draft, setDraftState] = useState<UpdateDraft>(() => readDraft(project.id));
  const [uploading, setUploading] = useState(false);
  const [local, setLocal] = useState<string | undefined>();
  const submit = useSubmit();
  const change = (next: Partial<UpdateDraft>) => {
    setDraftState((d) => {
      const merged = { ...d, ...next };
      writeDraft(project.id, merged);
      return merged;
    });
  };
  const room = MAX_UPDATE_PHOTOS - draft.photos.length;

  const addPhotos = async () => {
    if (room <= 0) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: string[] = [];
    try {
      for (const p of paths) added.push(await uploadFile(p, photoCloudPath(`projects/${project.id}`, p)));
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length) setDraftState((d) => {
      const merged = { ...d, photos: [...d.photos, ...added].slice(0, MAX_UPDATE_PHOTOS) };
      writeDraft(project.id, merged);
      return merged;
    });
  };

  const send = async () => {
    const text = draft.text.trim();
    if (Array.from(text).length < MIN_UPDATE_TEXT) {
      setLocal(`请至少写 ${MIN_UPDATE_TEXT} 个字，说明进展`);
      return;
    }
    setLocal(undefined);
    // The draft (and its requestId) is on the device already: a retry after a failure is the same update.
    const res = await submit.run('project.addUpdate', { projectId: project.id, requestId: draft.requestId, text, photos: draft.photos });
    if (!res.ok) return;
    writeDraft(project.id, null);
    setDraftState({ text: '', photos: [], requestId: newRequestId('pu') });
    toast('进展已发布', 'success');
    onChange(res.data);
  };

  return (
    <View className='notice'>
      <TextField
        label='新的进展'
        value={draft.text}
        onChange={(text) => change({ text })}
        multiline
        maxlength={1000}
        placeholder='做了什么、效果如何'
        hint='未发布的内容会保存在本机。'
        error={local ?? submit.fieldError('text')}
      />
      <Text className='field__label'>{`照片（${draft.photos.length} / ${MAX_UPDATE_PHOTOS}）`}</Text>
      {draft.photos.length ? (
        <View className='chips'>
          {draft.photos.map((p, i) => (
            <Button key={p} className='chip' aria-label={`删除照片${i + 1}`} onClick={() => change({ photos: draft.photos.filter((x) => x !== p) })}>
              {`照片${i + 1} ✕`}
            </Button>
          ))}
        </View>
      ) : null}
      {room > 0 ? (
        <Button className='btn btn--plain btn--small' aria-label='添加照片' disabled={uploading || undefined} loading={uploading || undefined} onClick={() => void addPhotos()}>
          {uploading ? '正在上传…' : '添加照片'}
        </Button>
      ) : null}
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label='发布进展' disabled={submit.busy || uploading || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
        发布进展
      </Button>
    </View>
  );
}

function StatusStep({ project, onChange }: { project: ProjectView; onChange: (p: ProjectView) => void }) {
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const step = nextStep(project.status);
  if (!step) return null;
  const move = async () => {
    const summary = `「${project.title}」：${PROJECT_STATUS_LABELS[project.status]} → ${step.label}${note.trim() ? `\n说明：${note.trim()}` : ''}`;
    if (!(await confirmChange(step.action, summary, `确认${step.action}`))) return;
    const res = await submit.run('project.setStatus', { projectId: project.id, status: step.status, note: note.trim() });
    if (res.ok) {
      setNote('');
      toast(`已${step.action}`, 'success');
      onChange(res.data);
    }
  };
  return (
    <View className='card'>
      <Text className='card__title'>推进状态</Text>
      <Text className='text text--small'>{`当前：${PROJECT_STATUS_LABELS[project.status]}，下一步：${step.label}`}</Text>
      <TextField label='说明（可选）' value={note} onChange={setNote} multiline maxlength={200} error={submit.fieldError('note')} />
      <ErrorAlert error={submit.error} />
      <Button className='btn btn--primary' aria-label={step.action} disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void move()}>
        {step.action}
      </Button>
    </View>
  );
}

export default function Project() {
  const { params } = useRouter();
  const id = decodeParam(params?.id);
  const me = useAction('org.me', {});
  const get = useAction('project.get', { projectId: id });
  /** The latest view a write returned; cleared when the page reloads. */
  const [fresh, setFresh] = useState<ProjectView | null>(null);
  const reload = () => {
    setFresh(null);
    void get.reload();
  };
  useReloadOnShow(reload);
  const project = fresh ?? get.data;
  const viewer = me.data ?? null;
  const isSecretary = viewer?.roles.includes('secretary') ?? false;
  const notMember = get.status === 'error' && get.error.code === 'UNAUTHENTICATED';

  if (!id) return <PageShell status='error' errorMessage='缺少项目编号' />;
  return (
    <PageShell status={project ? 'ready' : get.status} errorMessage={get.error?.message} onRetry={reload} errorContent={notMember ? <NotMember /> : undefined}>
      {project ? (
        <>
          <View className='card'>
            <Text className='tag'>{PROJECT_KIND_LABELS[project.kind]}</Text>
            <Text className='tag'>{PROJECT_STATUS_LABELS[project.status]}</Text>
            {project.overdue ? <Text className='tag overdue'>逾期</Text> : null}
            <Text className='card__title'>{project.title}</Text>
            <Text className='text'>{`目标：${project.goal}`}</Text>
            <View className='row'>
              <Text className='row__label'>牵头人</Text>
              <Text className='row__value'>{project.overrideReason ? project.lead.name : `${project.lead.name}（轮值）`}</Text>
            </View>
            {project.overrideReason ? <Text className='text text--small'>{`调整原因：${project.overrideReason}`}</Text> : null}
            <View className='row'>
              <Text className='row__label'>党小组</Text>
              <Text className='row__value'>{project.groups.map((g) => g.name).join('、') || '无'}</Text>
            </View>
            <View className='row'>
              <Text className='row__label'>岗区队</Text>
              <Text className='row__value'>{project.units.map((u) => u.name).join('、') || '无'}</Text>
            </View>
            <Text className='text text--small text--muted'>{`立项于 ${chinaDate(project.createdAt)}`}</Text>
          </View>
          <Milestones project={project} me={viewer} onChange={setFresh} />
          {isSecretary ? <StatusStep project={project} onChange={setFresh} /> : null}
          <View className='card'>
            <Text className='card__title'>项目进展</Text>
            {project.updates.length === 0 ? <Text className='text text--muted'>还没有进展记录</Text> : null}
            <View role='list' aria-label='项目进展'>
              {project.updates.map((u) => (
                <View key={u.id} className='ledger' role='listitem'>
                  <Text className='text text--small text--muted'>{`${u.by} · ${chinaDateTime(u.at)}`}</Text>
                  <Text className='text'>{u.text}</Text>
                  <Photos urls={u.photoUrls} />
                </View>
              ))}
            </View>
            {canPostUpdate(viewer, project) ? <UpdateForm project={project} onChange={setFresh} /> : null}
          </View>
          <View className='card'>
            <Text className='card__title'>状态记录</Text>
            <View role='list' aria-label='状态记录'>
              {project.history.map((h, i) => (
                <View key={`${h.status}-${h.at}-${i}`} className='ledger' role='listitem'>
                  <Text className='text'>{PROJECT_STATUS_LABELS[h.status]}</Text>
                  <Text className='text text--small text--muted'>{`${h.by} · ${chinaDateTime(h.at)}`}</Text>
                  {h.note ? <Text className='text text--small'>{h.note}</Text> : null}
                </View>
              ))}
            </View>
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
