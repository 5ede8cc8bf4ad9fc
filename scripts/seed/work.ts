/**
 * Demo work content, made through the functions: tasks (one open for the branch, one for a
 * group already past due), a 书记工程 led by rotation with milestones and an update, a
 * volunteer activity with confirmed hours, the 5G squad's target with progress, and a
 * co-building agreement with a joint activity.
 */
import { chinaDay } from '../../shared/time/china';
import { demoOpenid } from './demo';
import { demoCaller } from './study';

export async function seedDemoWork(origin: string, now = new Date()): Promise<{ tasks: number; projects: number }> {
  const call = demoCaller(origin);
  const secretary = demoOpenid('b-netops-m01');
  const day = 86_400_000;
  const at = (days: number) => new Date(now.getTime() + days * day);

  const open = await call(secretary, 'task.publish', { requestId: 'demo-task-0001', kind: 'study', title: '学习《党章》第二章并确认', detail: '请在本周五前学习党章第二章“党员的权利和义务”，学完点击确认。', dueAt: at(3).toISOString(), doneBy: 'confirm', target: { kind: 'branch' } });
  for (const m of ['m02', 'm03', 'm10', 'm11', 'm12', 'm13']) await call(demoOpenid(`b-netops-${m}`), 'task.complete', { taskId: open.id, noteId: null, photos: [] });
  // Published with a short due time, so it is overdue for those who have not done it.
  const group = await call(secretary, 'task.publish', { requestId: 'demo-task-0002', kind: 'activity', title: '报名参加应急抢修演练', detail: '第一党小组全体党员报名参加本月应急抢修演练。', dueAt: at(1 / 24).toISOString(), doneBy: 'confirm', target: { kind: 'groups', ids: ['b-netops-g1'] } });
  const board = (await call(secretary, 'task.board', { taskId: group.id })).members as Array<{ id: string }>;
  await call(demoOpenid(board[0].id), 'task.complete', { taskId: group.id, noteId: null, photos: [] });

  const { proposed } = (await call(secretary, 'project.proposeLead', {})) as { proposed: { id: string } | null };
  const project = await call(secretary, 'project.create', {
    requestId: 'demo-project-0001',
    kind: 'secretary',
    title: '高价值小区千兆覆盖攻坚',
    goal: '年底前完成三个高价值小区的千兆光网覆盖，提升渗透率 10%。',
    leadId: proposed?.id ?? 'b-netops-m02',
    overrideReason: null,
    groupIds: ['b-netops-g1'],
    unitIds: [],
    milestones: [
      { title: '完成小区勘察', ownerId: 'b-netops-m10', dueOn: chinaDay(at(-5)) },
      { title: '完成光缆入户', ownerId: 'b-netops-m11', dueOn: chinaDay(at(20)) },
      { title: '开通验收', ownerId: 'b-netops-m12', dueOn: chinaDay(at(40)) },
    ],
  });
  await call(secretary, 'project.setStatus', { projectId: project.id, status: 'inProgress', note: '启动推进' });
  await call(demoOpenid('b-netops-m10'), 'project.completeMilestone', { projectId: project.id, milestoneId: 'ms1' });
  await call(demoOpenid('b-netops-m10'), 'project.addUpdate', { projectId: project.id, requestId: 'demo-update-0001', text: '三个小区勘察完成，确定了 12 个光交箱位置。', photos: [] });

  const volunteer = await call(secretary, 'volunteer.create', { title: '社区智能手机课堂', startsAt: at(-7).toISOString(), place: '东湖社区活动中心', organiserId: 'b-netops-m05' });
  for (const [m, hours] of [['m14', 2], ['m15', 3], ['m16', 2]] as const) await call(demoOpenid(`b-netops-${m}`), 'volunteer.claim', { activityId: volunteer.id, hours, note: '为老年人讲解手机使用' });
  const records = (await call(secretary, 'volunteer.list', {})).items as Array<{ id: string; records: Array<{ id: string; member: { id: string } }> }>;
  for (const r of records[0].records.filter((x) => x.member.id !== 'b-netops-m16')) await call(demoOpenid('b-netops-m05'), 'volunteer.confirm', { recordId: r.id, approve: true, hours: null });

  const target = await call(secretary, 'target.save', { unitId: 'b-netops-u3', metric: '新开 5G 基站', measure: '个', goal: 120, startOn: `${chinaDay(now).slice(0, 4)}-01-01`, endOn: `${chinaDay(now).slice(0, 4)}-12-31` });
  for (const [days, value] of [[-60, 40], [-30, 71], [-7, 93]] as const) {
    const on = chinaDay(at(days));
    if (on.slice(0, 4) === chinaDay(now).slice(0, 4)) await call(secretary, 'target.addProgress', { targetId: target.id, on, value, note: '' });
  }

  const agreement = await call(secretary, 'cobuild.save', { partner: { name: '工商银行城东支行党支部', kind: 'bank', contact: '李主任 138****1234' }, terms: '双方每季度联合开展一次主题党日；共同开展反诈宣传进社区；互派党员讲微型党课。', signedOn: chinaDay(at(-40)), status: 'active', file: null });
  await call(secretary, 'cobuild.addActivity', { agreementId: agreement.id, title: '联合反诈宣传进社区', on: chinaDay(at(-12)), summary: '在东湖社区联合开展反诈宣传，发放资料 300 份。', participantIds: ['b-netops-m10', 'b-netops-m17', 'b-netops-m18'] });
  return { tasks: 2, projects: 1 };
}
