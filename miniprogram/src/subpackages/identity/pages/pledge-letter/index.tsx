/**
 * 承诺书 (`?id=` a pledge of the branch, else my own of this year): the pledge letter drawn as an
 * image — title 党员承诺书, year, branch, name, group, the three parts with items and measures,
 * 承诺人 with the handwritten signature and the signed date — with 保存图片 (album on weapp,
 * download on H5). A pledge not yet signed shows as a draft letter with an entry back to sign.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { NotMember } from '@/components/NotMember';
import { useAction } from '@/hooks/useAction';
import { chinaDate, decodeParam } from '@/lib/format';
import { go, ROUTES } from '@/lib/routes';
import { safeCall } from '@/lib/submit';
import type { ApiError, PledgeView } from '@/services/api';
import { LetterCanvas } from '../../components/LetterCanvas';
import { letterContent } from '../../lib/letter';

type Loaded = { status: 'loading' | 'ready'; pledge: PledgeView | null; error: null } | { status: 'error'; pledge: null; error: ApiError };

/** pledge.get for an id, else pledge.mine (null before the member starts one). */
function usePledge(id: string) {
  const [state, setState] = useState<Loaded>({ status: 'loading', pledge: null, error: null });
  const reload = useCallback(async () => {
    setState({ status: 'loading', pledge: null, error: null });
    if (id) {
      const res = await safeCall('pledge.get', { pledgeId: id });
      setState(res.ok ? { status: 'ready', pledge: res.data, error: null } : { status: 'error', pledge: null, error: res.error });
    } else {
      const res = await safeCall('pledge.mine', {});
      setState(res.ok ? { status: 'ready', pledge: res.data.pledge, error: null } : { status: 'error', pledge: null, error: res.error });
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}

export default function PledgeLetter() {
  const { params } = useRouter();
  const id = decodeParam(params?.id);
  const me = useAction('org.me', {});
  const source = usePledge(id);
  const pledge = source.pledge;

  const failed = me.status === 'error' ? me : source.status === 'error' ? source : null;
  const status = failed ? 'error' : me.status === 'loading' || source.status === 'loading' ? 'loading' : pledge ? 'ready' : 'empty';
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';

  return (
    <PageShell
      status={status}
      errorMessage={failed?.error?.message}
      onRetry={() => {
        void me.reload();
        void source.reload();
      }}
      errorContent={notMember ? <NotMember /> : undefined}
      emptyText='还没有承诺'
      emptyHint='在“我的承诺”中填写三部分承诺并签名后，即可生成承诺书。'
    >
      {pledge && me.data ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${pledge.member.name} · ${pledge.year}年度承诺书`}</Text>
            {pledge.signedAt ? (
              <Text className='text text--small text--muted'>{`${chinaDate(pledge.signedAt)} 签署。保存图片后可打印或在微信中发送。`}</Text>
            ) : (
              <View role='status'>
                <Text className='text overdue'>尚未签署：这是承诺书的草稿样式。</Text>
                {!id ? (
                  <Button className='btn btn--plain btn--small' aria-label='去签署承诺书' onClick={() => go(ROUTES.pledge)}>
                    去签署
                  </Button>
                ) : null}
              </View>
            )}
          </View>
          <LetterCanvas
            canvasId='pledge-letter'
            content={letterContent(pledge, me.data.branch.name, pledge.signedAt ? chinaDate(pledge.signedAt) : null)}
            fileName={`承诺书-${pledge.member.name}-${pledge.year}.png`}
          />
        </View>
      ) : null}
    </PageShell>
  );
}
