/**
 * The built weapp's 徽章打卡 (subpackages/identity/pages/checkin): the front camera through
 * `wx.chooseMedia`, the photo resized on the phone (`wx.compressImage`, shared/domain/files.ts
 * PHOTO_MAX_SIDE_PX), uploaded with `wx.cloud.uploadFile` into the member's own folder, the
 * position asked as gcj02 (WeChat's maps), and a refused camera explained — the code paths
 * H5 never runs.
 */
import { PHOTO_MAX_SIDE_PX, PHOTO_TARGET_BYTES } from '../../shared/domain/files';
import { COLLECTIONS } from '../../shared/db/collections';
import { cameraJpeg, imageSize } from './device';
import { assertBuilt, createWeappHarness, type WeappHarness } from './harness';
import { startStack, type SimulateStack } from './stack';

const PAGE = 'subpackages/identity/pages/checkin/index';

let stack: SimulateStack;
let weapp: WeappHarness;
let members: Array<{ openid: string; name: string }>;

beforeAll(async () => {
  assertBuilt();
  stack = await startStack();
  weapp = createWeappHarness(stack.origin);
  members = (await stack.people()).filter((p) => p.roles.includes('member') && !p.roles.includes('secretary'));
  if (members.length < 3) throw new Error(`seed has fewer than 3 plain members: ${members.length}`);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

type Checkin = { memberId: string; memberName: string; photo: string; location: { latitude: number; longitude: number } | null };

describe('built weapp: 徽章打卡 with the camera', () => {
  it('a 12-megapixel camera photo is resized on the phone, uploaded to the member’s folder and checked in, with the place in gcj02', async () => {
    const member = members[0];
    weapp.setSession(await stack.signIn(member.openid));
    const page = weapp.renderPage(PAGE);
    await weapp.waitForText(page, (t) => t.includes('拍照打卡') && t.includes('人已打卡'));

    // 添加位置: WeChat's maps use gcj02, which is what the weapp asks for.
    weapp.device.location = { latitude: 31.230416, longitude: 121.473701 };
    await weapp.fire(page, '.checkin-toggle', 'tap');
    await weapp.waitForText(page, (t) => t.includes('已添加位置'));
    expect(weapp.device.locationAsks.at(-1)).toMatchObject({ type: 'gcj02' });

    const original = cameraJpeg(4032, 3024, 3_400_000);
    weapp.device.nextPhoto = weapp.device.addFile(original, 'jpg');
    await weapp.fire(page, '.checkin-shoot', 'tap');
    await weapp.waitForText(page, (t) => t.includes('提交打卡'));
    expect(weapp.device.chooseMedia.at(-1)).toMatchObject({ count: 1, mediaType: ['image'], sourceType: ['camera'], camera: 'front' });

    await weapp.fire(page, '.btn--primary', 'tap');
    const text = await weapp.waitForText(page, (t) => t.includes('已连续打卡 1 天'));
    expect(text).toContain('打卡成功');
    expect(weapp.device.toasts).toContain('打卡成功');

    // Resized to the stated maximum before upload, never the camera's original.
    expect(weapp.device.compressions).toHaveLength(1);
    const upload = weapp.device.uploads.at(-1);
    if (!upload) throw new Error('nothing was uploaded');
    const size = imageSize(upload.bytes);
    expect(size).not.toBeNull();
    expect(Math.max(size?.width ?? 0, size?.height ?? 0)).toBeLessThanOrEqual(PHOTO_MAX_SIDE_PX);
    expect(size?.width).toBe(1600);
    expect(size?.height).toBe(1200);
    expect(upload.bytes.length).toBeLessThanOrEqual(PHOTO_TARGET_BYTES);
    expect(upload.bytes.length).toBeLessThan(original.length);

    // The server stored this member's check-in with that very file, from their own folder, and the place.
    const me = await stack.call<{ memberId: string }>('org.me', {}, await stack.signIn(member.openid));
    const memberId = me.body.data?.memberId ?? '';
    expect(upload.cloudPath.startsWith(`checkins/${memberId}/`)).toBe(true);
    const checkins = await stack.collection<Checkin>(COLLECTIONS.badgeCheckins);
    const mine = checkins.filter((c) => c.memberId === memberId);
    expect(mine).toHaveLength(1);
    expect(mine[0].photo).toBe(upload.fileID);
    expect(mine[0].location).toMatchObject({ latitude: 31.230416, longitude: 121.473701 });
    // ... and held the image for WeChat's asynchronous check.
    const checks = await stack.collection<{ fileId: string; status: string }>(COLLECTIONS.mediaChecks);
    expect(checks.find((c) => c.fileId === upload.fileID)?.status).toBe('pending');

    // Opened again the same day: 今日已打卡 and the wall counts the member.
    const again = weapp.renderPage(PAGE);
    const later = await weapp.waitForText(again, (t) => t.includes('今日已打卡') && t.includes('人已打卡'));
    expect(later).toContain(member.name);
    expect(later).not.toContain('拍照打卡');
  });

  it('with the place refused the check-in goes without it; cancelling the camera changes nothing', async () => {
    const member = members[1];
    weapp.setSession(await stack.signIn(member.openid));
    const page = weapp.renderPage(PAGE);
    await weapp.waitForText(page, (t) => t.includes('拍照打卡') && t.includes('人已打卡'));

    weapp.device.location = null;
    await weapp.fire(page, '.checkin-toggle', 'tap');
    await weapp.waitForText(page, (t) => t.includes('未开启'));
    expect(weapp.device.toasts).toContain('未能获取位置，本次打卡不带位置');

    // The member closes the camera: no photo, no upload, no toast of failure.
    const uploadsBefore = weapp.device.uploads.length;
    weapp.device.nextPhoto = null;
    await weapp.fire(page, '.checkin-shoot', 'tap');
    await weapp.simulate.sleep(100);
    expect(weapp.text(page)).toContain('拍照打卡');
    expect(weapp.device.toasts).not.toContain('无法打开相机，请重试');

    weapp.device.nextPhoto = weapp.device.addFile(cameraJpeg(1280, 960, 400_000), 'jpg');
    await weapp.fire(page, '.checkin-shoot', 'tap');
    await weapp.waitForText(page, (t) => t.includes('提交打卡'));
    await weapp.fire(page, '.btn--primary', 'tap');
    await weapp.waitForText(page, (t) => t.includes('已连续打卡 1 天'));
    // A photo already within the maximum goes as it is.
    expect(weapp.device.uploads.length).toBe(uploadsBefore + 1);
    expect(imageSize(weapp.device.uploads.at(-1)?.bytes ?? new Uint8Array())).toEqual({ width: 1280, height: 960 });

    const checkins = await stack.collection<Checkin>(COLLECTIONS.badgeCheckins);
    expect(checkins.find((c) => c.memberName === member.name)?.location).toBeNull();
  });

  it('a refused camera is explained (去设置), and nothing is uploaded or written', async () => {
    const member = members[2];
    weapp.setSession(await stack.signIn(member.openid));
    const page = weapp.renderPage(PAGE);
    await weapp.waitForText(page, (t) => t.includes('拍照打卡') && t.includes('人已打卡'));
    const uploadsBefore = weapp.device.uploads.length;
    const checkinsBefore = (await stack.collection(COLLECTIONS.badgeCheckins)).length;

    weapp.device.cameraRefused = true;
    try {
      await weapp.fire(page, '.checkin-shoot', 'tap');
      const until = Date.now() + 3000;
      while (!weapp.device.modals.some((m) => m.title === '需要摄像头权限') && Date.now() < until) await weapp.simulate.sleep(20);
    } finally {
      weapp.device.cameraRefused = false;
    }
    expect(weapp.device.modals.at(-1)?.title).toBe('需要摄像头权限');
    expect(weapp.text(page)).toContain('拍照打卡');
    expect(weapp.device.uploads.length).toBe(uploadsBefore);
    expect((await stack.collection(COLLECTIONS.badgeCheckins)).length).toBe(checkinsBefore);
  });
});
