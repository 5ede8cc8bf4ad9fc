/**
 * Read-only blocks of a pledge shared by 我的承诺, 承诺公开栏, 承诺详情 and 践诺评议: the three parts
 * with their items and measures, the fulfilment updates (with photos) and the reviews received.
 * Not a page module: Taro's page loader keeps only a page's default export.
 */
import { Image, Text, View } from '@tarojs/components';
import { Photos } from '@/components/Photos';
import { periodLabel } from '@/domain/points';
import { chinaDate, chinaDateTime } from '@/lib/format';
import type { PledgeView } from '@/services/api';
import { PLEDGE_PARTS, PLEDGE_PART_LABELS, REVIEW_RATING_LABELS, itemLabel, partHeading } from '../lib/pledge';
import './pledge.css';

export function PledgeParts({ pledge }: { pledge: Pick<PledgeView, 'parts'> }) {
  return (
    <View>
      {PLEDGE_PARTS.map((part) => (
        <View key={part} className='ledger' role='group' aria-label={PLEDGE_PART_LABELS[part]}>
          <Text className='text' style={{ fontWeight: 600 }}>
            {partHeading(part)}
          </Text>
          {pledge.parts[part].length === 0 ? <Text className='text text--small text--muted'>（未填写）</Text> : null}
          {pledge.parts[part].map((item, i) => (
            <View key={item.id} className='pledge-item'>
              <Text className='text'>{`${i + 1}. ${item.text}`}</Text>
              <Text className='text text--small text--muted'>{`衡量标准：${item.measure}`}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The signature image and the signed date. */
export function Signature({ pledge }: { pledge: Pick<PledgeView, 'signatureUrl' | 'signedAt' | 'member'> }) {
  if (!pledge.signedAt) return null;
  return (
    <View className='row'>
      <Text className='row__label'>承诺人签名</Text>
      <View className='row__value'>
        {pledge.signatureUrl ? (
          <Image className='signature-image' src={pledge.signatureUrl} mode='aspectFit' aria-label={`${pledge.member.name}的手写签名`} />
        ) : null}
        <Text className='text text--small'>{`签署于 ${chinaDate(pledge.signedAt)}`}</Text>
      </View>
    </View>
  );
}

export function Fulfilments({ pledge, emptyText = '还没有践诺记录' }: { pledge: PledgeView; emptyText?: string }) {
  const list = [...pledge.fulfilments].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <View role='list' aria-label='践诺记录'>
      {list.length === 0 ? <Text className='text text--small text--muted'>{emptyText}</Text> : null}
      {list.map((f) => {
        const item = itemLabel(pledge, f.itemId);
        return (
          <View key={f.id} className='ledger' role='listitem'>
            <Text className='text text--small text--muted'>{chinaDateTime(f.at)}</Text>
            {item ? <Text className='tag'>{item}</Text> : null}
            <Text className='text' style={{ whiteSpace: 'pre-wrap' }}>
              {f.text}
            </Text>
            <Photos urls={f.photoUrls} />
          </View>
        );
      })}
    </View>
  );
}

export function Reviews({ pledge, emptyText = '还没有评议' }: { pledge: Pick<PledgeView, 'reviews'>; emptyText?: string }) {
  const list = [...pledge.reviews].sort((a, b) => b.period.localeCompare(a.period));
  return (
    <View role='list' aria-label='践诺评议'>
      {list.length === 0 ? <Text className='text text--small text--muted'>{emptyText}</Text> : null}
      {list.map((r) => (
        <View
          key={r.period}
          className='ledger'
          role='listitem'
          aria-label={`${periodLabel(r.period)}评议：${REVIEW_RATING_LABELS[r.rating]}，${r.comment}，评议人${r.by}`}
        >
          <View className='ledger__head'>
            <Text className='ledger__label'>{periodLabel(r.period)}</Text>
            <Text className='tag'>{REVIEW_RATING_LABELS[r.rating]}</Text>
          </View>
          <Text className='text'>{r.comment}</Text>
          <Text className='text text--small text--muted'>{`评议人：${r.by} · ${chinaDate(r.at)}`}</Text>
        </View>
      ))}
    </View>
  );
}
