/** H5 photo upload: same-origin multipart POST to the emulator, the `tx_session` cookie as session. */
import { fileIdOf, type UploadFile } from './upload-types';

export { photoCloudPath } from './upload-types';

export const uploadFile: UploadFile = async (filePath, cloudPath) => {
  // Taro H5's chooseImage gives blob: URLs.
  const blob = await (await fetch(filePath)).blob();
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', blob, cloudPath.split('/').pop() || 'photo.jpg');
  const res = await fetch('/__/storage/client-upload', { method: 'POST', credentials: 'include', body: form });
  if (!res.ok) throw new Error('上传失败，请重试');
  return fileIdOf(await res.json());
};
