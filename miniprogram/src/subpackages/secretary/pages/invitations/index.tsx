/**
 * 邀请入支部: create an invitation (optional preset group, valid days, max uses), show its
 * code large with the QR image (save it, copy the code, share the page to a WeChat group),
 * list the branch's invitations with state and uses, and revoke one (confirmed).
 */
import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { INVITATION_STATE_LABELS } from '@/domain/vocabulary';
import { confirmChange, toast } from '@/lib/confirm';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import type { ActionOutput } from '@/services/api';
import { copyText } from '@/lib/permissions';

type Invitation = ActionOutput<'org.createInvitation'>;

export function sharePath(code: string): string {
  return `${ROUTES.join}?scene=${encodeURIComponent(code)}`;
}

async function saveQr(url: string): Promise<void> {
  try {
    const file = await Taro.downloadFile({ url });
    if (file.statusCode !== 200) throw new Error(String(file.statusCode));
    await Taro.saveImageToPhotosAlbum({ filePath: file.tempFilePath });
    toast('已保存到相册', 'success');
  } catch {
    toast('保存失败，请在设置中允许保存到相册后重试');
  }
}

function copyCode(code: string): void {
  void copyText(code, '邀请码已复制', '复制失败');
}

function InvitationCard({ invitation: inv }: { invitation: Invitation }) {
  return (
    <View className='card' aria-live='polite'>
      <Text className='card__title'>{`${inv.branchName}邀请`}</Text>
      <Text className='text text--small text--muted'>邀请码</Text>
      <Text className='invite-code' aria-label={`邀请码 ${inv.code.split('').join(' ')}`}>
        {inv.code}
      </Text>
      {inv.qrUrl ? <Image className='qr' src={inv.qrUrl} mode='aspectFit' aria-label='入支部邀请二维码' /> : null}
      <Text className='text text--small text--muted'>{`党小组：${inv.group?.name ?? '不预设'} · 有效期至 ${chinaDateTime(inv.expiresAt)} · 可用 ${inv.maxUses} 次`}</Text>
      <View className='actions'>
        {inv.qrUrl && process.env.TARO_ENV === 'h5' ? (
          <a className='btn btn--plain link' href={inv.qrUrl} download={`邀请二维码-${inv.code}.png`} aria-label='下载二维码图片'>
            下载二维码
          </a>
        ) : null}
        {inv.qrUrl && process.env.TARO_ENV !== 'h5' ? (
          <Button className='btn btn--plain' aria-label='保存二维码到相册' onClick={() => void saveQr(inv.qrUrl!)}>
            保存二维码
          </Button>
        ) : null}
        <Button className='btn btn--plain' aria-label='复制邀请码' onClick={() => copyCode(inv.code)}>
          复制邀请码
        </Button>
        {process.env.TARO_ENV === 'weapp' && inv.state === 'valid' ? (
          <Button className='btn btn--primary' openType='share' data-code={inv.code} aria-label='分享到微信群'>
            分享到微信群
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default function Invitations() {
  const pyramid = useAction('org.pyramid', {});
  const list = useAction('org.invitations', {});
  const [groupId, setGroupId] = useState('');
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState('10');
  const [created, setCreated] = useState<Invitation | null>(null);
  const submit = useSubmit();
  const revoking = useSubmit();

  // The share menu (and a 分享 button) sends the join page with the invitation as its scene.
  useShareAppMessage((res) => {
    const fromButton = (res as { target?: { dataset?: { code?: string } } })?.target?.dataset?.code;
    const code = fromButton || created?.code;
    return code
      ? { title: `邀请您加入${created?.branchName ?? '支部'}`, path: sharePath(code) }
      : { title: '同心', path: ROUTES.mine };
  });

  const create = async () => {
    const expiresInDays = Number(days);
    const maxUses = Number(uses);
    const fields: Record<string, string> = {};
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30) fields.expiresInDays = '请填写 1 到 30 之间的整数';
    if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > 100) fields.maxUses = '请填写 1 到 100 之间的整数';
    if (Object.keys(fields).length) {
      submit.setError({ code: 'INVALID_INPUT', message: '请检查填写的内容', fields });
      return;
    }
    const res = await submit.run('org.createInvitation', { groupId: groupId || null, expiresInDays, maxUses });
    if (res.ok) {
      setCreated(res.data);
      toast('邀请已生成', 'success');
      void list.reload();
    }
  };

  const revoke = async (inv: Invitation) => {
    if (!(await confirmChange('撤销邀请？', `邀请码 ${inv.code} 撤销后不能再用于申请加入（已提交的申请不受影响）。`, '撤销'))) return;
    const res = await revoking.run('org.revokeInvitation', { code: inv.code });
    if (res.ok) {
      toast('已撤销');
      if (created?.code === inv.code) setCreated(res.data);
      void list.reload();
    } else {
      toast(res.error.message);
    }
  };

  const groupOptions: Option<string>[] = [{ value: '', label: '不预设党小组' }, ...(pyramid.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))];
  const invitations = list.data?.invitations ?? [];

  return (
    <PageShell status='ready'>
      <View className='card'>
        <Text className='card__title'>生成邀请</Text>
        <SelectField label='预设党小组（可选）' options={groupOptions} value={groupId} onChange={setGroupId} error={submit.fieldError('groupId')} />
        <TextField label='有效天数（1–30）' value={days} onChange={setDays} type='number' maxlength={2} error={submit.fieldError('expiresInDays')} />
        <TextField label='可用次数（1–100）' value={uses} onChange={setUses} type='number' maxlength={3} error={submit.fieldError('maxUses')} />
        <ErrorAlert error={submit.error && !submit.error.fields ? submit.error : null} />
        <Button className='btn btn--primary' aria-label='生成邀请' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void create()}>
          生成邀请
        </Button>
      </View>

      {created ? <InvitationCard invitation={created} /> : null}

      <Text className='section-title'>本支部的邀请</Text>
      {list.status === 'loading' ? (
        <View role='status'>
          <Text className='notice'>正在加载…</Text>
        </View>
      ) : null}
      {list.status === 'error' ? (
        <View className='notice' role='alert'>
          <Text>{list.error.message}</Text>
          <Button className='btn btn--plain btn--small' aria-label='重试' onClick={list.reload}>
            重试
          </Button>
        </View>
      ) : null}
      {list.status === 'ready' && invitations.length === 0 ? <Text className='notice'>还没有邀请</Text> : null}
      {invitations.map((inv) => (
        <View key={inv.code} className='card'>
          <View className='row'>
            <Text className='row__label'>邀请码</Text>
            <Text className='row__value'>{inv.code}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>状态</Text>
            <Text className={`row__value${inv.state === 'valid' ? '' : ' text--muted'}`}>{INVITATION_STATE_LABELS[inv.state]}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>已用 / 可用</Text>
            <Text className='row__value'>{`${inv.uses} / ${inv.maxUses}`}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>党小组</Text>
            <Text className='row__value'>{inv.group?.name ?? '不预设'}</Text>
          </View>
          <View className='row'>
            <Text className='row__label'>有效期至</Text>
            <Text className='row__value'>{chinaDateTime(inv.expiresAt)}</Text>
          </View>
          <View className='actions'>
            <Button className='btn btn--plain btn--small' aria-label={`显示邀请${inv.code}`} onClick={() => setCreated(inv)}>
              显示二维码
            </Button>
            {inv.state === 'valid' ? (
              <Button className='btn btn--danger btn--small' aria-label={`撤销邀请${inv.code}`} disabled={revoking.busy || undefined} onClick={() => void revoke(inv)}>
                撤销
              </Button>
            ) : null}
          </View>
        </View>
      ))}
    </PageShell>
  );
}
