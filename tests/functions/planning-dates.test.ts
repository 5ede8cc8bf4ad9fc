/**
 * Every input that plans something at a time (`…At` in the contract: a meeting, a themed or
 * volunteer activity, a task's due time, a scheduled push) refuses year 9999 and 1990 with
 * INVALID_INPUT on that field and writes nothing; a time within the window is taken.
 */
import type { z } from 'zod';
import { contract, type ActionName } from '../../shared/api/contract';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { as } from './support/org-fixtures';

const START = new Date();
let stack: LocalStack;
const SECRETARY = demoOpenid('b-netops-m01');
const FAR = '9999-12-31T09:00:00+08:00';
const LONG_AGO = '1990-07-01T09:00:00+08:00';
const SOON = () => new Date(START.getTime() + 2 * 86_400_000).toISOString();

/** Input keys ending in `At` of each action (top level: that is where the contract plans times). */
function plannedFields(name: ActionName): string[] {
  const def = (contract[name].input as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType> } } })._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape).filter((key) => key.endsWith('At')) : [];
}
const PLANNING = (Object.keys(contract) as ActionName[]).filter((name) => plannedFields(name).length > 0).sort();

const CASES: Record<string, { field: string; input: (at: string) => unknown }> = {
  'activity.create': { field: 'startsAt', input: (at) => ({ theme: '主题党日', startsAt: at, place: '活动室', detail: '参观学习', capacity: 0, oath: false }) },
  'meeting.schedule': { field: 'startsAt', input: (at) => ({ kind: 'assembly', title: '支部党员大会', startsAt: at, place: '党员活动室', agenda: '学习', groupId: null, attendeeIds: null }) },
  'studyPush.send': { field: 'sendAt', input: (at) => ({ title: '本周学习要点', body: '请认真学习本周的学习要点内容。', images: [], lessonId: null, groupIds: [], sendAt: at, requestId: `plan-push-${Math.random().toString(36).slice(2, 10)}` }) },
  'task.publish': { field: 'dueAt', input: (at) => ({ requestId: `plan-task-${Math.random().toString(36).slice(2, 10)}`, kind: 'other', title: '填报信息', detail: '请确认', dueAt: at, doneBy: 'confirm', target: { kind: 'branch' } }) },
  'volunteer.create': { field: 'startsAt', input: (at) => ({ title: '社区服务', startsAt: at, place: '社区', organiserId: 'b-netops-m05' }) },
};

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START });
});
afterAll(() => stack.stop());

it('lists every action that plans a time', () => {
  expect(PLANNING).toEqual(Object.keys(CASES).sort());
});

it.each(PLANNING)('%s refuses a time years away and takes one within a year', async (action) => {
  const { field, input } = CASES[action];
  for (const at of [FAR, LONG_AGO]) {
    const writes = stack.dataWrites();
    const reply = await as(stack, SECRETARY, action, input(at));
    expect([action, at, reply.error?.code, Object.keys(reply.error?.fields ?? {})]).toEqual([action, at, 'INVALID_INPUT', [field]]);
    expect(stack.dataWrites()).toBe(writes);
  }
  const taken = await as(stack, SECRETARY, action, input(SOON()));
  expect([action, taken.error ?? null]).toEqual([action, null]);
});
