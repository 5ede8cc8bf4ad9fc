/**
 * 我的承诺: this year's pledge (pledge.mine) in three parts — 业务发展 · 目标任务 · 岗位履职 —
 * each with items (承诺内容 + 衡量标准, up to PLEDGE_RULE.maxItemsPerPart).
 *
 * Draft: every change is kept on the device (`tx_pledge_draft_<memberId>_<year>`) until the
 * server confirms it (保存草稿 → pledge.save); a draft on the device wins over the server's on
 * the next visit. 手写签名 opens the signature pad; 签署承诺书 stays disabled (and says why) until
 * each part has an item and a signature is written; it saves the parts, uploads the PNG to
 * `pledges/<memberId>/signature-<random>.png` (once: a retry reuses the fileID) and calls
 * pledge.sign — the server's refusal (INVALID_INPUT) is shown as it comes.
 *
 * Signed: the parts read-only, 查看承诺书, 践诺记录 with 添加践诺 (text ≥ 10 characters, an
 * optional item, photos to `pledges/<memberId>/…`; the draft and its requestId are kept on the
 * device, so a retry after a network error is the same update) and the reviews received.
 *
 * No reload on show: picking photos hides and shows the page on weapp, and a reload would
 * unmount the form mid-upload. The page updates itself from each write's reply instead.
 */
import { useRef, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorAlert, SelectField, TextField } from '@/components/Field';
import { NotMember } from '@/components/NotMember';
import { SignaturePad } from '@/components/SignaturePad';
import { useAction } from '@/hooks/useAction';
import { chinaDate } from '@/lib/format';
import { confirmChange, toast } from '@/lib/confirm';
import { go, ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import { photoCloudPath, uploadFile } from '@/cloud/upload';
import type { ApiError, PledgeView } from '@/services/api';
import { Fulfilments, PledgeParts, Reviews, Signature } from '../../components/PledgeBlocks';
import {
  FULFILMENT_MAX,
  FULFILMENT_MAX_PHOTOS,
  FULFILMENT_MIN,
  PLEDGE_PARTS,
  PLEDGE_PART_LABELS,
  PLEDGE_RULE,
  emptyItem,
  itemChoices,
  missingParts,
  newRequestId,
  partHeading,
  partsOf,
  pledgePhotoFolder,
  readFulfilmentDraft,
  readPledgeDraft,
  sameParts,
  sentIndex,
  signatureCloudPath,
  toSaveInput,
  validateParts,
  writeFulfilmentDraft,
  writePledgeDraft,
  type FulfilmentDraft,
  type ItemDraft,
  type PartsDraft,
  type PledgePart,
} from '../../lib/pledge';
import { pickPhotos } from '@/lib/permissions';

export default function MyPledge() {
  const me = useAction('org.me', {});
  const mine = useAction('pledge.mine', {});
  /** The pledge as the last write returned it (newer than mine.data). */
  const [latest, setLatest] = useState<PledgeView | null>(null);
  const reload = () => {
    setLatest(null);
    void me.reload();
    void mine.reload();
  };
  const failed = me.status === 'error' ? me : mine.status === 'error' ? mine : null;
  const status = failed ? 'error' : me.status === 'loading' || mine.status === 'loading' ? 'loading' : 'ready';
  const notMember = me.status === 'error' && me.error.code === 'UNAUTHENTICATED';
  const pledge = latest ?? mine.data?.pledge ?? null;

  return (
    <PageShell status={status} errorMessage={failed?.error?.message} onRetry={reload} errorContent={notMember ? <NotMember /> : undefined}>
      {me.data && mine.data ? (
        pledge?.status === 'signed' ? (
          <SignedPledge pledge={pledge} memberId={me.data.memberId} onChange={setLatest} />
        ) : (
          <PledgeEditor key={`${me.data.memberId}-${mine.data.year}`} year={mine.data.year} memberId={me.data.memberId} server={pledge} onSigned={setLatest} />
        )
      ) : null}
    </PageShell>
  );
}

// ---- the draft ------------------------------------------------------------------------------

interface EditorProps {
  year: number;
  memberId: string;
  server: PledgeView | null;
  onSigned: (pledge: PledgeView) => void;
}

function PledgeEditor({ year, memberId, server, onSigned }: EditorProps) {
  const [initial] = useState(() => {
    const local = readPledgeDraft(memberId, year);
    return { parts: local ?? partsOf(server), unsaved: Boolean(local && !(server && sameParts(local, partsOf(server)))) };
  });
  const [parts, setParts] = useState<PartsDraft>(initial.parts);
  const partsRef = useRef(parts);
  const [unsaved, setUnsaved] = useState(initial.unsaved);
  /** Whether the server has a draft of this year (from pledge.mine, or since a save). */
  const [onServer, setOnServer] = useState(Boolean(server));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'save' | 'sign' | null>(null);
  const [padOpen, setPadOpen] = useState(false);
  const [signature, setSignature] = useState<{ path: string; fileId: string | null } | null>(null);
  const submit = useSubmit();

  const change = (next: PartsDraft) => {
    partsRef.current = next;
    setParts(next);
    writePledgeDraft(memberId, year, next);
    setUnsaved(true);
    setErrors({});
    setGeneral(null);
  };
  const setItem = (part: PledgePart, index: number, field: keyof ItemDraft, value: string) =>
    change({ ...parts, [part]: parts[part].map((item, i) => (i === index ? { ...item, [field]: value } : item)) });
  const addItem = (part: PledgePart) => {
    if (parts[part].length >= PLEDGE_RULE.maxItemsPerPart) return;
    change({ ...parts, [part]: [...parts[part], emptyItem()] });
  };
  const removeItem = (part: PledgePart, index: number) => {
    const rest = parts[part].filter((_, i) => i !== index);
    change({ ...parts, [part]: rest.length ? rest : [emptyItem()] });
  };

  /** pledge.save with the form as it is; the device's draft goes once the server has exactly it. */
  const saveParts = async (): Promise<PledgeView | null> => {
    const invalid = validateParts(parts);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      setGeneral({ code: 'INVALID_INPUT', message: '请按提示修改标红的承诺事项' });
      return null;
    }
    const sent = parts;
    const res = await submit.run('pledge.save', toSaveInput(sent));
    if (!res.ok) {
      setErrors(res.error.fields ?? {});
      setGeneral(res.error);
      return null;
    }
    setOnServer(true);
    if (sameParts(partsRef.current, sent)) {
      writePledgeDraft(memberId, year, null);
      setUnsaved(false);
    }
    return res.data;
  };

  const saveDraft = async () => {
    setBusy('save');
    setGeneral(null);
    const saved = await saveParts();
    setBusy(null);
    if (saved) toast('草稿已保存', 'success');
  };

  const missing = missingParts(parts);
  const reasons = [
    ...(missing.length ? [`还需填写：${missing.map((p) => PLEDGE_PART_LABELS[p]).join('、')}（三个部分都至少要有一项承诺）`] : []),
    ...(signature ? [] : [padOpen ? '写好签名后点“确定”' : '还没有手写签名：请点“手写签名”，在框内写下您的姓名']),
  ];

  const sign = async () => {
    if (reasons.length || !signature) return;
    const counts = PLEDGE_PARTS.map((p) => `${PLEDGE_PART_LABELS[p]} ${toSaveInput(parts)[p].length} 项`).join('\n');
    if (!(await confirmChange('签署承诺书？', `签署后承诺内容不能再修改，并在支部承诺公开栏公开。\n${counts}`, '签署'))) return;
    setBusy('sign');
    setGeneral(null);
    try {
      const saved = await saveParts();
      if (!saved) return;
      let fileId = signature.fileId;
      if (!fileId) {
        try {
          fileId = await uploadFile(signature.path, signatureCloudPath(memberId));
        } catch {
          setGeneral({ code: 'INTERNAL', message: '签名图片上传失败，请检查网络后重试' });
          return;
        }
        setSignature({ path: signature.path, fileId });
      }
      const res = await submit.run('pledge.sign', { signature: fileId });
      if (!res.ok) {
        setGeneral(res.error);
        return;
      }
      writePledgeDraft(memberId, year, null);
      toast('承诺书已签署', 'success');
      onSigned(res.data);
    } finally {
      setBusy(null);
    }
  };

  const fieldError = (part: PledgePart, index: number, field: keyof ItemDraft) => {
    const si = sentIndex(parts[part], index);
    return si >= 0 ? errors[`${part}.${si}.${field}`] : undefined;
  };

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{`${year}年度党员承诺`}</Text>
        <Text className='tag'>{onServer || unsaved ? '草稿' : '未开始'}</Text>
        <Text className='text text--small text--muted'>
          每年一份，分业务发展、目标任务、岗位履职三部分，每项承诺写明可衡量的标准。签署后在支部承诺公开栏公开，全年记录践诺情况，每季度由联系委员评议。
        </Text>
        <View role='status'>
          <Text className='text text--small'>{unsaved ? '修改已保存在本机，尚未保存到服务器' : onServer ? '草稿已保存' : '尚未保存'}</Text>
        </View>
      </View>

      {PLEDGE_PARTS.map((part) => (
        <View key={part} className='card' role='group' aria-label={PLEDGE_PART_LABELS[part]}>
          <Text className='card__title'>{partHeading(part)}</Text>
          <Text className='text text--small text--muted'>{`${parts[part].length} / ${PLEDGE_RULE.maxItemsPerPart} 项`}</Text>
          {parts[part].map((item, i) => {
            const n = i + 1;
            return (
              <View key={i} className='pledge-editor__item'>
                <TextField
                  label={`${PLEDGE_PART_LABELS[part]}${n} 承诺内容`}
                  value={item.text}
                  onChange={(v) => setItem(part, i, 'text', v)}
                  maxlength={PLEDGE_RULE.itemMax}
                  placeholder='例如：全年完成5G基站开通120个'
                  error={fieldError(part, i, 'text')}
                />
                <TextField
                  label={`${PLEDGE_PART_LABELS[part]}${n} 衡量标准`}
                  value={item.measure}
                  onChange={(v) => setItem(part, i, 'measure', v)}
                  maxlength={PLEDGE_RULE.measureMax}
                  placeholder='例如：以网管系统统计为准'
                  error={fieldError(part, i, 'measure')}
                />
                <Button className='btn btn--plain btn--small' aria-label={`删除${PLEDGE_PART_LABELS[part]}第${n}项`} onClick={() => removeItem(part, i)}>
                  删除此项
                </Button>
              </View>
            );
          })}
          {parts[part].length < PLEDGE_RULE.maxItemsPerPart ? (
            <Button className='btn btn--plain btn--small' aria-label={`添加${PLEDGE_PART_LABELS[part]}`} onClick={() => addItem(part)}>
              添加一项
            </Button>
          ) : (
            <Text className='text text--small text--muted'>{`每部分最多 ${PLEDGE_RULE.maxItemsPerPart} 项`}</Text>
          )}
        </View>
      ))}

      <View className='card'>
        <Text className='card__title'>签署</Text>
        {signature && !padOpen ? (
          <View>
            <Image className='signature-preview' src={signature.path} mode='aspectFit' aria-label='我的手写签名' />
            <Button className='btn btn--plain btn--small' aria-label='重新签名' onClick={() => setPadOpen(true)}>
              重新签名
            </Button>
          </View>
        ) : null}
        {padOpen ? (
          <SignaturePad
            canvasId='pledge-signature'
            onConfirm={(path) => {
              setSignature({ path, fileId: null });
              setPadOpen(false);
              setGeneral(null);
            }}
            onCancel={() => setPadOpen(false)}
          />
        ) : null}
        {!signature && !padOpen ? (
          <Button className='btn btn--plain' aria-label='手写签名' onClick={() => setPadOpen(true)}>
            手写签名
          </Button>
        ) : null}
        {reasons.length ? (
          <View role='status' aria-label='暂不能签署的原因'>
            {reasons.map((r) => (
              <Text key={r} className='text text--small overdue'>
                {r}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <ErrorAlert error={general} />
      <View className='actions'>
        <Button className='btn btn--plain' aria-label='保存草稿' disabled={busy !== null || undefined} loading={busy === 'save' || undefined} onClick={() => void saveDraft()}>
          保存草稿
        </Button>
        <Button
          className='btn btn--primary'
          aria-label='签署承诺书'
          disabled={busy !== null || reasons.length > 0 || undefined}
          loading={busy === 'sign' || undefined}
          onClick={() => void sign()}
        >
          签署承诺书
        </Button>
      </View>
    </View>
  );
}

// ---- signed: read-only, fulfilment, reviews ------------------------------------------------------

function SignedPledge({ pledge, memberId, onChange }: { pledge: PledgeView; memberId: string; onChange: (p: PledgeView) => void }) {
  const [adding, setAdding] = useState(() => readFulfilmentDraft(pledge.id).text.trim().length > 0);
  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{`${pledge.year}年度党员承诺`}</Text>
        <Text className='tag'>已签署</Text>
        {pledge.signedAt ? <Text className='text text--small text--muted'>{`${chinaDate(pledge.signedAt)} 签署，已在承诺公开栏公开，内容不能再修改。`}</Text> : null}
        <PledgeParts pledge={pledge} />
        <Signature pledge={pledge} />
        <Button className='btn btn--primary' aria-label='查看承诺书' onClick={() => go(ROUTES.pledgeLetter)}>
          查看承诺书
        </Button>
        <Button className='btn btn--plain' aria-label='查看承诺公开栏' onClick={() => go(ROUTES.pledgeBoard)}>
          承诺公开栏
        </Button>
      </View>

      <View className='card'>
        <Text className='card__title'>{`践诺记录（${pledge.fulfilments.length}）`}</Text>
        {adding ? (
          <FulfilmentForm
            pledge={pledge}
            memberId={memberId}
            onCancel={() => setAdding(false)}
            onAdded={(p) => {
              setAdding(false);
              onChange(p);
            }}
          />
        ) : (
          <Button className='btn btn--primary' aria-label='添加践诺' onClick={() => setAdding(true)}>
            添加践诺
          </Button>
        )}
        <Fulfilments pledge={pledge} emptyText='还没有践诺记录：完成承诺事项后，记录做了什么、效果如何，可附照片。' />
      </View>

      <View className='card'>
        <Text className='card__title'>季度评议</Text>
        <Reviews pledge={pledge} emptyText='还没有评议：每季度由联系委员评议践诺情况。' />
      </View>
    </View>
  );
}

function FulfilmentForm({ pledge, memberId, onCancel, onAdded }: { pledge: PledgeView; memberId: string; onCancel: () => void; onAdded: (p: PledgeView) => void }) {
  const [draft, setDraft] = useState<FulfilmentDraft>(() => readFulfilmentDraft(pledge.id));
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [tooShort, setTooShort] = useState(false);
  const submit = useSubmit();

  const update = (fn: (d: FulfilmentDraft) => FulfilmentDraft) => {
    setDraft((d) => {
      const next = fn(d);
      writeFulfilmentDraft(pledge.id, next);
      return next;
    });
  };
  const length = draft.text.trim().length;
  const room = FULFILMENT_MAX_PHOTOS - draft.photos.length;

  const addPhotos = async () => {
    if (room <= 0) return;
    const paths = await pickPhotos(room);
    if (!paths.length) return;
    setUploading(true);
    const added: Array<{ fileId: string; path: string }> = [];
    try {
      for (const p of paths) added.push({ fileId: await uploadFile(p, photoCloudPath(pledgePhotoFolder(memberId), p)), path: p });
    } catch {
      toast('照片上传失败，请重试');
    }
    setUploading(false);
    if (added.length === 0) return;
    setPreviews((prev) => ({ ...prev, ...Object.fromEntries(added.map((a) => [a.fileId, a.path])) }));
    update((d) => ({ ...d, photos: [...d.photos, ...added.map((a) => a.fileId)].slice(0, FULFILMENT_MAX_PHOTOS) }));
  };

  const send = async () => {
    const text = draft.text.trim();
    if (text.length < FULFILMENT_MIN) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    // Kept before sending: if the app closes mid-request, the retry still has this requestId.
    writeFulfilmentDraft(pledge.id, draft);
    const res = await submit.run('pledge.addFulfilment', { requestId: draft.requestId, itemId: draft.itemId, text, photos: draft.photos });
    if (!res.ok) return; // the draft and its requestId stay for the retry
    writeFulfilmentDraft(pledge.id, null);
    setDraft({ text: '', itemId: null, photos: [], requestId: newRequestId('pf') });
    toast('践诺记录已添加', 'success');
    onAdded(res.data);
  };

  const choices = [{ value: '', label: '不关联具体事项' }, ...itemChoices(pledge)];
  const general = submit.error && !submit.fieldError('text') && !submit.fieldError('photos') ? submit.error : null;
  return (
    <View>
      <SelectField label='关联承诺事项（可选）' options={choices} value={draft.itemId ?? ''} onChange={(v) => update((d) => ({ ...d, itemId: v || null }))} />
      <TextField
        label='践诺情况'
        value={draft.text}
        onChange={(text) => update((d) => ({ ...d, text }))}
        multiline
        maxlength={FULFILMENT_MAX}
        placeholder={`做了什么、效果如何（至少 ${FULFILMENT_MIN} 个字）`}
        hint='未提交的内容会保存在本机。'
        error={tooShort && length < FULFILMENT_MIN ? `请至少写 ${FULFILMENT_MIN} 个字，现在 ${length} 个字` : submit.fieldError('text')}
      />
      <Text className='field__label'>{`佐证照片（${draft.photos.length} / ${FULFILMENT_MAX_PHOTOS}）`}</Text>
      {draft.photos.length ? (
        <View className='chips' role='list' aria-label='已添加的照片'>
          {draft.photos.map((fileId, i) => (
            <View key={fileId} role='listitem'>
              {previews[fileId] ? <Image className='photo' src={previews[fileId]} mode='aspectFill' aria-hidden='true' /> : null}
              <Button className='chip' aria-label={`删除照片${i + 1}`} onClick={() => update((d) => ({ ...d, photos: d.photos.filter((x) => x !== fileId) }))}>
                {`照片${i + 1} ✕`}
              </Button>
            </View>
          ))}
        </View>
      ) : null}
      {submit.fieldError('photos') ? <Text className='field__error'>{submit.fieldError('photos')}</Text> : null}
      {room > 0 ? (
        <Button className='btn btn--plain btn--small' aria-label='添加照片' disabled={uploading || undefined} loading={uploading || undefined} onClick={() => void addPhotos()}>
          {uploading ? '正在上传…' : '添加照片'}
        </Button>
      ) : null}
      <ErrorAlert error={general} />
      <View className='actions'>
        <Button
          className='btn btn--primary'
          aria-label='提交践诺'
          disabled={submit.busy || uploading || undefined}
          loading={submit.busy || undefined}
          onClick={() => void send()}
        >
          提交践诺
        </Button>
        <Button className='btn btn--plain' aria-label='收起践诺表单' onClick={onCancel}>
          收起
        </Button>
      </View>
    </View>
  );
}
