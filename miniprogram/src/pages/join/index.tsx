/**
 * 加入支部 (main package: a scanned invitation opens it directly). The code comes from
 * `scene` (mini-program code, URL-encoded) or `code` (typed on 我的, or an H5 link). Shows
 * what the invitation is for, a form (name, phone) while it is valid, and the caller's
 * latest request. The typed name and phone stay on the device until the server confirms.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { INVITATION_STATE_LABELS, INVITATION_STATE_MESSAGES } from '@/domain/vocabulary';
import { RequestStatus } from '@/components/JoinStatus';
import { decodeParam } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { safeCall, useSubmit } from '@/lib/submit';
import { toast } from '@/lib/confirm';
import type { ActionOutput, ApiError } from '@/services/api';
import type { JoinRequest } from '@/components/JoinStatus';

export const JOIN_DRAFT_KEY = 'tx_join_draft';

type Info = ActionOutput<'org.invitationInfo'>;
type Request = JoinRequest;

interface Loaded {
  bound: boolean;
  info: Info | null;
  infoError: ApiError | null;
  request: Request | null;
}


interface Draft {
  name: string;
  phone: string;
}

function readDraft(): Draft {
  try {
    const raw = Taro.getStorageSync(JOIN_DRAFT_KEY) as Partial<Draft> | '';
    if (raw && typeof raw === 'object') return { name: String(raw.name ?? ''), phone: String(raw.phone ?? '') };
  } catch {
    // storage unavailable: start empty
  }
  return { name: '', phone: '' };
}

function writeDraft(draft: Draft | null): void {
  try {
    if (draft) Taro.setStorageSync(JOIN_DRAFT_KEY, draft);
    else Taro.removeStorageSync(JOIN_DRAFT_KEY);
  } catch {
    // storage full: the draft lives only in this page
  }
}

function goMine(): void {
  void Taro.switchTab({ url: ROUTES.mine });
}

export default function Join() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => decodeParam(params?.scene) || decodeParam(params?.code));
  const [codeInput, setCodeInput] = useState('');
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [data, setData] = useState<Loaded>({ bound: false, info: null, infoError: null, request: null });
  const [draft, setDraft] = useState<Draft>(readDraft);
  const [again, setAgain] = useState(false);
  const submit = useSubmit();
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setStatus('loading');
    const [me, my, info] = await Promise.all([
      safeCall('org.me', {}),
      safeCall('org.myJoinRequest', {}),
      code ? safeCall('org.invitationInfo', { code }) : Promise.resolve(null),
    ]);
    if (mine !== seq.current) return;
    // A network failure (not an answer about the invitation) is the page's error state.
    const failed = [me, my, info].find((r) => r && !r.ok && r.error.code === 'INTERNAL');
    if (failed && !failed.ok) {
      setLoadError(failed.error);
      setStatus('error');
      return;
    }
    setData({
      bound: me.ok,
      request: my.ok ? my.data.request : null,
      info: info?.ok ? info.data : null,
      infoError: info && !info.ok ? info.error : null,
    });
    setStatus('ready');
  }, [code]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = (next: Partial<Draft>) => {
    setDraft((d) => {
      const merged = { ...d, ...next };
      writeDraft(merged);
      return merged;
    });
  };

  const onSubmit = async () => {
    if (!data.info) return;
    const res = await submit.run('org.requestJoin', { code: data.info.code, name: draft.name.trim(), phone: draft.phone.trim() });
    if (res.ok) {
      writeDraft(null);
      setDraft({ name: '', phone: '' });
      setAgain(false);
      setData((d) => ({ ...d, request: res.data }));
      toast('申请已提交', 'success');
    }
  };

  const openCode = () => {
    const typed = codeInput.trim();
    if (!typed) return;
    setCode(typed);
  };

  const { bound, info, infoError, request } = data;
  const canApply = Boolean(info && info.state === 'valid' && !bound && (!request || request.status === 'rejected'));
  const showForm = canApply && (!request || again);

  return (
    <PageShell status={status} errorMessage={loadError?.message} onRetry={load}>
      {bound ? (
        <View className='card' role='status'>
          <Text className='card__title'>您已是支部成员</Text>
          <Text className='text text--muted'>无需再次申请，可在“我的”查看所在支部和党小组。</Text>
          <Button className='btn btn--primary' aria-label='前往我的' onClick={goMine}>
            前往我的
          </Button>
        </View>
      ) : null}

      {!bound && info ? (
        <View className='card'>
          <Text className='card__title'>入支部邀请</Text>
          <View className='row'>
            <Text className='row__label'>支部</Text>
            <Text className='row__value'>{info.branchName}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>党小组</Text>
            <Text className='row__value'>{info.groupName ?? '由书记安排'}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>邀请状态</Text>
            <Text className='row__value'>{INVITATION_STATE_LABELS[info.state]}</Text>
          </View>
          {info.state !== 'valid' ? (
            <View role='alert'>
              <Text className='text overdue'>{INVITATION_STATE_MESSAGES[info.state]}</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {!bound && infoError ? <ErrorAlert error={infoError} /> : null}

      {!bound && (!code || infoError) ? (
        <View className='card'>
          <Text className='card__title'>输入邀请码</Text>
          <Text className='text text--small text--muted'>请向支部书记索取邀请码，或直接扫描邀请二维码。</Text>
          <TextField label='邀请码' value={codeInput} onChange={setCodeInput} placeholder='例如 AbC23xYz' maxlength={16} onConfirm={openCode} />
          <Button className='btn btn--primary' aria-label='查看邀请' onClick={openCode}>
            查看邀请
          </Button>
        </View>
      ) : null}

      {!bound && request ? <RequestStatus request={request} onAgain={canApply && !again ? () => setAgain(true) : undefined} /> : null}

      {showForm ? (
        <View className='card'>
          <Text className='card__title'>{request ? '重新申请' : '申请加入'}</Text>
          <Text className='text text--small text--muted'>请填写真实姓名和手机号，支部书记核对后通过申请。</Text>
          <TextField
            label='姓名'
            value={draft.name}
            onChange={(name) => change({ name })}
            error={submit.fieldError('name')}
            placeholder='请输入真实姓名'
            maxlength={20}
          />
          <TextField
            label='手机号'
            value={draft.phone}
            onChange={(phone) => change({ phone })}
            error={submit.fieldError('phone')}
            placeholder='请输入 11 位手机号'
            type='number'
            maxlength={11}
          />
          <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
          <Button className='btn btn--primary' aria-label='提交申请' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void onSubmit()}>
            提交申请
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
