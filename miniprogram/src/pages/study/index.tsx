import { PageShell } from '@/components/PageShell';

/** 学习: study pushes and micro-lessons are listed here once the branch publishes them. */
export default function Study() {
  return (
    <PageShell
      status='empty'
      emptyText='暂无学习内容'
      emptyHint='支部推送的学习要点和微型党课会显示在这里。'
    />
  );
}
