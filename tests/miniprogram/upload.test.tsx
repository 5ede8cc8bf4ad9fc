/**
 * Photos are resized on the phone before upload (issue #15): a camera photo goes as at most
 * 1,600 px on its long side, re-encoded; a small one goes as it is; a phone whose base library
 * cannot resize sends the original (the server still checks it).
 */
import { compressImage, imageInfo } from './mocks/taro';
import { preparedPhoto } from '@/cloud/upload.weapp';
import { PHOTO_MAX_SIDE_PX, PHOTO_TARGET_BYTES, photoResize } from '../../shared/domain/files';

beforeEach(() => {
  compressImage.mockClear();
  Object.assign(imageInfo, { width: 4032, height: 3024, size: 3_200_000 });
});

it('resizes a camera photo to the stated maximum', async () => {
  expect(await preparedPhoto('/tmp/photo.jpg')).toBe('/tmp/compressed.jpg');
  expect(compressImage).toHaveBeenCalledWith(expect.objectContaining({ src: '/tmp/photo.jpg', compressedWidth: PHOTO_MAX_SIDE_PX, compressedHeight: 1200, quality: 80 }));
});

it('sends a small photo as it is, and re-encodes a small but heavy one', async () => {
  Object.assign(imageInfo, { width: 1080, height: 1440, size: 400_000 });
  expect(await preparedPhoto('/tmp/small.jpg')).toBe('/tmp/small.jpg');
  expect(compressImage).not.toHaveBeenCalled();
  expect(photoResize(1080, 1440, PHOTO_TARGET_BYTES + 1)).toEqual({ width: 1080, height: 1440, quality: 80 });
});

it('sends the original when the phone cannot resize', async () => {
  compressImage.mockRejectedValueOnce(new Error('compressImage:fail not supported'));
  expect(await preparedPhoto('/tmp/photo.jpg')).toBe('/tmp/photo.jpg');
});
