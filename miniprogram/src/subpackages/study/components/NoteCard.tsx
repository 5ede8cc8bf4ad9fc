/**
 * One study note as a card (学习心得 list and page): author, date, 精选, the text (collapsed
 * after about six lines with 展开 in the list), thumbnails that enlarge on tap, the push or
 * lesson it is about, 点赞 and the comment count. Not a page module: Taro's page loader keeps
 * only a page's default export, so what two pages share lives here.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { Photos } from '@/components/Photos';
import { chinaDateTime } from '@/lib/format';
import { ROUTES, go } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import { toast } from '@/lib/confirm';
import type { NoteView } from '@/services/api';

/** A collapsed card shows about this many lines. */
export const COLLAPSED_LINES = 6;
/** Characters per line at the body size on a 375-pt-wide phone (a rough measure, on purpose). */
const CHARS_PER_LINE = 18;

/** The text cut to about `lines` lines (each paragraph wraps every CHARS_PER_LINE characters). */
export function clipText(text: string, lines = COLLAPSED_LINES): { shown: string; clipped: boolean } {
  let budget = lines * CHARS_PER_LINE;
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (budget <= 0) return { shown: `${out.join('\n')}…`, clipped: true };
    const cost = Math.max(1, Math.ceil(para.length / CHARS_PER_LINE)) * CHARS_PER_LINE;
    if (cost > budget) {
      out.push(para.slice(0, budget));
      return { shown: `${out.join('\n')}…`, clipped: true };
    }
    out.push(para);
    budget -= cost;
  }
  return { shown: text, clipped: false };
}

export type LikePatch = Pick<NoteView, 'likes' | 'likedByMe'>;

/**
 * 点赞 / 取消点赞 at once on screen; the server's count when it answers, the previous state
 * back (and a message) when it refuses.
 */
export async function toggleLike(note: NoteView, apply: (noteId: string, patch: LikePatch) => void): Promise<void> {
  const liked = !note.likedByMe;
  apply(note.id, { likedByMe: liked, likes: Math.max(0, note.likes + (liked ? 1 : -1)) });
  const res = await safeCall('note.like', { noteId: note.id, liked });
  if (res.ok) {
    apply(note.id, { likes: res.data.likes, likedByMe: res.data.likedByMe });
  } else {
    apply(note.id, { likes: note.likes, likedByMe: note.likedByMe });
    toast(res.error.message || '点赞未成功，请重试');
  }
}

export interface NoteCardProps {
  note: NoteView;
  onLike: (note: NoteView) => void;
  /** A like of this note is on its way. */
  liking?: boolean;
  /** The list links each card to its page; the note page shows the whole text. */
  full?: boolean;
}

export function NoteCard({ note, onLike, liking, full }: NoteCardProps) {
  const [open, setOpen] = useState(false);
  const clip = clipText(note.text);
  const long = !full && clip.clipped;
  const shown = long && !open ? clip.shown : note.text;
  const openNote = () => go(`${ROUTES.note}?id=${note.id}`);
  const head = (
    <View>
      <View className='ledger__head'>
        <Text className='ledger__label'>{note.author.name}</Text>
        {note.featured ? <Text className='badge'>精选</Text> : null}
      </View>
      <Text className='text text--small text--muted'>{chinaDateTime(note.createdAt)}</Text>
      <Text className='text' style={{ whiteSpace: 'pre-wrap' }}>
        {shown}
      </Text>
    </View>
  );
  return (
    <View className='card'>
      {full ? (
        head
      ) : (
        <View role='button' aria-label={`${note.author.name}的心得${note.featured ? '（精选）' : ''}，${chinaDateTime(note.createdAt)}，查看全文和评论`} onClick={openNote}>
          {head}
        </View>
      )}
      {long ? (
        <Button className='btn btn--plain btn--small' aria-label={open ? '收起' : '展开全文'} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开'}
        </Button>
      ) : null}
      <Photos urls={note.imageUrls} />
      {note.push ? <Text className='tag'>{`学习要点：${note.push.title}`}</Text> : null}
      {note.lesson ? <Text className='tag'>{`微党课：${note.lesson.title}`}</Text> : null}
      <View className='actions'>
        <Button
          className={`chip${note.likedByMe ? ' chip--on' : ''}`}
          aria-pressed={note.likedByMe}
          aria-label={`${note.likedByMe ? '取消点赞' : '点赞'}，${note.likes} 人点赞`}
          disabled={liking || undefined}
          onClick={() => onLike(note)}
        >
          {`${note.likedByMe ? '已赞' : '点赞'} ${note.likes}`}
        </Button>
        {full ? (
          <Text className='text text--small text--muted'>{`评论 ${note.comments}`}</Text>
        ) : (
          <Button className='chip' aria-label={`评论 ${note.comments} 条，查看`} onClick={openNote}>
            {`评论 ${note.comments}`}
          </Button>
        )}
      </View>
    </View>
  );
}
