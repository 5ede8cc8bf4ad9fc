/**
 * 承诺公开栏 (pledge.board): every signed pledge of the branch this year — name, group, signed
 * date, how many items — with the three parts' items folded under 展开承诺内容; tapping a
 * pledge opens 承诺详情 (fulfilment updates and reviews).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDate } from '@/lib/format';
import { go, ROUTES } from '@/lib/routes';
import type { PledgeView } from '@/services/api';
import { PledgeParts } from '../../components/PledgeBlocks';
import { itemCount } from '../../lib/pledge';

function BoardCard({ pledge }: { pledge: PledgeView }) {
  const [open, setOpen] = useState(false);
  const signed = pledge.signedAt ? chinaDate(pledge.signedAt) : '';
  const summary = `${pledge.member.name}，${pledge.member.group ?? '未编入党小组'}，${signed} 签署，承诺 ${itemCount(pledge)} 项，践诺记录 ${pledge.fulfilments.length} 条`;
  return (
    <View className='card' role='listitem'>
      <View className='entry' role='button' aria-label={`查看承诺：${summary}`} onClick={() => go(`${ROUTES.pledgeDetail}?id=${encodeURIComponent(pledge.id)}`)}>
        <View>
          <Text className='card__title'>{pledge.member.name}</Text>
          <Text className='text text--small text--muted'>{`${pledge.member.group ?? '未编入党小组'} · ${signed} 签署`}</Text>
          <Text className='text text--small'>{`承诺 ${itemCount(pledge)} 项 · 践诺记录 ${pledge.fulfilments.length} 条`}</Text>
        </View>
        <Text className='entry__arrow'>›</Text>
      </View>
      <Button
        className='btn btn--plain btn--small'
        aria-expanded={open}
        aria-label={`${open ? '收起' : '展开'}${pledge.member.name}的承诺内容`}
        onClick={() => setOpen(!open)}
      >
        {open ? '收起承诺内容' : '展开承诺内容'}
      </Button>
      {open ? <PledgeParts pledge={pledge} /> : null}
    </View>
  );
}

export default function PledgeBoard() {
  const board = useAction('pledge.board', {});
  useReloadOnShow(board.reload);
  const notMember = board.status === 'error' && board.error.code === 'UNAUTHENTICATED';
  const items = [...(board.data?.items ?? [])].sort((a, b) => (a.signedAt ?? '').localeCompare(b.signedAt ?? ''));
  const status = board.status === 'ready' && items.length === 0 ? 'empty' : board.status;
  return (
    <PageShell
      status={status}
      errorMessage={board.error?.message}
      onRetry={board.reload}
      errorContent={notMember ? <NotMember /> : undefined}
      emptyText={`${board.data?.year ?? ''}年度还没有党员签署承诺`}
      emptyHint='签署承诺书后，承诺内容会在这里公开，接受党员群众监督。'
    >
      {board.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${board.data.year}年度承诺公开栏`}</Text>
            <Text className='text text--small text--muted'>{`已签署 ${items.length} 人。公开承诺，接受监督；点姓名查看践诺记录和季度评议。`}</Text>
            <Button className='btn btn--plain btn--small' aria-label='我的承诺' onClick={() => go(ROUTES.pledge)}>
              我的承诺
            </Button>
          </View>
          <View role='list' aria-label='已签署的承诺'>
            {items.map((p) => (
              <BoardCard key={p.id} pledge={p} />
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
