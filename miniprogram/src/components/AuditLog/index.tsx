/**
 * The audit log (org.auditLog), newest first, 20 at a time (加载更多 passes `before` = the
 * returned `next`). Shared by the secretary's and the committee admin's subpackages.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '@/domain/vocabulary';
import { chinaDateTime } from '@/lib/format';
import { safeCall } from '@/lib/submit';
import type { ActionOutput, ApiError } from '@/services/api';

type Entry = ActionOutput<'org.auditLog'>['entries'][number];

function nameIn(value: unknown): string | null {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.name === 'string') return v.name;
    if (typeof v.title === 'string') return v.title;
  }
  return null;
}

export function auditTarget(e: Entry): string {
  const kind = AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType;
  const name = nameIn(e.after) ?? nameIn(e.before);
  return name ? `${kind}：${name}` : `${kind}：${e.targetId}`;
}

export function AuditLog({ showBranch }: { showBranch?: boolean }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const [more, setMore] = useState(false);

  const load = useCallback(async (before?: string) => {
    if (before) setMore(true);
    else setStatus('loading');
    const res = await safeCall('org.auditLog', before ? { before } : {});
    setMore(false);
    if (!res.ok) {
      setError(res.error);
      if (!before) setStatus('error');
      return;
    }
    setError(null);
    setEntries((list) => (before ? [...list, ...res.data.entries] : res.data.entries));
    setNext(res.data.next);
    setStatus('ready');
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <PageShell
      status={status === 'ready' && entries.length === 0 ? 'empty' : status}
      emptyText='暂无操作记录'
      errorMessage={error?.message}
      onRetry={() => void load()}
    >
      {entries.map((e) => (
        <View key={e.id} className='card'>
          <Text className='card__title'>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</Text>
          <View className='row'>
            <Text className='row__label'>时间</Text>
            <Text className='row__value'>{chinaDateTime(e.at)}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>操作人</Text>
            <Text className='row__value'>{e.actor.name}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>对象</Text>
            <Text className='row__value'>{auditTarget(e)}</Text>
          </View>
          {showBranch && e.branch ? (
            <View className='row'>
              <Text className='row__label'>支部</Text>
              <Text className='row__value'>{e.branch.name}</Text>
            </View>
          ) : null}
        </View>
      ))}
      {error && status === 'ready' ? (
        <View className='alert' role='alert'>
          <Text>{error.message}</Text>
        </View>
      ) : null}
      {next ? (
        <Button className='btn btn--plain' aria-label='加载更多操作记录' disabled={more || undefined} loading={more || undefined} onClick={() => void load(next)}>
          加载更多
        </Button>
      ) : entries.length > 0 ? (
        <Text className='notice text--muted'>没有更早的记录了</Text>
      ) : null}
    </PageShell>
  );
}

export default AuditLog;
