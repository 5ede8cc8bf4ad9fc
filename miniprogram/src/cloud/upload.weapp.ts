/** WeChat photo upload: CloudBase storage in production, the emulator over HTTP locally. */
import Taro from '@tarojs/taro';
import { photoResize } from '../../../shared/domain/files';
import { BACKEND } from '../config/env';
import { httpUpload } from './upload-http';
import type { UploadFile } from './upload-types';

export { photoCloudPath } from './upload-types';

const PHOTO = /\.(jpe?g|png|gif|webp)$/i;

/**
 * A photo as the phone should send it: resized to the stated maximum (shared/domain/files.ts)
 * with Taro.compressImage. An older base library without the resize options, or any failure,
 * sends the original: the server still checks what it gets.
 */
export async function preparedPhoto(filePath: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: filePath });
    const stat = await new Promise<{ size: number }>((resolve, reject) => Taro.getFileSystemManager().getFileInfo({ filePath, success: resolve, fail: reject }));
    const resize = photoResize(info.width, info.height, stat.size);
    if (!resize) return filePath;
    const res = await Taro.compressImage({ src: filePath, quality: resize.quality, compressedWidth: resize.width, compressedHeight: resize.height });
    return res.tempFilePath || filePath;
  } catch {
    return filePath;
  }
}

export const uploadFile: UploadFile = async (filePath, cloudPath) => {
  const file = PHOTO.test(cloudPath) ? await preparedPhoto(filePath) : filePath;
  if (BACKEND !== 'cloud') return httpUpload(file, cloudPath);
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file });
  if (!res.fileID) throw new Error('上传失败，请重试');
  return res.fileID;
};
