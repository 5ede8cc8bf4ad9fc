/**
 * 写学习心得 (?lessonId= / ?pushId=, both optional): the text (at least NOTE_RULE.minLength
 * characters, with a counter), up to NOTE_RULE.maxImages photos uploaded to
 * `notes/<memberId>/…`, and the lesson or push it is about.
 *
 * The draft — text, uploaded fileIDs, ties and a requestId made once per draft — is kept on
 * the device (one key per tie) on every change until the server confirms. A network failure
 * or CONTENT_REJECTED (the server's message names the reason) keeps it; a retry sends the
 * same requestId, so the server makes one note of it; success clears it and opens the note.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { NOTE_RULE } from '@/domain/study';
import { decodeParam } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { safeCall, useSubmit } from '@/lib/submit';
import { toast } from '@/lib/confirm';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import { pickPhotos } from '@/lib/permissions';

export interface NoteDraft {
  text: string;
  /** fileIDs already uploaded. */
  images: string[];
  lessonId: string | null;
  pushId: string | null;
  /** Made once per draft: a retried submission is the same note on the server. */
  requestId: string;
}

/** One draft per tie: a note about a push never picks up the draft of a note about a lesson. */
export const noteDraftKey = (lessonId: string | null, pushId: string | null) => `tx_note_draft_${lessonId || '-'}_${pushId || '-'}`;

export function newNoteRequestId(): string {
  return `note-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function readDraft(lessonId: string | null, pushId: string | null): NoteDraft {
  try {
    const raw = Taro.getStorageSync(noteDraftKey(lessonId, pushId)) as Partial<NoteDraft> | '';
    if (raw && typeof raw === 'object' && typeof raw.requestId === 'string' && raw.requestId) {
      return {
        text: typeof raw.text === 'string' ? raw.text : '',
        images: Array.isArray(raw.images) ? raw.images.filter((x): x is string => typeof x === 'string').slice(0, NOTE_RULE.maxImages) : [],
        lessonId,
        pushId,
        requestId: raw.requestId,
      };
    }
  } catch {
    // unreadable storage: start a new draft
  }
  return { text: '', images: [], lessonId, pushId, requestId: newNoteRequestId() };
}

function writeDraft(draft: NoteDraft, keep: boolean): void {
  const key = noteDraftKey(draft.lessonId, draft.pushId);
  try {
    if (keep) Taro.setStorageSync(key, draft);
    else Taro.removeStorageSync(key);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

/** The title of what the note is about, for the page to show. */
function useTieTitle(lessonId: string | null, pushId: string | null): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      if (pushId) {
        const res = await safeCall('studyPush.view', { pushId });
        if (live) setTitle(res.ok ? `学习要点：${res.data.title}` : '关联的学习要点');
      } else if (lessonId) {
        const res = await safeCall('lesson.view', { lessonId });
        if (live) setTitle(res.ok ? `微党课：${res.data.lesson.title}` : '关联的微党课');
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [lessonId, pushId]);
  return title;
}

export default function NoteNew() {
  const { params } = useRouter();
  const lessonId = decodeParam(params?.lessonId) || null;
  const pushId = decodeParam(params?.pushId) || null;
  const me = useAction('org.me', {});
  const tie = useTieTitle(lessonId, pushId);
  const [draft, setDraftState] = useState<NoteDraft>(() => readDraft(lessonId, pushId));
  /** Local previews of photos picked in this session (a fileID is not always displayable). */
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const submit = useSubmit();

  const change = (next: Partial<NoteDraft>) => {
    setDraftState((d) => {
      const merged = { ...d, ...next };
      writeDraft(merged, true);
      return merged;
    });
  };

  const length = draft.text.trim().length;
  const room = NOTE_RULE.maxImages - draft.images.length;

  const addPhotos = async () => {
    if (room <= 0 || !me.data) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: Array<{ fileId: string; path: string }> = [];
    try {
      for (const p of paths) added.push({ fileId: await uploadFile(p, photoCloudPath(`notes/${me.data.memberId}`, p)), path: p });
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length === 0) return;
    setPreviews((prev) => ({ ...prev, ...Object.fromEntries(added.map((a) => [a.fileId, a.path])) }));
    setDraftState((d) => {
      const merged = { ...d, images: [...d.images, ...added.map((a) => a.fileId)].slice(0, NOTE_RULE.maxImages) };
      writeDraft(merged, true);
      return merged;
    });
  };

  const send = async () => {
    const text = draft.text.trim();
    if (text.length < NOTE_RULE.minLength) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    // Saved before sending: if the app is closed mid-request, the retry still has this requestId.
    writeDraft(draft, true);
    const res = await submit.run('note.submit', { requestId: draft.requestId, text, images: draft.images, lessonId, pushId });
    if (!res.ok) return; // the draft stays; the message (network, or the content check's reason) is shown
    writeDraft(draft, false);
    toast('心得已发布', 'success');
    void Taro.redirectTo({ url: `${ROUTES.note}?id=${res.data.id}` });
  };

  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  const error = submit.error;
  // Field messages show under their control; anything else (network, content check) above the button.
  const general = error && !submit.fieldError('text') && !submit.fieldError('images') ? error : null;
  return (
    <PageShell status={me.status} errorMessage={me.error?.message} onRetry={me.reload} errorContent={notMember ? <NotMember /> : undefined}>
      <View className='card'>
        <Text className='card__title'>写学习心得</Text>
        {tie ? <Text className='tag'>{tie}</Text> : null}
        <TextField
          label='心得内容'
          value={draft.text}
          onChange={(text) => change({ text })}
          multiline
          maxlength={NOTE_RULE.maxLength}
          placeholder={`结合学习内容和本职工作谈谈体会（至少 ${NOTE_RULE.minLength} 个字）`}
          hint='未发布的内容会保存在本机。'
          error={tooShort && length < NOTE_RULE.minLength ? `请至少写 ${NOTE_RULE.minLength} 个字，现在 ${length} 个字` : submit.fieldError('text')}
        />
        <Text className={`text text--small${length < NOTE_RULE.minLength ? ' text--muted' : ''}`} aria-live='polite'>
          {length < NOTE_RULE.minLength
            ? `已写 ${length} 字，还差 ${NOTE_RULE.minLength - length} 字`
            : `已写 ${length} / ${NOTE_RULE.maxLength} 字`}
        </Text>

        <Text className='field__label'>{`图片（${draft.images.length} / ${NOTE_RULE.maxImages}）`}</Text>
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
        {submit.fieldError('images') ? <Text className='field__error'>{submit.fieldError('images')}</Text> : null}
        {room > 0 ? (
          <Button
            className='btn btn--plain btn--small'
            aria-label='添加图片'
            disabled={uploading || !me.data || undefined}
            loading={uploading || undefined}
            onClick={() => void addPhotos()}
          >
            {uploading ? '正在上传…' : '添加图片'}
          </Button>
        ) : null}
      </View>

      <ErrorAlert error={general} />
      {error?.code === 'CONTENT_REJECTED' ? (
        <View className='notice'>
          <Text className='text text--small text--muted'>内容已保存在本机，修改后可再次发布。</Text>
        </View>
      ) : null}
      <Button
        className='btn btn--primary'
        aria-label='发布心得'
        disabled={submit.busy || uploading || undefined}
        loading={submit.busy || undefined}
        onClick={() => void send()}
      >
        发布心得
      </Button>
    </PageShell>
  );
}
