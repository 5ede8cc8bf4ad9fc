import { PageShell } from '@/components/PageShell';

/** 积分: the member's points file for the current quarter. */
export default function Points() {
  return (
    <PageShell
      status='empty'
      emptyText='本季度暂无积分记录'
      emptyHint='参加组织生活、学习和践诺获得的积分会记录在这里。'
    />
  );
}
