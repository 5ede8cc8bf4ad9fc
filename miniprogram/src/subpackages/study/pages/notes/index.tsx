/**
 * 学习心得: tabs 支部心得 (`note.feed`, a page at a time with `before` = the last note's
 * createdAt, 只看精选 filter) and 我的心得 (`note.mine`). Each card: author, date, text
 * (long text collapsed with 展开), image thumbnails (tap to enlarge), 点赞 (optimistic, rolled
 * back if the server refuses), comment count, 精选 badge; tap → the note. 写心得 opens the form.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { ROUTES, go } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import { toast } from '@/lib/confirm';
import type { ApiError, NoteView } from '@/services/api';
import { NoteCard, toggleLike, type LikePatch } from '../../components/NoteCard';

type Tab = 'branch' | 'mine';

interface ListState {
  status: 'loading' | 'ready' | 'error';
  items: NoteView[];
  more: boolean;
  error: ApiError | null;
  loadingMore: boolean;
}

const LOADING: ListState = { status: 'loading', items: [], more: false, error: null, loadingMore: false };

async function fetchNotes(tab: Tab, featured: boolean, before?: string) {
  if (tab === 'mine') {
    const res = await safeCall('note.mine', {});
    return res.ok ? ({ ok: true, items: res.data.items, more: false } as const) : ({ ok: false, error: res.error } as const);
  }
  const res = await safeCall('note.feed', { ...(featured ? { featured: true } : {}), ...(before ? { before } : {}) });
  return res.ok ? ({ ok: true, items: res.data.items, more: res.data.more } as const) : ({ ok: false, error: res.error } as const);
}

export default function Notes() {
  const [tab, setTab] = useState<Tab>('branch');
  const [featured, setFeatured] = useState(false);
  const [list, setList] = useState<ListState>(LOADING);
  const [liking, setLiking] = useState<string[]>([]);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setList(LOADING);
    const res = await fetchNotes(tab, featured);
    if (mine !== seq.current) return;
    setList(res.ok ? { status: 'ready', items: res.items, more: res.more, error: null, loadingMore: false } : { ...LOADING, status: 'error', error: res.error });
  }, [tab, featured]);

  useEffect(() => {
    void load();
  }, [load]);
  useReloadOnShow(() => void load());

  const loadMore = async () => {
    const last = list.items[list.items.length - 1];
    if (!last || list.loadingMore) return;
    const mine = seq.current;
    setList((l) => ({ ...l, loadingMore: true }));
    const res = await fetchNotes(tab, featured, last.createdAt);
    if (mine !== seq.current) return;
    if (res.ok) {
      setList((l) => {
        const known = new Set(l.items.map((n) => n.id));
        return { ...l, items: [...l.items, ...res.items.filter((n) => !known.has(n.id))], more: res.more, loadingMore: false };
      });
    } else {
      setList((l) => ({ ...l, loadingMore: false }));
      toast(res.error.message);
    }
  };

  const apply = (noteId: string, patch: LikePatch) =>
    setList((l) => ({ ...l, items: l.items.map((n) => (n.id === noteId ? { ...n, ...patch } : n)) }));
  const like = async (note: NoteView) => {
    if (liking.includes(note.id)) return;
    setLiking((ids) => [...ids, note.id]);
    await toggleLike(note, apply);
    setLiking((ids) => ids.filter((id) => id !== note.id));
  };

  const tabs: Array<{ value: Tab; label: string }> = [
    { value: 'branch', label: '支部心得' },
    { value: 'mine', label: '我的心得' },
  ];
  const emptyText = tab === 'mine' ? '您还没有写过心得。' : featured ? '暂无精选心得。' : '支部还没有人写心得。';

  return (
    <PageShell status={list.status === 'error' ? 'error' : 'ready'} errorMessage={list.error?.message} onRetry={() => void load()}>
      <View className='card'>
        <View className='chips' role='group' aria-label='心得分类'>
          {tabs.map((t) => (
            <Button
              key={t.value}
              className={`chip${tab === t.value ? ' chip--on' : ''}`}
              aria-pressed={tab === t.value}
              aria-label={t.label}
              onClick={() => setTab(t.value)}
            >
              {t.label}
            </Button>
          ))}
          {tab === 'branch' ? (
            <Button className={`chip${featured ? ' chip--on' : ''}`} aria-pressed={featured} aria-label='只看精选' onClick={() => setFeatured(!featured)}>
              {featured ? '✓ 只看精选' : '只看精选'}
            </Button>
          ) : null}
        </View>
        <Button className='btn btn--primary' aria-label='写心得' onClick={() => go(ROUTES.noteNew)}>
          写心得
        </Button>
      </View>
      {list.status === 'loading' ? (
        <View className='shell-state' role='status'>
          <Text className='shell-state__text'>正在加载…</Text>
        </View>
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <View className='card'>
          <Text className='text text--muted'>{emptyText}</Text>
          <Text className='text text--small text--muted'>读完学习要点、看完微党课，写下您的体会。</Text>
        </View>
      ) : null}
      <View role='list' aria-label={tab === 'mine' ? '我的心得' : '支部心得'}>
        {list.items.map((n) => (
          <View key={n.id} role='listitem'>
            <NoteCard note={n} onLike={(x) => void like(x)} liking={liking.includes(n.id)} />
          </View>
        ))}
      </View>
      {list.more ? (
        <Button className='btn btn--plain' aria-label='加载更多心得' disabled={list.loadingMore || undefined} loading={list.loadingMore || undefined} onClick={() => void loadMore()}>
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      ) : null}
    </PageShell>
  );
}
