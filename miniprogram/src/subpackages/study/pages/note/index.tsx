/**
 * 学习心得 (?id=): one note with its comments (`note.get`), 点赞, a comment form
 * (`note.comment` with a requestId kept until the server confirms; a content rejection shows
 * the reason and keeps the text) and, for the secretary, 评为精选 (`note.feature`, confirmed).
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { chinaDateTime, decodeParam } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import type { CommentView, NoteView } from '@/services/api';
import { NoteCard, toggleLike } from '../../components/NoteCard';

export const COMMENT_MIN = 2;
export const COMMENT_MAX = 300;

function newCommentRequestId(): string {
  return `cmt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function CommentForm({ noteId, onAdded }: { noteId: string; onAdded: (c: CommentView) => void }) {
  const [text, setText] = useState('');
  // One requestId per comment: a retry after a network error counts once; a new comment gets a new one.
  const [requestId, setRequestId] = useState(newCommentRequestId);
  const [short, setShort] = useState(false);
  const submit = useSubmit();
  const send = async () => {
    const t = text.trim();
    if (t.length < COMMENT_MIN) {
      setShort(true);
      return;
    }
    setShort(false);
    const res = await submit.run('note.comment', { noteId, requestId, text: t });
    if (res.ok) {
      onAdded(res.data);
      setText('');
      setRequestId(newCommentRequestId());
      toast('评论已发表', 'success');
    }
  };
  const fieldMessage = submit.fieldError('text');
  return (
    <View className='card'>
      <TextField
        label='写评论'
        value={text}
        onChange={setText}
        multiline
        maxlength={COMMENT_MAX}
        placeholder='说说您的看法'
        error={short ? `评论至少 ${COMMENT_MIN} 个字` : fieldMessage}
      />
      <ErrorAlert error={submit.error && !fieldMessage ? submit.error : null} />
      <Button className='btn btn--primary' aria-label='发表评论' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
        发表评论
      </Button>
    </View>
  );
}

export default function NotePage() {
  const { params } = useRouter();
  const noteId = decodeParam(params?.id);
  const got = useAction('note.get', { noteId });
  const me = useAction('org.me', {});
  const feature = useSubmit();
  const [note, setNote] = useState<NoteView | null>(null);
  const [added, setAdded] = useState<CommentView[]>([]);
  const [liking, setLiking] = useState(false);

  // Local changes (likes, 精选) over what the server sent.
  const shown = note && note.id === got.data?.note.id ? note : (got.data?.note ?? null);
  const comments = [...(got.data?.comments ?? []), ...added.filter((c) => !got.data?.comments.some((x) => x.id === c.id))];
  const isSecretary = Boolean(me.data?.roles.includes('secretary'));

  const like = async (n: NoteView) => {
    if (liking) return;
    setLiking(true);
    let current = n;
    await toggleLike(n, (_id, patch) => {
      current = { ...current, ...patch };
      setNote(current);
    });
    setLiking(false);
  };

  const makeFeatured = async () => {
    if (!shown) return;
    const ok = await confirmChange('评为精选', `将 ${shown.author.name} 的心得评为精选？精选心得在支部展示，作者获得精选积分。`, '评为精选');
    if (!ok) return;
    const res = await feature.run('note.feature', { noteId: shown.id });
    if (res.ok) {
      setNote(res.data);
      toast('已评为精选', 'success');
    }
  };

  return (
    <PageShell status={got.status} errorMessage={got.error?.message} onRetry={got.reload}>
      {shown ? (
        <View>
          <NoteCard note={shown} onLike={(n) => void like(n)} liking={liking} full />
          {shown.push || shown.lesson ? (
            <View className='card'>
              {shown.push ? (
                <View className='entry' role='button' aria-label={`学习要点：${shown.push.title}`} onClick={() => go(`${ROUTES.push}?id=${shown.push?.id ?? ''}`)}>
                  <Text>{`学习要点：${shown.push.title}`}</Text>
                  <Text className='entry__arrow'>›</Text>
                </View>
              ) : null}
              {shown.lesson ? (
                <View className='entry' role='button' aria-label={`微党课：${shown.lesson.title}`} onClick={() => go(`${ROUTES.lesson}?id=${shown.lesson?.id ?? ''}`)}>
                  <Text>{`微党课：${shown.lesson.title}`}</Text>
                  <Text className='entry__arrow'>›</Text>
                </View>
              ) : null}
            </View>
          ) : null}
          {isSecretary && !shown.featured ? (
            <View>
              <ErrorAlert error={feature.error} />
              <Button className='btn btn--plain' aria-label='评为精选' disabled={feature.busy || undefined} loading={feature.busy || undefined} onClick={() => void makeFeatured()}>
                评为精选
              </Button>
            </View>
          ) : null}
          <Text className='section-title'>{`评论（${comments.length}）`}</Text>
          <View className='card'>
            {comments.length === 0 ? <Text className='text text--muted'>还没有评论。</Text> : null}
            <View role='list' aria-label='评论'>
              {comments.map((c) => (
                <View key={c.id} role='listitem' className='ledger'>
                  <View className='ledger__head'>
                    <Text className='ledger__label'>{c.author.name}</Text>
                    <Text className='text text--small text--muted'>{chinaDateTime(c.createdAt)}</Text>
                  </View>
                  <Text className='text' style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text}
                  </Text>
                </View>
              ))}
            </View>
          </View>
          <CommentForm
            noteId={shown.id}
            onAdded={(c) => {
              setAdded((list) => [...list, c]);
              setNote({ ...shown, comments: shown.comments + 1 });
            }}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
