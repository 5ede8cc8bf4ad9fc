/**
 * 整改事项: the member's 三单 (rectification.mine) — responsibilities, problems and each
 * rectification item with due date, status, overdue mark and the review note when returned.
 * Open or returned items take an answer (text ≥ 10 characters, up to 9 photos); the typed text
 * and uploaded photos stay in Taro storage until the server confirms.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { Photos } from '@/components/Photos';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ACTION_STATUS_LABELS, type Rectification, type RectificationAction } from '@/domain/quarter';
import { periodLabel } from '@/domain/points';
import { chinaDate } from '@/lib/format';
import { toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import { pickPhotos } from '@/lib/permissions';

export const MIN_ANSWER = 10;
export const MAX_PHOTOS = 9;

interface Draft {
  text: string;
  photos: string[];
}

export const draftKey = (rectificationId: string, actionId: string) => `tx_rect_draft_${rectificationId}_${actionId}`;

function readDraft(key: string): Draft {
  try {
    const raw = Taro.getStorageSync(key) as Draft | string | undefined;
    if (raw && typeof raw === 'object' && typeof raw.text === 'string') return { text: raw.text, photos: Array.isArray(raw.photos) ? raw.photos : [] };
  } catch {
    // unreadable storage: start empty
  }
  return { text: '', photos: [] };
}

function writeDraft(key: string, draft: Draft | null): void {
  try {
    if (draft) Taro.setStorageSync(key, draft);
    else Taro.removeStorageSync(key);
  } catch {
    // storage full: the draft lives on in the form for this session
  }
}

function AnswerForm({ rect, item, onDone }: { rect: Rectification; item: RectificationAction; onDone: () => void }) {
  const key = draftKey(rect.id, item.id);
  const [draft, setDraftState] = useState<Draft>(() => readDraft(key));
  const [local, setLocal] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const submit = useSubmit();
  const setDraft = (next: Draft) => {
    setDraftState(next);
    writeDraft(key, next);
  };

  const addPhotos = async () => {
    const room = MAX_PHOTOS - draft.photos.length;
    if (room <= 0) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: string[] = [];
    try {
      for (const p of paths) added.push(await uploadFile(p, photoCloudPath(`rectification/${rect.id}/${item.id}`, p)));
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length) setDraft({ ...draft, photos: [...draft.photos, ...added].slice(0, MAX_PHOTOS) });
  };

  const send = async () => {
    const text = draft.text.trim();
    if (text.length < MIN_ANSWER) {
      setLocal(`请至少写 ${MIN_ANSWER} 个字，说明做了什么`);
      return;
    }
    setLocal(undefined);
    const res = await submit.run('rectification.answer', { rectificationId: rect.id, actionId: item.id, text, photos: draft.photos });
    if (res.ok) {
      writeDraft(key, null);
      toast('已提交，等待书记核验', 'success');
      onDone();
    }
  };

  return (
    <View className='notice'>
      <TextField
        label='整改情况'
        value={draft.text}
        onChange={(text) => setDraft({ ...draft, text })}
        multiline
        maxlength={1000}
        placeholder={`写明做了什么、效果如何（至少 ${MIN_ANSWER} 个字）`}
        hint='未提交的内容会保存在本机。'
        error={local ?? submit.fieldError('text')}
      />
      <Text className='field__label'>{`照片（${draft.photos.length} / ${MAX_PHOTOS}）`}</Text>
      {draft.photos.length ? (
        <View className='chips'>
          {draft.photos.map((p, i) => (
            <Button
              key={p}
              className='chip'
              aria-label={`删除照片${i + 1}`}
              onClick={() => setDraft({ ...draft, photos: draft.photos.filter((x) => x !== p) })}
            >
              {`照片${i + 1} ✕`}
            </Button>
          ))}
        </View>
      ) : null}
      {draft.photos.length < MAX_PHOTOS ? (
        <Button className='btn btn--plain btn--small' aria-label='添加照片' disabled={uploading || undefined} loading={uploading || undefined} onClick={() => void addPhotos()}>
          {uploading ? '正在上传…' : '添加照片'}
        </Button>
      ) : null}
      <ErrorAlert error={submit.error} />
      <Button
        className='btn btn--primary'
        aria-label={`提交整改情况：${item.text}`}
        disabled={submit.busy || uploading || undefined}
        loading={submit.busy || undefined}
        onClick={() => void send()}
      >
        提交整改情况
      </Button>
    </View>
  );
}

function ActionItem({ rect, item, onDone }: { rect: Rectification; item: RectificationAction; onDone: () => void }) {
  const canAnswer = rect.state === 'open' && (item.status === 'open' || item.status === 'returned');
  return (
    <View className='ledger' role='listitem' aria-label={`${item.text}，${ACTION_STATUS_LABELS[item.status]}${item.overdue ? '，已逾期' : ''}`}>
      <Text className='text'>{item.text}</Text>
      <Text className={`text text--small${item.overdue ? ' overdue' : ' text--muted'}`}>{`整改期限 ${item.dueOn}${item.overdue ? ' · 已逾期' : ''}`}</Text>
      <Text className='tag'>{ACTION_STATUS_LABELS[item.status]}</Text>
      {item.review && item.status === 'returned' ? <Text className='text text--small overdue'>{`退回意见：${item.review.note || '（无）'}`}</Text> : null}
      {item.review && item.status === 'verified' && item.review.note ? <Text className='text text--small text--muted'>{`核验意见：${item.review.note}`}</Text> : null}
      {item.answer && !canAnswer ? (
        <View>
          <Text className='text text--small text--muted'>{`我的整改情况（${chinaDate(item.answer.at)}）：${item.answer.text}`}</Text>
          <Photos urls={item.answer.photoUrls} />
        </View>
      ) : null}
      {canAnswer ? <AnswerForm rect={rect} item={item} onDone={onDone} /> : null}
    </View>
  );
}

export default function MyRectification() {
  const mine = useAction('rectification.mine', {});
  useReloadOnShow(mine.reload);
  const items = mine.data?.items ?? [];
  const status = mine.status === 'ready' && items.length === 0 ? 'empty' : mine.status;

  return (
    <PageShell status={status} errorMessage={mine.error?.message} onRetry={mine.reload} emptyText='暂无整改事项'>
      {items.map((r) => (
        <View key={r.id} className='card'>
          <Text className='card__title'>{`${periodLabel(r.period)} 三单`}</Text>
          <Text className='text text--small text--muted'>{`${r.state === 'open' ? '整改中' : '已完成'} · 下发于 ${chinaDate(r.createdAt)}`}</Text>
          <Text className='field__label'>责任清单</Text>
          {r.responsibilities.map((x, i) => (
            <Text key={x.id} className='text'>{`${i + 1}. ${x.text}`}</Text>
          ))}
          <Text className='field__label'>问题清单</Text>
          {r.problems.map((x, i) => (
            <Text key={x.id} className='text'>{`${i + 1}. ${x.text}`}</Text>
          ))}
          <Text className='field__label'>整改清单</Text>
          <View role='list' aria-label='整改事项'>
            {r.actions.map((a) => (
              <ActionItem key={a.id} rect={r} item={a} onDone={() => void mine.reload()} />
            ))}
          </View>
        </View>
      ))}
    </PageShell>
  );
}
