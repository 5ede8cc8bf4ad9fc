/**
 * 共建协议 (secretary; ?id= edits one): the partner organisation (name, kind, contact), the terms,
 * the signed date, the status and the signed agreement file — a PDF or a photo, picked with
 * Taro.chooseMessageFile in weapp or a file input in H5, uploaded at once to
 * `cobuild/<branchId>/…`. Confirmed first → cobuild.save → back to 党建和创.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PageShell, type ShellStatus } from '@/components/PageShell';
import { DateField, ErrorAlert, FieldFrame, SelectField, TextField, type Option } from '@/components/Field';
import { AgreementFile } from '@/components/Work/AgreementFile';
import { useAction } from '@/hooks/useAction';
import { COBUILD_STATUSES, COBUILD_STATUS_LABELS, PARTNER_KINDS, PARTNER_KIND_LABELS, type CobuildStatus, type PartnerKind } from '@/domain/work';
import { confirmChange, toast } from '@/lib/confirm';
import { decodeParam } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import { useSubmit } from '@/lib/submit';
import { uploadFile } from '@/cloud/upload';
import type { AgreementView } from '@/services/api';

const KIND_OPTIONS: ReadonlyArray<Option<PartnerKind>> = PARTNER_KINDS.map((k) => ({ value: k, label: PARTNER_KIND_LABELS[k] }));
const STATUS_OPTIONS: ReadonlyArray<Option<CobuildStatus>> = COBUILD_STATUSES.map((s) => ({ value: s, label: COBUILD_STATUS_LABELS[s] }));
export const FILE_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png'] as const;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A storage path for the agreement file: `cobuild/<branchId>/<random>.<pdf|jpg|png>`, only characters a fileId accepts. */
export function agreementCloudPath(folder: string, fileName: string): string {
  const ext = /\.(pdf|jpe?g|png)$/i.exec(fileName)?.[1]?.toLowerCase() ?? 'pdf';
  const safe = folder.replace(/[^\w/-]/g, '_');
  return `${safe}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

const allowed = (name: string) => (FILE_EXTENSIONS as readonly string[]).includes(/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '');

/** The stored file of an agreement, kept on save when no new file is chosen. */
function storedFileOf(a: AgreementView | null): string | null {
  return a?.fileId ?? null;
}

export interface AgreementForm {
  name: string;
  kind: PartnerKind;
  contact: string;
  terms: string;
  signedOn: string | null;
  status: CobuildStatus;
}

type Errors = Partial<Record<'partner.name' | 'partner.contact' | 'terms' | 'signedOn' | 'file', string>>;

export function validateAgreement(v: AgreementForm): Errors {
  const e: Errors = {};
  if (Array.from(v.name.trim()).length < 2) e['partner.name'] = '请填写共建单位名称（至少 2 个字）';
  if (!v.contact.trim()) e['partner.contact'] = '请填写联系人及电话';
  if (!v.terms.trim()) e.terms = '请填写共建内容';
  if (v.status !== 'negotiating' && !v.signedOn) e.signedOn = '已签约的协议请填写签约日期';
  return e;
}

type Upload = { status: 'idle' } | { status: 'uploading'; name: string } | { status: 'done'; name: string; fileId: string } | { status: 'failed'; name: string };

export default function CobuildEdit() {
  const { params } = useRouter();
  const id = decodeParam(params?.id);
  const me = useAction('org.me', {});
  const list = useAction('cobuild.list', {});
  const submit = useSubmit();
  const [form, setForm] = useState<AgreementForm>({ name: '', kind: 'enterprise', contact: '', terms: '', signedOn: null, status: 'negotiating' });
  const [loaded, setLoaded] = useState(!id);
  const [upload, setUpload] = useState<Upload>({ status: 'idle' });
  const [errors, setErrors] = useState<Errors>({});
  const existing = id ? (list.data?.items.find((a) => a.id === id) ?? null) : null;
  const kept = storedFileOf(existing);

  useEffect(() => {
    if (loaded || !existing) return;
    setForm({ name: existing.partner.name, kind: existing.partner.kind, contact: existing.partner.contact, terms: existing.terms, signedOn: existing.signedOn, status: existing.status });
    setLoaded(true);
  }, [existing, loaded]);

  const set = (next: Partial<AgreementForm>) => setForm((f) => ({ ...f, ...next }));
  const fieldError = (name: keyof Errors) => errors[name] ?? submit.fieldError(name);

  const send = async (path: string, name: string, size: number) => {
    if (!allowed(name)) {
      setUpload({ status: 'failed', name });
      setErrors((e) => ({ ...e, file: '请选择 PDF 或图片（jpg、png）' }));
      return;
    }
    if (size > MAX_FILE_BYTES) {
      setUpload({ status: 'failed', name });
      setErrors((e) => ({ ...e, file: '文件不能超过 20 MB' }));
      return;
    }
    const branchId = me.data?.branch.id;
    if (!branchId) return;
    setErrors((e) => ({ ...e, file: undefined }));
    setUpload({ status: 'uploading', name });
    try {
      const fileId = await uploadFile(path, agreementCloudPath(`cobuild/${branchId}`, name));
      setUpload({ status: 'done', name, fileId });
    } catch {
      setUpload({ status: 'failed', name });
      setErrors((e) => ({ ...e, file: '上传失败，请重新选择文件' }));
    }
  };

  /** weapp: a file from a chat (PDF or photo). */
  const chooseInWeapp = async () => {
    let file: { path: string; name: string; size: number } | undefined;
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'all' });
      file = res.tempFiles[0];
    } catch {
      return; // cancelled
    }
    if (file) await send(file.path, file.name, file.size);
  };

  /** H5: the browser's file input. */
  const chooseInH5 = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void send(URL.createObjectURL(file), file.name, file.size);
  };

  const save = async () => {
    const next = validateAgreement(form);
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    if (upload.status === 'uploading') {
      setErrors({ file: '文件正在上传，请稍候' });
      return;
    }
    // A new upload replaces the file; otherwise the stored one is kept.
    const file = upload.status === 'done' ? upload.fileId : kept;
    const summary = [
      `${PARTNER_KIND_LABELS[form.kind]}：${form.name.trim()}`,
      `联系人：${form.contact.trim()}`,
      `状态：${COBUILD_STATUS_LABELS[form.status]}${form.signedOn ? `，签约日期 ${form.signedOn}` : ''}`,
      `协议文件：${upload.status === 'done' ? upload.name : file ? '保留原文件' : '未上传'}`,
    ].join('\n');
    if (!(await confirmChange(id ? '修改共建协议' : '新增共建协议', summary, '确认保存'))) return;
    const res = await submit.run('cobuild.save', {
      ...(id ? { agreementId: id } : {}),
      partner: { name: form.name.trim(), kind: form.kind, contact: form.contact.trim() },
      terms: form.terms.trim(),
      signedOn: form.signedOn,
      status: form.status,
      file,
    });
    if (res.ok) {
      toast('协议已保存', 'success');
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: ROUTES.cobuild }));
    }
  };

  const missing = Boolean(id) && list.status === 'ready' && !existing;
  const failed = me.status === 'error' || (Boolean(id) && list.status === 'error');
  const status: ShellStatus = missing || failed ? 'error' : me.status === 'loading' || (id && !loaded) ? 'loading' : 'ready';
  const retry = () => {
    void me.reload();
    void list.reload();
  };
  const fileLabel =
    upload.status === 'uploading'
      ? `正在上传：${upload.name}`
      : upload.status === 'done'
        ? `已上传：${upload.name}`
        : upload.status === 'failed'
          ? `未上传：${upload.name}`
          : existing?.fileUrl
            ? '已有签约协议文件'
            : '尚未上传';

  return (
    <PageShell status={status} errorMessage={missing ? '共建协议不存在或已被删除' : (me.error ?? list.error)?.message} onRetry={retry}>
      <View className='card'>
        <Text className='card__title'>共建单位</Text>
        <TextField label='单位名称' value={form.name} maxlength={40} onChange={(name) => set({ name })} placeholder='如：某银行城东支行党支部' error={fieldError('partner.name')} />
        <SelectField label='单位类型' options={KIND_OPTIONS} value={form.kind} onChange={(kind) => set({ kind })} />
        <TextField label='联系人' value={form.contact} maxlength={40} onChange={(contact) => set({ contact })} placeholder='姓名及电话' error={fieldError('partner.contact')} />
      </View>
      <View className='card'>
        <TextField label='共建内容' value={form.terms} multiline maxlength={3000} onChange={(terms) => set({ terms })} placeholder='双方约定的共建事项' error={fieldError('terms')} />
        <SelectField label='协议状态' options={STATUS_OPTIONS} value={form.status} onChange={(s) => set({ status: s })} />
        <DateField label='签约日期' value={form.signedOn} onChange={(signedOn) => set({ signedOn })} error={fieldError('signedOn')} />
        <FieldFrame label='签约协议文件' hint='PDF 或照片，不超过 20 MB' error={fieldError('file')}>
          <View role='status'>
            <Text className='text'>{fileLabel}</Text>
          </View>
          {existing?.fileUrl && upload.status !== 'done' ? <AgreementFile url={existing.fileUrl} partner={existing.partner.name} /> : null}
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              className='btn btn--plain btn--small'
              aria-label='选择协议文件'
              disabled={upload.status === 'uploading' || !me.data || undefined}
              loading={upload.status === 'uploading' || undefined}
              onClick={() => void chooseInWeapp()}
            >
              {existing?.fileUrl || upload.status === 'done' ? '更换文件' : '选择文件'}
            </Button>
          ) : (
            <input type='file' accept='.pdf,application/pdf,image/jpeg,image/png' aria-label='选择协议文件' disabled={upload.status === 'uploading' || !me.data} onChange={chooseInH5} />
          )}
        </FieldFrame>
      </View>
      <View className='card'>
        <ErrorAlert error={submit.error} />
        <Button
          className='btn btn--primary'
          aria-label='保存协议'
          disabled={submit.busy || upload.status === 'uploading' || undefined}
          loading={submit.busy || undefined}
          onClick={() => void save()}
        >
          保存协议
        </Button>
      </View>
    </PageShell>
  );
}
