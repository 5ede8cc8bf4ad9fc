/**
 * 推荐上墙 (group leaders): pick a member of the leader's own group (from org.pyramid), write
 * the 先进事迹 (at least 20 characters), optionally add a photo, confirm → honour.nominate for
 * the current quarter. The secretary then puts it on the wall or declines it.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, TextField } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { currentPeriod } from '@/domain/quarter';
import { periodLabel } from '@/domain/points';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import type { ActionOutput } from '@/services/api';
import { pickPhotos } from '@/lib/permissions';

export const STORY_MIN = 20;

export default function Nominate() {
  const period = currentPeriod();
  const me = useAction('org.me', {});
  const pyramid = useAction('org.pyramid', {});
  const submit = useSubmit();
  const [memberId, setMemberId] = useState<string | null>(null);
  const [story, setStory] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<{ member?: string; story?: string }>({});
  const [done, setDone] = useState<ActionOutput<'honour.nominate'> | null>(null);

  const myId = me.data?.memberId;
  const group = pyramid.data?.groups.find((g) => g.leader?.id === myId) ?? pyramid.data?.groups.find((g) => g.id === me.data?.group?.id) ?? null;
  const isLeader = me.data?.roles.includes('groupLeader') ?? false;
  const members = group?.members ?? [];
  const picked = members.find((m) => m.id === memberId) ?? null;

  const addPhoto = async () => {
    const [path] = await pickPhotos(1);
    if (!path) return;
    setUploading(true);
    try {
      // The branch's own folder: the server refuses a photo from anywhere else.
      const branchId = me.data?.branch?.id;
      if (path && branchId) setPhoto(await uploadFile(path, photoCloudPath(`honour/${branchId}/${period}`, path)));
    } catch (e) {
      const msg = e instanceof Error ? e.message : '';
      if (!/cancel/i.test(msg)) toast('照片上传失败，请重试');
    } finally {
      setUploading(false);
    }
  };

  const send = async () => {
    const text = story.trim();
    const next: typeof errors = {};
    if (!picked) next.member = '请选择要推荐的党员';
    if (text.length < STORY_MIN) next.story = `先进事迹请至少写 ${STORY_MIN} 个字`;
    setErrors(next);
    if (!picked || next.story) return;
    const ok = await confirmChange('推荐上墙', `推荐${picked.name}上${periodLabel(period)}荣誉墙？\n先进事迹：${text}${photo ? '\n附照片 1 张' : ''}`);
    if (!ok) return;
    const res = await submit.run('honour.nominate', { period, memberId: picked.id, story: text, photo });
    if (res.ok) {
      setDone(res.data);
      setStory('');
      setPhoto(null);
      setMemberId(null);
      toast('已推荐，等待书记确认', 'success');
    }
  };

  const status = me.status === 'error' || pyramid.status === 'error' ? 'error' : me.status === 'ready' && pyramid.status === 'ready' ? 'ready' : 'loading';
  return (
    <PageShell
      status={status}
      errorMessage={me.error?.message ?? pyramid.error?.message}
      onRetry={() => {
        void me.reload();
        void pyramid.reload();
      }}
    >
      {status === 'ready' && (!isLeader || !group) ? (
        <View className='card' role='alert'>
          <Text className='card__title'>仅党小组长可推荐</Text>
          <Text className='text text--muted'>推荐上墙由党小组长为本小组党员提出。</Text>
        </View>
      ) : null}
      {status === 'ready' && isLeader && group ? (
        <View>
          <View className='card'>
            <Text className='card__title'>{`${group.name} · ${periodLabel(period)}`}</Text>
            <Text className='field__label'>选择党员</Text>
            <View className='chips' role='group' aria-label='选择党员'>
              {members.map((m) => (
                <Button key={m.id} className={`chip${m.id === memberId ? ' chip--on' : ''}`} aria-pressed={m.id === memberId} aria-label={m.name} onClick={() => setMemberId(m.id)}>
                  {m.name}
                </Button>
              ))}
            </View>
            {errors.member ? (
              <View role='alert'>
                <Text className='field__error'>{errors.member}</Text>
              </View>
            ) : null}
            <TextField
              label='先进事迹'
              value={story}
              onChange={setStory}
              multiline
              maxlength={500}
              placeholder={`写明先进事迹，至少 ${STORY_MIN} 个字`}
              hint={`已写 ${story.trim().length} 字`}
              error={errors.story ?? submit.fieldError('story')}
            />
            <Text className='field__label'>照片（可选）</Text>
            {photo ? (
              <View className='row'>
                <Text className='tag'>已添加照片</Text>
                <Button className='btn btn--plain btn--small' aria-label='移除照片' onClick={() => setPhoto(null)}>
                  移除
                </Button>
              </View>
            ) : (
              <Button className='btn btn--plain btn--small' aria-label='添加照片' disabled={uploading || undefined} loading={uploading || undefined} onClick={() => void addPhoto()}>
                添加照片
              </Button>
            )}
            <ErrorAlert error={submit.error} />
            <Button className='btn btn--primary' aria-label='提交推荐' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
              提交推荐
            </Button>
          </View>
          {done ? (
            <View className='card' role='status'>
              <Text className='text'>{`已推荐${done.member.name}，等待书记确认上墙。`}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
