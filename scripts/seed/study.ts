/**
 * Demo study content, made through the functions as the demo people would (so codes,
 * audit entries and points are real): micro-lessons with the shipped demo video, study
 * pushes (one sent, one scheduled), study notes with likes and comments, and 三会一课
 * meetings with sign-ins.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaQuarter, quarterMonths, startOfChinaDay } from '../../shared/time/china';
import { ROOT } from '../lib';
import { demoOpenid } from './demo';

type Caller = (openid: string, action: string, input: unknown) => Promise<Record<string, unknown>>;

/** Calls functions over the emulator's HTTP API as demo people (dev sign-in). */
export function demoCaller(origin: string): Caller {
  const tokens = new Map<string, string>();
  return async (openid, action, input) => {
    let token = tokens.get(openid);
    if (!token) {
      const response = await fetch(`${origin}/__/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
      token = ((await response.json()) as { token: string }).token;
      tokens.set(openid, token);
    }
    const dot = action.indexOf('.');
    const response = await fetch(`${origin}/functions/${action.slice(0, dot)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tongxin-session': token },
      body: JSON.stringify({ action: action.slice(dot + 1), input }),
    });
    const envelope = (await response.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { message: string } };
    if (!envelope.ok) throw new Error(`seed: ${action} as ${openid} failed: ${envelope.error?.message ?? response.status}`);
    return envelope.data ?? {};
  };
}

/** Uploads a file as a demo person, as the phone does (`file`: a path or the bytes). */
export async function uploadAs(origin: string, openid: string, cloudPath: string, file: string | Buffer, contentType: string): Promise<string> {
  const signIn = await fetch(`${origin}/__/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  const { token } = (await signIn.json()) as { token: string };
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(typeof file === 'string' ? readFileSync(file) : file)], { type: contentType }), cloudPath.split('/').pop());
  const response = await fetch(`${origin}/__/storage/client-upload`, { method: 'POST', headers: { 'x-tongxin-session': token }, body: form });
  return ((await response.json()) as { fileID: string }).fileID;
}

const MEDIA = join(ROOT, 'tests', 'fixtures', 'media');

const LESSONS = [
  { branch: 'netops', speaker: 'm02', title: '党章第一课：党员的义务', summary: '结合网络运维一线，讲党员的八项义务。', publish: true },
  { branch: 'netops', speaker: 'm03', title: '抗击台风中的通信先锋', summary: '台风“梅花”期间抢通基站的故事。', publish: true },
  { branch: 'netops', speaker: 'm04', title: '如何开好党小组会', summary: '党小组会的议程、记录和常见问题。', publish: false },
  { branch: 'market', speaker: 'm02', title: '服务群众从一张笑脸开始', summary: '营业厅党员示范岗的服务故事。', publish: true },
] as const;

const NOTE_TEXTS = [
  '听了《党章第一课》，我对党员义务有了更具体的理解：在机房值守中严格执行操作规范，就是最实在的先锋模范作用。今后我会带头做好夜间巡检。',
  '学习要点里提到要把学习成果转化为工作实效。这周我们小组把客户投诉的老问题重新梳理了一遍，准备逐条销号，请大家监督。',
  '通过学习抗击台风的故事，我深受触动。平时多演练一次应急预案，关键时刻就能少一分慌乱。我报名参加下一次应急抢修演练。',
];

export async function seedDemoStudy(origin: string): Promise<{ lessons: number; pushes: number; notes: number; meetings: number }> {
  const call = demoCaller(origin);
  const secretaryOf = (branch: string) => demoOpenid(`b-${branch}-m01`);
  const lessonIds: Record<string, string[]> = { netops: [], market: [] };
  for (const [i, lesson] of LESSONS.entries()) {
    const speaker = demoOpenid(`b-${lesson.branch}-${lesson.speaker}`);
    const video = await uploadAs(origin, speaker, `lessons/b-${lesson.branch}/demo-${i}.mp4`, join(MEDIA, 'lesson-demo.mp4'), 'video/mp4');
    const cover = await uploadAs(origin, speaker, `lessons/b-${lesson.branch}/demo-${i}.jpg`, join(MEDIA, 'lesson-cover.jpg'), 'image/jpeg');
    const created = await call(secretaryOf(lesson.branch), 'lesson.create', {
      title: lesson.title,
      summary: lesson.summary,
      speakerId: `b-${lesson.branch}-${lesson.speaker}`,
      unitId: null,
      video,
      cover,
      durationSeconds: 6,
    });
    if (lesson.publish) {
      await call(secretaryOf(lesson.branch), 'lesson.publish', { lessonId: created.id });
      lessonIds[lesson.branch].push(String(created.id));
    }
  }

  const sent = await call(secretaryOf('netops'), 'studyPush.send', {
    title: '本周学习要点：党员的先锋模范作用',
    body: '一、认真学习党章关于党员义务的规定。\n二、结合岗位谈一谈如何在网络保障中当先锋。\n三、本周五前在学习园地提交学习心得。',
    images: [],
    lessonId: lessonIds.netops[0] ?? null,
    groupIds: [],
    sendAt: null,
    requestId: 'demo-push-0001',
  });
  await call(secretaryOf('netops'), 'studyPush.send', {
    title: '下周学习要点：安全生产',
    body: '学习安全生产责任制的要求，对照岗位查找隐患，下周一前反馈。',
    images: [],
    lessonId: null,
    groupIds: ['b-netops-g1'],
    sendAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    requestId: 'demo-push-0002',
  });
  // A few members have read the first push.
  for (const m of ['m02', 'm03', 'm10', 'm11', 'm12']) await call(demoOpenid(`b-netops-${m}`), 'studyPush.read', { pushId: sent.id });

  const noteIds: string[] = [];
  for (const [i, text] of NOTE_TEXTS.entries()) {
    const author = demoOpenid(`b-netops-m${String(10 + i).padStart(2, '0')}`);
    const note = await call(author, 'note.submit', { requestId: `demo-note-${i}-0001`, text, images: [], lessonId: i === 0 ? (lessonIds.netops[0] ?? null) : null, pushId: i === 1 ? sent.id : null });
    noteIds.push(String(note.id));
  }
  await call(demoOpenid('b-netops-m20'), 'note.like', { noteId: noteIds[0], liked: true });
  await call(demoOpenid('b-netops-m21'), 'note.like', { noteId: noteIds[0], liked: true });
  await call(demoOpenid('b-netops-m20'), 'note.comment', { noteId: noteIds[0], requestId: 'demo-comment-0001', text: '说得好，夜间巡检算我一个！' });
  await call(secretaryOf('netops'), 'note.feature', { noteId: noteIds[0] });
  const meetings = await seedDemoMeetings(call, secretaryOf('netops'));
  return { lessons: LESSONS.length, pushes: 2, notes: NOTE_TEXTS.length, meetings };
}

/** This quarter's 三会一课 so far, with sign-ins and minutes, leaving gaps for the secretary's page to show. */
async function seedDemoMeetings(call: Caller, secretary: string): Promise<number> {
  const now = Date.now();
  const day = 86_400_000;
  const quarterStart = startOfChinaDay(`${quarterMonths(chinaQuarter(new Date(now)))[0]}-01`).getTime();
  // Past meetings fall between the quarter's start and now; the lecture is next week.
  const past = (share: number) => new Date(quarterStart + (now - quarterStart) * share).toISOString();
  const plan = [
    { kind: 'assembly', title: '第四季度支部党员大会', startsAt: past(0.3), groupId: null, present: 24, minutes: '传达上级党委会议精神，通报本季度积分情况，讨论年度计划上墙事项。' },
    { kind: 'committee', title: '支委会：研究季度重点工作', startsAt: past(0.1), groupId: null, present: 5, minutes: '研究第四季度重点工作分工，确定书记工程推进计划。' },
    { kind: 'group', title: '第一党小组学习会', startsAt: past(0.5), groupId: 'b-netops-g1', present: 6, minutes: '集中学习党章第一课，交流岗位履职体会。' },
    { kind: 'lecture', title: '书记讲党课：做新时代的通信先锋', startsAt: new Date(now + 7 * day).toISOString(), groupId: null, present: 0, minutes: null },
  ] as const;
  for (const meeting of plan) {
    const created = await call(secretary, 'meeting.schedule', { kind: meeting.kind, title: meeting.title, startsAt: meeting.startsAt, place: '党员活动室', agenda: '1. 学习\n2. 讨论\n3. 部署', groupId: meeting.groupId, attendeeIds: null });
    if (!meeting.present) continue;
    const detail = await call(secretary, 'meeting.get', { meetingId: created.id });
    const expected = ((detail.attendance as Array<{ id: string }> | null) ?? []).slice(0, meeting.present);
    const { token } = await call(secretary, 'meeting.signInCode', { meetingId: created.id });
    for (const person of expected) await call(demoOpenid(person.id), 'meeting.signIn', { token });
    if (meeting.minutes) await call(secretary, 'meeting.saveMinutes', { meetingId: created.id, text: meeting.minutes, photos: [] });
  }
  return plan.length;
}
