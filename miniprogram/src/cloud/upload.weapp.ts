/** WeChat photo upload: CloudBase storage in production, the emulator over HTTP locally. */
import Taro from '@tarojs/taro';
import { BACKEND } from '../config/env';
import { httpUpload } from './upload-http';
import type { UploadFile } from './upload-types';

export { photoCloudPath } from './upload-types';

export const uploadFile: UploadFile = async (filePath, cloudPath) => {
  if (BACKEND !== 'cloud') return httpUpload(filePath, cloudPath);
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
  if (!res.fileID) throw new Error('上传失败，请重试');
  return res.fileID;
};
