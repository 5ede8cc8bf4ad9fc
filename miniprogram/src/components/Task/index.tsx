/**
 * 支部任务 pieces shared by the task page (work subpackage), the secretary's task pages and
 * 首页: the WeChat share (card title and path, share menu with shareTicket), the H5 fallback
 * that shows the share path as copyable text, and plain labels for a task's due time and state.
 */
import { useEffect, useRef } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { TASK_STATE_LABELS, type TaskState } from '@/domain/work';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import type { TaskView } from '@/services/api';
import './index.css';
import { copyText } from '@/lib/permissions';

export const TASK_SHARE_PREFIX = '【支部任务】';

/** The page a WeChat group card (or a reminder) opens: `/subpackages/work/pages/task/index?id=…`. */
export function taskPath(id: string): string {
  return `${ROUTES.task}?id=${encodeURIComponent(id)}`;
}

export function taskShare(task: Pick<TaskView, 'id' | 'title'>): { title: string; path: string } {
  return { title: `${TASK_SHARE_PREFIX}${task.title}`, path: taskPath(task.id) };
}

/** Whether the due time has passed (at `now`). */
export function isPastDue(task: Pick<TaskView, 'dueAt'>, now = Date.now()): boolean {
  const due = Date.parse(task.dueAt);
  return !Number.isNaN(due) && due < now;
}

/** "截止 2026-12-03 18:00" in China time. */
export function dueText(task: Pick<TaskView, 'dueAt'>): string {
  return `截止 ${chinaDateTime(task.dueAt)}`;
}

export function stateLabel(state: TaskState): string {
  return TASK_STATE_LABELS[state];
}

/** A task state as a text label (已完成 / 未完成 / 已逾期), colour only as a second cue. */
export function TaskStateTag({ state }: { state: TaskState }) {
  return <Text className={`task-state task-state--${state}`}>{TASK_STATE_LABELS[state]}</Text>;
}


/**
 * The page's WeChat share: the card titled 【支部任务】<title> opening the task, and the share
 * menu with shareTicket (so the group a card was shared to can be told apart). The latest task
 * is read at share time.
 */
export function useTaskShare(task: Pick<TaskView, 'id' | 'title'> | null): void {
  const latest = useRef(task);
  latest.current = task;
  useShareAppMessage(() => (latest.current ? taskShare(latest.current) : { title: '支部任务', path: ROUTES.secretaryTasks }));
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return;
    try {
      void Promise.resolve(Taro.showShareMenu({ withShareTicket: true })).catch(() => undefined);
    } catch {
      // no share menu on this platform
    }
  }, []);
}

function copy(text: string): void {
  void copyText(text, '分享链接已复制', '复制失败，请长按选择文字复制');
}

/**
 * 分享到微信群: in WeChat a share button (the card opens the task); elsewhere (H5, no WeChat
 * share) the share path as text to copy into the group.
 */
export function TaskShare({ task }: { task: Pick<TaskView, 'id' | 'title'> }) {
  const share = taskShare(task);
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className='btn btn--plain' openType='share' aria-label='分享到微信群'>
        分享到微信群
      </Button>
    );
  }
  return (
    <View className='card'>
      <Text className='field__label'>分享链接</Text>
      <Text className='text text--small text--muted'>复制后发到微信群，党员打开即可查看和完成任务。</Text>
      <Text className='text share-path' aria-label={`分享链接：${share.path}`} data-share-path={share.path}>
        {share.path}
      </Text>
      <Button className='btn btn--plain btn--small' aria-label='复制分享链接' onClick={() => copy(share.path)}>
        复制分享链接
      </Button>
    </View>
  );
}
