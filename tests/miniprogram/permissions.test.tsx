/**
 * The camera, album and clipboard can be refused (by the member, or by WeChat when the privacy
 * guide does not declare them): a refusal is explained with a way to the settings, a cancel
 * says nothing, and nothing is uploaded or copied (issue #15).
 */
import { chooseImage, openSetting, setClipboardData, showModal, showToast } from './mocks/taro';
import { copyText, pickPhotos } from '@/lib/permissions';

beforeEach(() => {
  for (const mock of [chooseImage, openSetting, setClipboardData, showModal, showToast]) mock.mockClear();
});

it('explains a refused album and opens the settings when asked', async () => {
  chooseImage.mockRejectedValueOnce({ errMsg: 'chooseImage:fail auth deny' });
  showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
  expect(await pickPhotos(3)).toEqual([]);
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }));
  expect(openSetting).toHaveBeenCalledTimes(1);
});

it('treats the privacy guide refusing the API as a refusal too', async () => {
  chooseImage.mockRejectedValueOnce({ errMsg: 'chooseImage:fail api scope is not declared in the privacy agreement', errno: 112 });
  showModal.mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  expect(await pickPhotos(1)).toEqual([]);
  expect(showModal).toHaveBeenCalledTimes(1);
  expect(openSetting).not.toHaveBeenCalled();
});

it('says nothing when the member cancels, and gives the photos picked', async () => {
  chooseImage.mockRejectedValueOnce({ errMsg: 'chooseImage:fail cancel' });
  expect(await pickPhotos(2)).toEqual([]);
  expect(showModal).not.toHaveBeenCalled();
  expect(showToast).not.toHaveBeenCalled();
  chooseImage.mockResolvedValueOnce({ tempFilePaths: ['/tmp/a.jpg', '/tmp/b.jpg', '/tmp/c.jpg'] });
  expect(await pickPhotos(2)).toEqual(['/tmp/a.jpg', '/tmp/b.jpg']);
});

it('explains a refused clipboard and copies when allowed', async () => {
  setClipboardData.mockRejectedValueOnce({ errMsg: 'setClipboardData:fail privacy permission is not authorized', errno: 104 });
  showModal.mockResolvedValueOnce({ confirm: true, cancel: false } as never);
  expect(await copyText('ABCD2345', '邀请码已复制', '复制失败')).toBe(false);
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '无法复制' }));
  expect(await copyText('ABCD2345', '邀请码已复制', '复制失败')).toBe(true);
  expect(showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '邀请码已复制' }));
});
