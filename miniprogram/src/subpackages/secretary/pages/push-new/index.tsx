/**
 * 发布学习要点 (secretary): title, body, up to 9 images (uploaded to `pushes/<branchId>/…`), an
 * optional published micro-lesson (`lesson.list`), the whole branch or chosen Party groups
 * (`org.pyramid`), and 立即发送 or 定时发送 at a China-time date and time (sent as an ISO
 * instant with +08:00). Confirmed before sending. The draft, with a requestId made once per
 * draft, stays on the device until the server confirms, so a retry never sends twice.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Picker, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, MultiSelect, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { chinaDate } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import { pickPhotos } from '@/lib/permissions';

export const PUSH_DRAFT_KEY = 'tx_push_draft';
export const MAX_PUSH_IMAGES = 9;
/** The server accepts a scheduled time at most this many days ahead. */
export const MAX_SCHEDULE_DAYS = 90;
const TITLE = { min: 2, max: 40 };
const BODY = { min: 10, max: 3000 };
const DAY_MS = 24 * 3600 * 1000;
/** Input fields whose server messages are shown under their control. */
const FORM_FIELDS = ['title', 'body', 'lessonId', 'groupIds', 'sendAt'];

export interface PushDraft {
  title: string;
  body: string;
  images: string[];
  lessonId: string | null;
  /** true: the whole branch; false: `groupIds`. */
  whole: boolean;
  groupIds: string[];
  when: 'now' | 'later';
  /** China calendar day and time of a scheduled push. */
  date: string;
  time: string;
  requestId: string;
}

/** A China-time day and HH:mm as an ISO instant with the +08:00 offset. */
export function chinaInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

export function newPushRequestId(): string {
  return `push-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function emptyDraft(): PushDraft {
  return {
    title: '',
    body: '',
    images: [],
    lessonId: null,
    whole: true,
    groupIds: [],
    when: 'now',
    date: chinaDate(new Date(Date.now() + DAY_MS).toISOString()),
    time: '08:00',
    requestId: newPushRequestId(),
  };
}

function readDraft(): PushDraft {
  const fresh = emptyDraft();
  try {
    const raw = Taro.getStorageSync(PUSH_DRAFT_KEY) as Partial<PushDraft> | '';
    if (raw && typeof raw === 'object' && typeof raw.requestId === 'string' && raw.requestId) {
      return {
        ...fresh,
        ...raw,
        images: Array.isArray(raw.images) ? raw.images.slice(0, MAX_PUSH_IMAGES) : [],
        groupIds: Array.isArray(raw.groupIds) ? raw.groupIds : [],
      };
    }
  } catch {
    // unreadable storage: a new draft
  }
  return fresh;
}

function writeDraft(draft: PushDraft | null): void {
  try {
    if (draft) Taro.setStorageSync(PUSH_DRAFT_KEY, draft);
    else Taro.removeStorageSync(PUSH_DRAFT_KEY);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

/** What is wrong with the form before it goes to the server, or null. */
function problemOf(d: PushDraft, now: number): string | null {
  if (d.title.trim().length < TITLE.min) return `请填写标题（至少 ${TITLE.min} 个字）`;
  if (d.body.trim().length < BODY.min) return `请填写学习要点正文（至少 ${BODY.min} 个字）`;
  if (!d.whole && d.groupIds.length === 0) return '请选择要发送的党小组，或改为全支部';
  if (d.when === 'later') {
    const at = Date.parse(chinaInstant(d.date, d.time));
    if (Number.isNaN(at)) return '请选择定时发送的日期和时间';
    if (at <= now) return '定时发送的时间已过，请重新选择';
    if (at > now + MAX_SCHEDULE_DAYS * DAY_MS) return `定时发送最多提前 ${MAX_SCHEDULE_DAYS} 天`;
  }
  return null;
}

async function leave(): Promise<void> {
  try {
    await Taro.navigateBack();
  } catch {
    // opened directly: nothing to go back to
    void Taro.redirectTo({ url: ROUTES.secretaryPushes });
  }
}

export default function PushNew() {
  const me = useAction('org.me', {});
  const pyramid = useAction('org.pyramid', {});
  const lessons = useAction('lesson.list', { status: 'published' });
  const [draft, setDraftState] = useState<PushDraft>(readDraft);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useSubmit();

  const change = (next: Partial<PushDraft>) => {
    setDraftState((d) => {
      const merged = { ...d, ...next };
      writeDraft(merged);
      return merged;
    });
  };

  const groups = pyramid.data?.groups ?? [];
  const groupOptions: Option<string>[] = groups.map((g) => ({ value: g.id, label: g.name }));
  const lessonOptions: Option<string>[] = [
    { value: '', label: '不关联' },
    ...(lessons.data?.items ?? []).filter((l) => l.status === 'published').map((l) => ({ value: l.id, label: l.title })),
  ];
  const today = chinaDate(new Date().toISOString());
  const lastDay = chinaDate(new Date(Date.now() + MAX_SCHEDULE_DAYS * DAY_MS).toISOString());
  const room = MAX_PUSH_IMAGES - draft.images.length;

  const addImages = async () => {
    if (room <= 0 || !me.data) return;
    const branchId = me.data.branch.id;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: Array<{ fileId: string; path: string }> = [];
    try {
      for (const p of paths) added.push({ fileId: await uploadFile(p, photoCloudPath(`pushes/${branchId}`, p)), path: p });
    } catch {
      toast('图片上传失败，请重试');
    }
    setUploading(false);
    if (added.length === 0) return;
    setPreviews((prev) => ({ ...prev, ...Object.fromEntries(added.map((a) => [a.fileId, a.path])) }));
    setDraftState((d) => {
      const merged = { ...d, images: [...d.images, ...added.map((a) => a.fileId)].slice(0, MAX_PUSH_IMAGES) };
      writeDraft(merged);
      return merged;
    });
  };

  const send = async () => {
    const wrong = problemOf(draft, Date.now());
    setProblem(wrong);
    if (wrong) return;
    const target = draft.whole ? '全支部' : groups.filter((g) => draft.groupIds.includes(g.id)).map((g) => g.name).join('、');
    const when = draft.when === 'now' ? '立即发送' : `定时发送：${draft.date} ${draft.time}（北京时间）`;
    const lesson = lessonOptions.find((o) => o.value === draft.lessonId && o.value);
    const summary = [`标题：${draft.title.trim()}`, `发送对象：${target}`, when, ...(lesson ? [`关联微党课：${lesson.label}`] : []), `图片：${draft.images.length} 张`].join('\n');
    if (!(await confirmChange('确认发布学习要点', summary, draft.when === 'now' ? '立即发送' : '定时发送'))) return;
    writeDraft(draft);
    const res = await submit.run('studyPush.send', {
      title: draft.title.trim(),
      body: draft.body.trim(),
      images: draft.images,
      lessonId: draft.lessonId,
      groupIds: draft.whole ? [] : draft.groupIds,
      sendAt: draft.when === 'now' ? null : chinaInstant(draft.date, draft.time),
      requestId: draft.requestId,
    });
    if (!res.ok) return; // the draft and its requestId stay for the retry
    writeDraft(null);
    toast(res.data.status === 'scheduled' ? '已安排定时发送' : '已发送', 'success');
    await leave();
  };

  const isSecretary = Boolean(me.data?.roles.includes('secretary'));
  // Field messages show under their control; anything else (network, content check) above the button.
  const general = submit.error && !FORM_FIELDS.some((f) => submit.fieldError(f)) ? submit.error : null;
  const status = me.status === 'ready' ? pyramid.status : me.status;
  const error = me.error ?? pyramid.error;

  return (
    <PageShell
      status={status}
      errorMessage={error?.message}
      onRetry={() => {
        void me.reload();
        void pyramid.reload();
      }}
    >
      {!isSecretary ? (
        <View className='card' role='alert'>
          <Text className='text'>仅支部书记可用</Text>
        </View>
      ) : (
        <View>
          <View className='card'>
            <TextField label='标题' value={draft.title} onChange={(title) => change({ title })} maxlength={TITLE.max} placeholder='例如 学习党的二十届三中全会精神' error={submit.fieldError('title')} />
            <TextField
              label='学习要点正文'
              value={draft.body}
              onChange={(body) => change({ body })}
              multiline
              maxlength={BODY.max}
              placeholder={`要点内容（${BODY.min}–${BODY.max} 个字）`}
              hint={`已写 ${draft.body.trim().length} 字。未发送的内容会保存在本机。`}
              error={submit.fieldError('body')}
            />
            <Text className='field__label'>{`图片（${draft.images.length} / ${MAX_PUSH_IMAGES}）`}</Text>
            {draft.images.length ? (
              <View className='chips' role='list' aria-label='已添加的图片'>
                {draft.images.map((fileId, i) => (
                  <View key={fileId} role='listitem'>
                    {previews[fileId] ? <Image className='photo' src={previews[fileId]} mode='aspectFill' aria-hidden='true' /> : null}
                    <Button className='chip' aria-label={`删除图片${i + 1}`} onClick={() => change({ images: draft.images.filter((x) => x !== fileId) })}>
                      {`图片${i + 1} ✕`}
                    </Button>
                  </View>
                ))}
              </View>
            ) : null}
            {room > 0 ? (
              <Button className='btn btn--plain btn--small' aria-label='添加图片' disabled={uploading || undefined} loading={uploading || undefined} onClick={() => void addImages()}>
                {uploading ? '正在上传…' : '添加图片'}
              </Button>
            ) : null}
            <SelectField
              label='关联微党课（可选）'
              options={lessonOptions}
              value={draft.lessonId ?? ''}
              onChange={(v) => change({ lessonId: v || null })}
              hint={lessons.status === 'error' ? '微党课列表暂时无法加载' : undefined}
              error={submit.fieldError('lessonId')}
            />
          </View>

          <View className='card'>
            <Text className='field__label'>发送对象</Text>
            <View className='chips' role='group' aria-label='发送对象'>
              <Button className={`chip${draft.whole ? ' chip--on' : ''}`} aria-pressed={draft.whole} aria-label='全支部' onClick={() => change({ whole: true })}>
                全支部
              </Button>
              <Button className={`chip${!draft.whole ? ' chip--on' : ''}`} aria-pressed={!draft.whole} aria-label='指定党小组' onClick={() => change({ whole: false })}>
                指定党小组
              </Button>
            </View>
            {!draft.whole ? (
              <MultiSelect label='选择党小组' options={groupOptions} values={draft.groupIds} onChange={(groupIds) => change({ groupIds })} error={submit.fieldError('groupIds')} />
            ) : null}

            <Text className='field__label'>发送时间</Text>
            <View className='chips' role='group' aria-label='发送时间'>
              <Button className={`chip${draft.when === 'now' ? ' chip--on' : ''}`} aria-pressed={draft.when === 'now'} aria-label='立即发送' onClick={() => change({ when: 'now' })}>
                立即发送
              </Button>
              <Button className={`chip${draft.when === 'later' ? ' chip--on' : ''}`} aria-pressed={draft.when === 'later'} aria-label='定时发送' onClick={() => change({ when: 'later' })}>
                定时发送
              </Button>
            </View>
            {draft.when === 'later' ? (
              <View>
                <FieldFrame label='发送日期' hint='北京时间'>
                  <Picker mode='date' value={draft.date} start={today} end={lastDay} aria-label='发送日期' onChange={(e) => change({ date: String(e.detail.value) })}>
                    <View className='input picker' role='button' aria-label={`发送日期：${draft.date}`}>
                      <Text>{draft.date}</Text>
                    </View>
                  </Picker>
                </FieldFrame>
                <FieldFrame label='发送时刻' error={submit.fieldError('sendAt')}>
                  <Picker mode='time' value={draft.time} aria-label='发送时刻' onChange={(e) => change({ time: String(e.detail.value) })}>
                    <View className='input picker' role='button' aria-label={`发送时刻：${draft.time}`}>
                      <Text>{draft.time}</Text>
                    </View>
                  </Picker>
                </FieldFrame>
              </View>
            ) : null}
          </View>

          {problem ? (
            <View className='alert' role='alert'>
              <Text>{problem}</Text>
            </View>
          ) : null}
          <ErrorAlert error={general} />
          <Button
            className='btn btn--primary'
            aria-label='发布学习要点'
            disabled={submit.busy || uploading || undefined}
            loading={submit.busy || undefined}
            onClick={() => void send()}
          >
            发布学习要点
          </Button>
        </View>
      )}
    </PageShell>
  );
}
