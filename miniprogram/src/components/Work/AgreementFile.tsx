/**
 * 查看协议: the signed agreement file. weapp: a PDF (or other document) is downloaded and opened
 * with Taro.openDocument, an image is previewed; H5 (and Jest): a plain link that opens it.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { toast } from '@/lib/confirm';

const DOC_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const;
type DocType = (typeof DOC_TYPES)[number];

/** What the file is, from its URL's extension (temporary URLs carry a query string). */
export function agreementFileType(url: string): DocType | 'image' {
  const ext = /\.([a-z0-9]+)(?:$|[?#])/i.exec(url)?.[1]?.toLowerCase() ?? '';
  if (/^(jpe?g|png|gif|webp)$/.test(ext)) return 'image';
  return (DOC_TYPES as readonly string[]).includes(ext) ? (ext as DocType) : 'pdf';
}

export async function openAgreementFile(url: string): Promise<void> {
  const type = agreementFileType(url);
  if (type === 'image') {
    await Taro.previewImage({ urls: [url], current: url });
    return;
  }
  const dl = await Taro.downloadFile({ url });
  if (dl.statusCode !== 200) throw new Error(String(dl.statusCode));
  await Taro.openDocument({ filePath: dl.tempFilePath, fileType: type, showMenu: true });
}

export function AgreementFile({ url, partner }: { url: string; partner: string }) {
  const [opening, setOpening] = useState(false);
  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <a className='btn btn--plain link-download' href={url} target='_blank' rel='noreferrer' aria-label={`查看协议：${partner}`}>
        查看协议
      </a>
    );
  }
  const open = async () => {
    setOpening(true);
    try {
      await openAgreementFile(url);
    } catch {
      toast('协议文件打开失败，请重试');
    } finally {
      setOpening(false);
    }
  };
  return (
    <Button className='btn btn--plain' aria-label={`查看协议：${partner}`} disabled={opening || undefined} loading={opening || undefined} onClick={() => void open()}>
      查看协议
    </Button>
  );
}
