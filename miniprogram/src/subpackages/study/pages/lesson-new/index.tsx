/**
 * 录制党课: title, summary, speaker (the branch's people from `org.pyramid`, the caller by
 * default), an optional 岗区队, the video (album or camera; its duration from the picker) and an
 * optional cover. Files go to `lessons/<branchId>/…` as soon as they are picked (state shown,
 * retry on failure); `lesson.create` submits the lesson for the secretary to publish. The
 * form keeps its values when a submission fails.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, FieldFrame, SelectField, TextField, type Option } from '@/components/Field';
import { useAction } from '@/hooks/useAction';
import { toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { uploadFile } from '@/cloud/upload';
import { photoCloudPath, videoCloudPath } from '@/cloud/upload-types';
import type { ActionOutput, LessonView } from '@/services/api';
import { pickPhotos } from '@/lib/permissions';

export const TITLE_MIN = 4;
export const TITLE_MAX = 40;
export const SUMMARY_MAX = 300;
export const DURATION_MIN = 3;
export const DURATION_MAX = 2 * 3600;

export interface PickedVideo {
  path: string;
  /** MIME type (H5) or 'video' (weapp). */
  fileType: string;
  durationSeconds: number;
  size: number;
  thumb: string;
}

export type UploadState = { status: 'idle' } | { status: 'uploading' } | { status: 'done'; fileId: string } | { status: 'failed'; message: string };

type Errors = Partial<Record<'title' | 'summary' | 'speaker' | 'video', string>>;

const isCancel = (e: unknown) => /cancel|abort/i.test(String((e as { errMsg?: string })?.errMsg ?? (e instanceof Error ? e.message : e)));

/** The phone's video picker: chooseMedia (base library ≥ 2.10), else chooseVideo. */
async function pickVideo(): Promise<PickedVideo | null> {
  if (typeof Taro.chooseMedia === 'function') {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: 60, camera: 'back' });
    const f = res.tempFiles[0];
    if (!f) return null;
    return { path: f.tempFilePath, fileType: f.fileType ?? 'video', durationSeconds: Math.round(f.duration || 0), size: f.size, thumb: f.thumbTempFilePath ?? '' };
  }
  const v = await Taro.chooseVideo({ sourceType: ['album', 'camera'], maxDuration: 60, camera: 'back' });
  if (!v.tempFilePath) return null;
  return { path: v.tempFilePath, fileType: 'video', durationSeconds: Math.round(v.duration || 0), size: v.size, thumb: '' };
}

function sizeLabel(bytes: number): string {
  if (!bytes) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function durationLabel(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s}秒` : `${Math.floor(s / 60)}分${String(s % 60).padStart(2, '0')}秒`;
}

type Pyramid = ActionOutput<'org.pyramid'>;

function branchPeople(p: Pyramid | null, me: { id: string; name: string } | null): Array<Option<string>> {
  const seen = new Map<string, string>();
  const add = (m: { id: string; name: string } | null) => {
    if (m && !seen.has(m.id)) seen.set(m.id, m.name);
  };
  add(me);
  p?.committee.forEach((c) => add(c.member));
  p?.groups.forEach((g) => {
    add(g.leader);
    g.members.forEach(add);
  });
  p?.units.forEach((u) => {
    add(u.leader);
    u.members.forEach(add);
  });
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** What the form checks before sending (the server checks again). */
export function validateLesson(v: { title: string; summary: string; speakerId: string; video: PickedVideo | null; upload: UploadState }): Errors {
  const e: Errors = {};
  const title = v.title.trim();
  if (Array.from(title).length < TITLE_MIN) e.title = `标题至少 ${TITLE_MIN} 个字`;
  else if (Array.from(title).length > TITLE_MAX) e.title = `标题不能超过 ${TITLE_MAX} 个字`;
  const summary = v.summary.trim();
  if (!summary) e.summary = '请写内容简介';
  else if (Array.from(summary).length > SUMMARY_MAX) e.summary = `内容简介不能超过 ${SUMMARY_MAX} 个字`;
  if (!v.speakerId) e.speaker = '请选择主讲人';
  if (!v.video) e.video = '请选择党课视频';
  else if (v.video.durationSeconds < DURATION_MIN) e.video = `视频太短（至少 ${DURATION_MIN} 秒）`;
  else if (v.video.durationSeconds > DURATION_MAX) e.video = '视频不能超过 2 小时';
  else if (v.upload.status === 'uploading') e.video = '视频正在上传，请稍候';
  else if (v.upload.status !== 'done') e.video = '视频未上传成功，请点“重新上传”';
  return e;
}

export default function LessonNew() {
  const me = useAction('org.me', {});
  const pyramid = useAction('org.pyramid', {});
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [speakerId, setSpeakerId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [video, setVideo] = useState<PickedVideo | null>(null);
  const [videoUpload, setVideoUpload] = useState<UploadState>({ status: 'idle' });
  const [cover, setCover] = useState<string | null>(null);
  const [coverUpload, setCoverUpload] = useState<UploadState>({ status: 'idle' });
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<LessonView | null>(null);

  const backTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (backTimer.current) clearTimeout(backTimer.current);
    },
    [],
  );

  const branchId = me.data?.branch.id ?? '';
  const folder = `lessons/${branchId}`;
  useEffect(() => {
    if (me.data && !speakerId) setSpeakerId(me.data.memberId);
  }, [me.data, speakerId]);

  const uploadVideo = async (v: PickedVideo) => {
    setVideoUpload({ status: 'uploading' });
    try {
      const fileId = await uploadFile(v.path, videoCloudPath(folder, v.path, v.fileType));
      setVideoUpload({ status: 'done', fileId });
    } catch (e) {
      setVideoUpload({ status: 'failed', message: e instanceof Error && e.message ? e.message : '上传失败，请重试' });
    }
  };

  const chooseVideo = async () => {
    let picked: PickedVideo | null;
    try {
      picked = await pickVideo();
    } catch (e) {
      if (!isCancel(e)) toast('无法选择视频，请重试');
      return;
    }
    if (!picked) return;
    setVideo(picked);
    setErrors((x) => ({ ...x, video: undefined }));
    if (picked.durationSeconds < DURATION_MIN) {
      setVideoUpload({ status: 'idle' });
      setErrors((x) => ({ ...x, video: picked.durationSeconds ? `视频太短（至少 ${DURATION_MIN} 秒）` : '无法读取视频时长，请换一个视频' }));
      return;
    }
    await uploadVideo(picked);
  };

  const uploadCover = async (path: string) => {
    setCoverUpload({ status: 'uploading' });
    try {
      const fileId = await uploadFile(path, photoCloudPath(folder, path));
      setCoverUpload({ status: 'done', fileId });
    } catch (e) {
      setCoverUpload({ status: 'failed', message: e instanceof Error && e.message ? e.message : '上传失败，请重试' });
    }
  };

  const chooseCover = async () => {
    const [path] = await pickPhotos(1);
    if (!path) return;
    setCover(path);
    await uploadCover(path);
  };

  const send = async () => {
    const next = validateLesson({ title, summary, speakerId, video, upload: videoUpload });
    setErrors(next);
    if (Object.keys(next).length > 0 || !video || videoUpload.status !== 'done') return;
    if (coverUpload.status === 'uploading') return toast('封面正在上传，请稍候');
    const res = await submit.run('lesson.create', {
      title: title.trim(),
      summary: summary.trim(),
      speakerId,
      unitId: unitId || null,
      video: videoUpload.fileId,
      cover: coverUpload.status === 'done' ? coverUpload.fileId : null,
      durationSeconds: video.durationSeconds,
    });
    if (res.ok) {
      setDone(res.data);
      toast('已提交，等待书记发布', 'success');
      backTimer.current = setTimeout(() => void Taro.navigateBack().catch(() => undefined), 1500);
    }
  };

  const status = me.status === 'error' || pyramid.status === 'error' ? 'error' : me.status === 'ready' && pyramid.status === 'ready' ? 'ready' : 'loading';
  const speakerOptions = branchPeople(pyramid.data, me.data ? { id: me.data.memberId, name: me.data.name } : null);
  const unitOptions: Option<string>[] = [{ value: '', label: '不关联岗区队' }, ...(pyramid.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))];

  if (done) {
    return (
      <PageShell status='ready'>
        <View className='card' role='status'>
          <Text className='card__title'>已提交，等待书记发布</Text>
          <Text className='text'>{`《${done.title}》已提交。书记发布后，支部党员就可以观看学习。`}</Text>
          <Button className='btn btn--plain' aria-label='返回' onClick={() => void Taro.navigateBack().catch(() => undefined)}>
            返回
          </Button>
        </View>
      </PageShell>
    );
  }

  const videoState =
    videoUpload.status === 'uploading' ? '正在上传视频…' : videoUpload.status === 'done' ? '视频已上传' : videoUpload.status === 'failed' ? `上传失败：${videoUpload.message}` : '';

  return (
    <PageShell
      status={status}
      errorMessage={me.error?.message ?? pyramid.error?.message}
      onRetry={() => {
        void me.reload();
        void pyramid.reload();
      }}
    >
      <View className='card'>
        <Text className='card__title'>录制微型党课</Text>
        <Text className='text text--small text--muted'>提交后由书记审看发布；发布后主讲人获得讲授积分。</Text>
        <TextField
          label='标题'
          value={title}
          onChange={setTitle}
          maxlength={TITLE_MAX}
          placeholder={`${TITLE_MIN}–${TITLE_MAX} 个字`}
          error={errors.title ?? submit.fieldError('title')}
        />
        <TextField
          label='内容简介'
          value={summary}
          onChange={setSummary}
          multiline
          maxlength={SUMMARY_MAX}
          placeholder='这节党课讲什么'
          hint={`已写 ${summary.trim().length} / ${SUMMARY_MAX} 字`}
          error={errors.summary ?? submit.fieldError('summary')}
        />
        <SelectField label='主讲人' options={speakerOptions} value={speakerId} onChange={setSpeakerId} error={errors.speaker ?? submit.fieldError('speakerId')} />
        {unitOptions.length > 1 ? <SelectField label='岗区队（可选）' options={unitOptions} value={unitId} onChange={setUnitId} error={submit.fieldError('unitId')} /> : null}

        <FieldFrame
          label='党课视频'
          error={errors.video ?? submit.fieldError('video') ?? submit.fieldError('durationSeconds')}
          hint='可以现场拍摄（最长 60 秒），较长的党课请先用手机相机录好，再从相册选择。'
        >
          {video ? (
            <View className='row'>
              <Text className='row__label'>{`时长 ${durationLabel(video.durationSeconds)}${video.size ? ` · ${sizeLabel(video.size)}` : ''}`}</Text>
              <View role='status' aria-live='polite'>
                <Text className={`row__value${videoUpload.status === 'failed' ? ' field__error' : ''}`}>{videoState}</Text>
              </View>
            </View>
          ) : null}
          <View className='actions'>
            <Button
              className='btn btn--plain btn--small'
              aria-label={video ? '重新选择视频' : '选择视频'}
              disabled={videoUpload.status === 'uploading' || undefined}
              loading={videoUpload.status === 'uploading' || undefined}
              onClick={() => void chooseVideo()}
            >
              {video ? '重新选择视频' : '选择视频'}
            </Button>
            {video && videoUpload.status === 'failed' ? (
              <Button className='btn btn--primary btn--small' aria-label='重新上传视频' onClick={() => void uploadVideo(video)}>
                重新上传
              </Button>
            ) : null}
          </View>
        </FieldFrame>

        <FieldFrame label='封面（可选）' error={coverUpload.status === 'failed' ? `封面上传失败：${coverUpload.message}` : undefined}>
          {cover ? <Image className='photo' src={cover} mode='aspectFill' aria-label='封面预览' /> : null}
          {coverUpload.status === 'uploading' ? (
            <View role='status'>
              <Text className='text text--small'>正在上传封面…</Text>
            </View>
          ) : null}
          <View className='actions'>
            <Button
              className='btn btn--plain btn--small'
              aria-label={cover ? '更换封面' : '添加封面'}
              disabled={coverUpload.status === 'uploading' || undefined}
              onClick={() => void chooseCover()}
            >
              {cover ? '更换封面' : '添加封面'}
            </Button>
            {cover && coverUpload.status === 'failed' ? (
              <Button className='btn btn--primary btn--small' aria-label='重新上传封面' onClick={() => void uploadCover(cover)}>
                重新上传
              </Button>
            ) : null}
            {cover ? (
              <Button
                className='btn btn--plain btn--small'
                aria-label='移除封面'
                onClick={() => {
                  setCover(null);
                  setCoverUpload({ status: 'idle' });
                }}
              >
                移除
              </Button>
            ) : null}
          </View>
        </FieldFrame>

        <ErrorAlert error={submit.error} />
        <Button className='btn btn--primary' aria-label='提交党课' disabled={submit.busy || undefined} loading={submit.busy || undefined} onClick={() => void send()}>
          提交党课
        </Button>
      </View>
    </PageShell>
  );
}
