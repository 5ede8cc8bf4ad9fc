/**
 * The record the secretary keeps after a meeting (会议记录) or a themed activity (活动小结): the
 * saved text and photos, and an editor — text of a minimum length, photos uploaded to the
 * subject's own storage folder, confirmed before saving (a new save replaces text and photos).
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ErrorAlert, TextField } from '@/components/Field';
import { Photos } from '@/components/Photos';
import { confirmChange, toast } from '@/lib/confirm';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import { pickPhotos } from '@/lib/permissions';

type Submit = ReturnType<typeof useSubmit>;

export interface RecordEditorProps {
  /** 会议记录 / 活动小结: labels, buttons and messages say it. */
  noun: string;
  /** 会议照片 / 活动照片. */
  photoNoun: string;
  placeholder: string;
  minLength: number;
  maxLength: number;
  maxPhotos: number;
  /** Storage folder the server accepts photos from, e.g. `meetings/<id>`. */
  folder: string;
  /** Null until the subject has started (nothing to record yet): the text to show instead. */
  notYet: string | null;
  saved: { text: string; photoUrls: string[]; footer: string } | null;
  /** Sends the save through `submit.run`; true when the server accepted it. */
  send: (submit: Submit, text: string, photos: string[]) => Promise<boolean>;
}

export function RecordEditor({ noun, photoNoun, placeholder, minLength, maxLength, maxPhotos, folder, notYet, saved, send }: RecordEditorProps) {
  const [editing, setEditing] = useState(saved === null);
  const [text, setText] = useState(saved?.text ?? '');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [local, setLocal] = useState<string | undefined>();
  const submit = useSubmit();

  const addPhotos = async () => {
    const room = maxPhotos - photos.length;
    if (room <= 0) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: string[] = [];
    try {
      for (const p of paths) added.push(await uploadFile(p, photoCloudPath(folder, p)));
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length) setPhotos((before) => [...before, ...added].slice(0, maxPhotos));
  };

  const save = async () => {
    const body = text.trim();
    if (body.length < minLength) {
      setLocal(`${noun}至少 ${minLength} 个字`);
      return;
    }
    setLocal(undefined);
    const replacing = saved ? `\n将替换原有的${noun}和照片。` : '';
    if (!(await confirmChange(`保存${noun}`, `${body.length} 个字，照片 ${photos.length} 张。${replacing}`, '保存'))) return;
    if (await send(submit, body, photos)) {
      toast(`${noun}已保存`, 'success');
      setEditing(false);
      setPhotos([]);
    }
  };

  if (notYet) return <Text className='text text--muted'>{notYet}</Text>;
  return (
    <View>
      {saved ? (
        <View>
          <Text className='text'>{saved.text}</Text>
          <Photos urls={saved.photoUrls} />
          <Text className='text text--small text--muted'>{saved.footer}</Text>
        </View>
      ) : null}
      {editing ? (
        <View>
          <TextField label={noun} value={text} onChange={setText} multiline maxlength={maxLength} placeholder={placeholder} error={local ?? submit.fieldError('text')} />
          <Text className='field__label'>{`${photoNoun}（${photos.length} / ${maxPhotos}）`}</Text>
          {photos.length ? (
            <View className='chips'>
              {photos.map((p, i) => (
                <Button key={p} className='chip' aria-label={`删除照片${i + 1}`} onClick={() => setPhotos(photos.filter((x) => x !== p))}>
                  {`照片${i + 1} ✕`}
                </Button>
              ))}
            </View>
          ) : null}
          {submit.fieldError('photos') ? (
            <View role='alert'>
              <Text className='field__error'>{submit.fieldError('photos')}</Text>
            </View>
          ) : null}
          {photos.length < maxPhotos ? (
            // No `loading` here: Taro H5 can throw when it flips while the text changes.
            <Button className='btn btn--plain btn--small' aria-label={`添加${photoNoun}`} disabled={uploading || undefined} onClick={() => void addPhotos()}>
              {uploading ? '正在上传…' : '添加照片'}
            </Button>
          ) : null}
          <ErrorAlert error={submit.error} />
          <Button className='btn btn--primary' aria-label={`保存${noun}`} disabled={submit.busy || uploading || undefined} loading={submit.busy || undefined} onClick={() => void save()}>
            {`保存${noun}`}
          </Button>
        </View>
      ) : (
        <Button className='btn btn--plain btn--small' aria-label={`修改${noun}`} onClick={() => setEditing(true)}>
          {`修改${noun}`}
        </Button>
      )}
    </View>
  );
}
