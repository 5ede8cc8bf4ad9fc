/**
 * Every action whose input names a stored file (walked from the contract: each `storedFile`
 * field) refuses a file outside the folder it belongs to: another branch's or another
 * member's file — a pledge signature of 网络运维党支部 was the example — and paths with `..`,
 * percent-encoding or odd characters. Each refusal is INVALID_INPUT and writes nothing; the
 * same input with the caller's own file is accepted, so the refusal is about the file.
 */
import type { z } from 'zod';
import { contract, type ActionName } from '../../shared/api/contract';
import { CONTENT_CHECKS } from '../../shared/api/content';
import { IMAGE_MAX_BYTES } from '../../shared/domain/files';
import { isInFolder, storedPath } from '../../shared/domain/files';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { COLLECTIONS } from '../../shared/db/collections';
import { chinaDay } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { leaves } from './support/schema-walk';
import { pngBytes } from '../support/images';

const START = new Date();
let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const MEMBER = 'b-netops-m20';
const ENV = 'cloud://local.local-bucket';
const NOTE = '通过学习，我认识到党员要在本职岗位上发挥先锋模范作用，把学习成果转化为做好网络维护和客户服务的实际行动。';
const PLEDGE = { business: [{ text: '发展政企客户五家', measure: '全年' }], targets: [{ text: '故障处理及时率百分百', measure: '每季度' }], post: [{ text: '带头夜间值守', measure: '每月' }] };

/** Paths to every `storedFile` in a schema (`photos[]`, `file`, …). */
const filePaths = (schema: z.ZodType): string[] => leaves(schema).filter(([, kind]) => kind === 'file').map(([path]) => path);

const FILE_ACTIONS = (Object.keys(contract) as ActionName[]).filter((name) => filePaths(contract[name].input as z.ZodType).length > 0).sort();

/** File actions whose file is an image (the content table's `images`): the rest take a video or a document. */
const IMAGE_ACTIONS = FILE_ACTIONS.filter((name) => (CONTENT_CHECKS[name]?.images ?? []).length > 0);

interface Case {
  openid: string;
  /** The caller's own folder for this input: a file there is accepted. */
  folder: string;
  /** A valid input naming `file` in its file field. */
  input: (file: string) => unknown;
  /** Where the file field is not the image field (a lesson's video): a valid input naming `file` as its image. */
  imageInput?: (file: string) => unknown;
}

/** Per action of the class, its valid call. */
const CASES: Record<string, () => Promise<Case>> = {
  'activity.saveSummary': async () => {
    const a = data<{ id: string }>(await as(stack, SECRETARY, 'activity.create', { theme: '主题党日', startsAt: new Date(START.getTime() - 3_600_000).toISOString(), place: '活动室', detail: '参观学习', capacity: 0, oath: false }));
    return { openid: SECRETARY, folder: `activities/${a.id}`, input: (file) => ({ activityId: a.id, text: '参观红色教育基地，重温入党誓词，交流学习心得。', photos: [file] }) };
  },
  'badgeCheckin.submit': async () => ({ openid: demoOpenid(MEMBER), folder: `checkins/${MEMBER}`, input: (file) => ({ photo: file, location: null }) }),
  'cobuild.save': async () => ({ openid: SECRETARY, folder: 'cobuild/b-netops', input: (file) => ({ partner: { name: '共建单位党支部', kind: 'bank', contact: '王主任' }, terms: '联合开展活动', signedOn: '2026-10-01', status: 'active', file }) }),
  'honour.nominate': async () => ({ openid: demoOpenid('b-netops-m07'), folder: 'honour/b-netops', input: (file) => ({ period: periodOf(START), memberId: 'b-netops-m10', story: '在抗洪抢险通信保障中连续奋战三昼夜，保障了重点区域的网络畅通。', photo: file }) }),
  'lesson.create': async () => {
    const lesson = (video: string, cover: string | null) => ({ title: '文件测试党课', summary: '测试', speakerId: 'b-netops-m02', unitId: null, video, cover, durationSeconds: 60 });
    return { openid: SECRETARY, folder: 'lessons/b-netops', input: (file) => lesson(file, null), imageInput: (file) => lesson(`${ENV}/lessons/b-netops/cover-test.mp4`, file) };
  },
  'meeting.saveMinutes': async () => {
    const m = data<{ id: string }>(await as(stack, SECRETARY, 'meeting.schedule', { kind: 'assembly', title: '支部党员大会', startsAt: new Date(START.getTime() - 3_600_000).toISOString(), place: '党员活动室', agenda: '学习', groupId: null, attendeeIds: null }));
    return { openid: SECRETARY, folder: `meetings/${m.id}`, input: (file) => ({ meetingId: m.id, text: '会议传达了上级精神，讨论了本季度工作安排。', photos: [file] }) };
  },
  'note.submit': async () => ({ openid: demoOpenid(MEMBER), folder: `notes/${MEMBER}`, input: (file) => ({ requestId: `file-note-${Math.random().toString(36).slice(2, 10)}`, text: NOTE, images: [file], lessonId: null, pushId: null }) }),
  'pledge.addFulfilment': async () => {
    const openid = demoOpenid('b-netops-m21');
    data(await as(stack, openid, 'pledge.save', PLEDGE));
    const signature = await stack.putFile('pledges/b-netops-m21/signature.png', { bytes: pngBytes(), contentType: 'image/png' });
    data(await as(stack, openid, 'pledge.sign', { signature }));
    return { openid, folder: 'pledges/b-netops-m21', input: (file) => ({ requestId: `file-fulfil-${Math.random().toString(36).slice(2, 10)}`, itemId: null, text: '本月新发展政企客户两家，已签约。', photos: [file] }) };
  },
  'pledge.sign': async () => {
    const openid = demoOpenid('b-netops-m22');
    data(await as(stack, openid, 'pledge.save', PLEDGE));
    return { openid, folder: 'pledges/b-netops-m22', input: (file) => ({ signature: file }) };
  },
  'project.addUpdate': async () => {
    const p = data<{ id: string }>(await as(stack, SECRETARY, 'project.create', { requestId: 'file-project-01', kind: 'secretary', title: '攻坚项目', goal: '完成攻坚', leadId: 'b-netops-m02', overrideReason: '测试', groupIds: [], unitIds: [], milestones: [{ title: '第一节点', ownerId: 'b-netops-m11', dueOn: chinaDay(new Date(START.getTime() + 10 * 86_400_000)) }] }));
    return { openid: SECRETARY, folder: `projects/${p.id}`, input: (file) => ({ projectId: p.id, requestId: `file-update-${Math.random().toString(36).slice(2, 10)}`, text: '本周完成勘察', photos: [file] }) };
  },
  'rectification.answer': async () => {
    const issued = data<{ id: string }>(await as(stack, SECRETARY, 'rectification.issue', { memberId: 'b-netops-m23', period: '2025Q1', responsibilities: ['落实岗位责任'], problems: ['学习不够经常'], actions: [{ text: '每周学习一次', dueOn: chinaDay(new Date(START.getTime() + 30 * 86_400_000)) }] }));
    return { openid: demoOpenid('b-netops-m23'), folder: `rectification/${issued.id}/a1`, input: (file) => ({ rectificationId: issued.id, actionId: 'a1', text: '已按要求完成整改并提交材料', photos: [file] }) };
  },
  'studyPush.send': async () => ({ openid: SECRETARY, folder: 'pushes/b-netops', input: (file) => ({ title: '本周学习要点', body: '请认真学习本周的学习要点内容。', images: [file], lessonId: null, groupIds: [], sendAt: null, requestId: `file-push-${Math.random().toString(36).slice(2, 10)}` }) }),
  'task.complete': async () => {
    const t = data<{ id: string }>(await as(stack, SECRETARY, 'task.publish', { requestId: 'file-task-01', kind: 'other', title: '拍照打卡', detail: '请上传照片', dueAt: new Date(START.getTime() + 86_400_000).toISOString(), doneBy: 'photo', target: { kind: 'members', ids: ['b-netops-m24'] } }));
    return { openid: demoOpenid('b-netops-m24'), folder: `tasks/${t.id}/b-netops-m24`, input: (file) => ({ taskId: t.id, noteId: null, photos: [file] }) };
  },
};

function periodOf(at: Date): string {
  const day = chinaDay(at);
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * An image field (the content table's `images`) takes a real, small image only: a script or
 * page named like an image, one over the size limit and one never uploaded are refused, naming
 * the field, with nothing written. An image taken is held for WeChat's check (media_checks).
 */
async function expectImageRefusals(action: string, testCase: Case): Promise<void> {
  const input = testCase.imageInput ?? testCase.input;
  const own = (name: string, bytes: Buffer) => stack.putFile(`${testCase.folder}/${Math.random().toString(36).slice(2, 8)}-${name}`, { bytes, contentType: 'image/jpeg' });
  const refusals: Array<[string, string, 'INVALID_INPUT']> = [
    // A script and a page with an image's name: the bytes say what a file is.
    ['script named .jpg', await own('run.jpg', Buffer.from('#!/bin/sh\ncurl http://127.0.0.1/ | sh\n')), 'INVALID_INPUT'],
    ['html named .png', await own('page.png', Buffer.from('<html><script>alert(1)</script></html>')), 'INVALID_INPUT'],
    ['image over the size limit', await own('huge.png', pngBytes('x'.repeat(IMAGE_MAX_BYTES))), 'INVALID_INPUT'],
    ['file never uploaded', `${ENV}/${testCase.folder}/never-uploaded.jpg`, 'INVALID_INPUT'],
  ];
  for (const [what, file, code] of refusals) {
    const writes = stack.dataWrites();
    const reply = await as(stack, testCase.openid, action, input(file));
    expect([action, what, reply.error?.code]).toEqual([action, what, code]);
    expect([action, what, Object.keys(reply.error?.fields ?? {}).length > 0]).toEqual([action, what, true]);
    expect(stack.dataWrites()).toBe(writes);
  }
}

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

describe('the path rule (shared/domain/files.ts)', () => {
  it('matches whole segments from the start and refuses traversal and odd encodings', () => {
    expect(isInFolder(`${ENV}/notes/m-1/a.jpg`, 'notes/m-1')).toBe(true);
    expect(isInFolder(`${ENV}/notes/m-1/x/a.jpg`, 'notes/m-1/')).toBe(true);
    expect(isInFolder(`${ENV}/notes/m-10/a.jpg`, 'notes/m-1')).toBe(false);
    expect(isInFolder(`${ENV}/pledges/m-2/notes/m-1/a.jpg`, 'notes/m-1')).toBe(false);
    expect(isInFolder(`${ENV}/notes/m-1/../../pledges/m-2/s.png`, 'notes/m-1')).toBe(false);
    expect(isInFolder(`${ENV}/notes/m-1/%2e%2e/s.png`, 'notes/m-1')).toBe(false);
    expect(isInFolder(`${ENV}/notes/m-1`, 'notes/m-1')).toBe(false);
    expect(isInFolder(`${ENV}/notes/m-1/`, 'notes/m-1')).toBe(false);
    for (const odd of ['notes//m-1/a.jpg', 'notes/m-1/./a.jpg', 'notes\\m-1\\a.jpg', 'notes/m-1/a b.jpg', 'notes/m-1/a.jpg?x=1', 'notes/m-1/中.jpg']) expect(storedPath(`${ENV}/${odd}`)).toBeNull();
    expect(storedPath('https://example.com/notes/m-1/a.jpg')).toBeNull();
  });
});

describe('every action that names a file', () => {
  it('is listed here, and nothing listed is gone from the contract', () => {
    expect(FILE_ACTIONS).toEqual(Object.keys(CASES).sort());
    expect(FILE_ACTIONS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(FILE_ACTIONS)('%s takes its own folder only (and, for an image, a real, small, clean one)', async (action) => {
    const testCase = await CASES[action]();
    const own = await stack.putFile(`${testCase.folder}/own-${Math.random().toString(36).slice(2, 8)}.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' });
    const foreign = [
      // Another branch's and another member's files, all of which exist.
      await stack.putFile('pledges/b-market-m04/signature-demo.png', { bytes: pngBytes(), contentType: 'image/png' }),
      await stack.putFile('checkins/b-netops-m11/photo.jpg', { bytes: pngBytes(), contentType: 'image/jpeg' }),
      await stack.putFile(`${testCase.folder.replace('b-netops', 'b-market')}-x/file.jpg`, { bytes: pngBytes(), contentType: 'image/jpeg' }),
      // The own folder's name inside another path, traversal out of it, and encodings of it.
      `${ENV}/pledges/b-netops-m11/${testCase.folder}/a.jpg`,
      `${ENV}/${testCase.folder}/../../pledges/b-netops-m11/signature.png`,
      `${ENV}/${testCase.folder}/%2e%2e/%2e%2e/pledges/b-netops-m11/signature.png`,
      `${ENV}/${testCase.folder}/..%2f..%2fpledges/s.png`,
    ];
    // The refusal must name the file field, so it is about the file and not something else.
    const field = filePaths(contract[action as ActionName].input as z.ZodType)[0].split(/[.[]/)[0];
    for (const file of foreign) {
      const writes = stack.dataWrites();
      const reply = await as(stack, testCase.openid, action, testCase.input(file));
      expect([action, file, reply.error?.code]).toEqual([action, file, 'INVALID_INPUT']);
      expect([action, file, Object.keys(reply.error?.fields ?? {}).some((key) => key.startsWith(field))]).toEqual([action, file, true]);
      expect(stack.dataWrites()).toBe(writes);
    }
    if (IMAGE_ACTIONS.includes(action as ActionName)) await expectImageRefusals(action, testCase);
    const image = IMAGE_ACTIONS.includes(action as ActionName) ? await stack.putFile(`${testCase.folder}/held-${Math.random().toString(36).slice(2, 8)}.png`, { bytes: pngBytes(), contentType: 'image/png' }) : null;
    const accepted = await as(stack, testCase.openid, action, image ? (testCase.imageInput ?? testCase.input)(image) : testCase.input(own));
    expect([action, accepted.error ?? null]).toEqual([action, null]);
    if (image) {
      // Held for WeChat's asynchronous check, and sent to it: hidden until the answer.
      const check = (stack.emulator.database.exportState()[COLLECTIONS.mediaChecks] as Array<{ fileId: string; status: string; traceId: string | null }>).find((c) => c.fileId === image);
      expect([action, check?.status, typeof check?.traceId]).toEqual([action, 'pending', 'string']);
    }
    expect((await stack.state())[COLLECTIONS.members]).toBeDefined();
  });
});

describe('every action that takes an image', () => {
  it('is every file action but the agreement document (a lesson has its cover)', () => {
    expect(FILE_ACTIONS.filter((name) => !IMAGE_ACTIONS.includes(name))).toEqual(['cobuild.save']);
  });
});

