/** Upload to the local emulator from a mini-program (multipart `cloudPath` + `file`, session header). */
import Taro from '@tarojs/taro';
import { EMULATOR_URL } from '../config/env';
import { getSessionToken } from './http';
import { fileIdOf, type UploadFile } from './upload-types';

export const httpUpload: UploadFile = async (filePath, cloudPath) => {
  const token = getSessionToken();
  const res = await Taro.uploadFile({
    url: `${EMULATOR_URL}/__/storage/client-upload`,
    filePath,
    name: 'file',
    formData: { cloudPath },
    header: token ? { 'x-tongxin-session': token } : {},
  });
  if (res.statusCode !== 200) throw new Error('上传失败，请重试');
  return fileIdOf(res.data);
};
