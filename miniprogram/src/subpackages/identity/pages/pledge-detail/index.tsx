/**
 * 承诺详情 (`?id=`, pledge.get): one pledge of the branch — the three parts, the handwritten
 * signature, the fulfilment updates with their photos and the quarterly reviews — with an
 * entry to its 承诺书 image.
 */
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { useReloadOnShow } from '@/hooks/useReloadOnShow';
import { chinaDate, decodeParam } from '@/lib/format';
import { go, ROUTES } from '@/lib/routes';
import { Fulfilments, PledgeParts, Reviews, Signature } from '../../components/PledgeBlocks';

export default function PledgeDetail() {
  const { params } = useRouter();
  const id = decodeParam(params?.id);
  const pledge = useAction('pledge.get', { pledgeId: id });
  useReloadOnShow(pledge.reload);
  const notMember = pledge.status === 'error' && pledge.error.code === 'UNAUTHENTICATED';
  const p = pledge.data;
  return (
    <PageShell status={pledge.status} errorMessage={pledge.error?.message} onRetry={pledge.reload} errorContent={notMember ? <NotMember /> : undefined}>
      {p ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${p.member.name} · ${p.year}年度承诺`}</Text>
            <Text className='text text--small text--muted'>{p.member.group ?? '未编入党小组'}</Text>
            <Text className='tag'>{p.status === 'signed' ? '已签署' : '草稿'}</Text>
            {p.signedAt ? <Text className='text text--small'>{`签署于 ${chinaDate(p.signedAt)}`}</Text> : null}
            <PledgeParts pledge={p} />
            <Signature pledge={p} />
            {p.status === 'signed' ? (
              <Button className='btn btn--plain' aria-label={`查看${p.member.name}的承诺书`} onClick={() => go(`${ROUTES.pledgeLetter}?id=${encodeURIComponent(p.id)}`)}>
                查看承诺书
              </Button>
            ) : null}
          </View>
          <View className='card'>
            <Text className='card__title'>{`践诺记录（${p.fulfilments.length}）`}</Text>
            <Fulfilments pledge={p} />
          </View>
          <View className='card'>
            <Text className='card__title'>季度评议</Text>
            <Reviews pledge={p} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
