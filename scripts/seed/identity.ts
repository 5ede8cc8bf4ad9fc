/**
 * Demo identity content, made through the functions as the demo people would: signed
 * pledges (with a drawn signature), fulfilment updates and a review, and themed activities —
 * one held (sign-ins, oath, summary) and one coming up with sign-ups.
 */
import { PNG } from 'pngjs';
import { demoCaller, uploadAs } from './study';
import { demoOpenid } from './demo';

/** A handwriting-like stroke on white, as the signature pad would save it. */
function signaturePng(seed: number): Buffer {
  const png = new PNG({ width: 360, height: 140 });
  png.data.fill(255);
  for (let x = 20; x < 340; x += 1) {
    const y = Math.round(70 + 30 * Math.sin((x + seed * 17) / 23) * Math.cos(x / 41));
    for (let dy = -2; dy <= 2; dy += 1) {
      const i = ((y + dy) * 360 + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 20;
    }
  }
  return PNG.sync.write(png);
}

const PLEDGES = [
  { member: 'b-netops-m10', business: '年内发展政企专线客户 5 家', targets: '所辖基站故障处理及时率 100%', post: '带头做好夜间值守和应急抢修' },
  { member: 'b-netops-m11', business: '协助营销部门完成 5G 套餐推广 200 户', targets: '传输网络可用率不低于 99.99%', post: '每月开展一次机房安全巡检' },
  { member: 'b-netops-m12', business: '推动两个小区千兆宽带改造', targets: '客户投诉一次解决率 95% 以上', post: '带徒一名，帮助其独立上岗' },
] as const;

export async function seedDemoIdentity(origin: string): Promise<{ pledges: number; activities: number }> {
  const call = demoCaller(origin);
  const item = (text: string, measure: string) => ({ text, measure });
  let first = '';
  for (const [i, p] of PLEDGES.entries()) {
    const openid = demoOpenid(p.member);
    await call(openid, 'pledge.save', { business: [item(p.business, '全年完成')], targets: [item(p.targets, '按季度考核')], post: [item(p.post, '每月对照检查')] });
    const signature = await uploadAs(origin, openid, `pledges/${p.member}/signature-demo.png`, signaturePng(i), 'image/png');
    const signed = await call(openid, 'pledge.sign', { signature });
    first ||= String(signed.id);
    await call(openid, 'pledge.addFulfilment', { requestId: `demo-fulfil-${i}-0001`, itemId: null, text: '本季度按承诺推进，已完成阶段目标，详见工作台账。', photos: [] });
  }
  // A draft, so the secretary's status shows one in progress.
  await call(demoOpenid('b-netops-m13'), 'pledge.save', { business: [item('拓展两家商企客户', '年底前')], targets: [], post: [] });

  const secretary = demoOpenid('b-netops-m01');
  const day = 86_400_000;
  const held = await call(secretary, 'activity.create', { theme: '重温入党誓词 · 参观红色教育基地', startsAt: new Date(Date.now() - 10 * day).toISOString(), place: '市革命历史纪念馆', detail: '集体参观，现场重温入党誓词，交流心得。', capacity: 30, oath: true });
  const { token } = await call(secretary, 'activity.signInCode', { activityId: held.id });
  for (const m of ['m02', 'm03', 'm10', 'm11', 'm12', 'm14', 'm15']) await call(demoOpenid(`b-netops-${m}`), 'activity.signIn', { token });
  await call(secretary, 'activity.saveSummary', { activityId: held.id, text: '全体参加人员在纪念馆重温入党誓词，参观了革命历史展陈，大家表示要把红色传统融入网络保障一线工作。', photos: [] });
  const upcoming = await call(secretary, 'activity.create', { theme: '“党员先锋岗”志愿服务日', startsAt: new Date(Date.now() + 5 * day).toISOString(), place: '营业厅及社区服务点', detail: '为社区老年人讲解智能手机使用，现场办理业务。', capacity: 12, oath: false });
  for (const m of ['m10', 'm16', 'm17']) await call(demoOpenid(`b-netops-${m}`), 'activity.signUp', { activityId: upcoming.id, going: true });
  return { pledges: PLEDGES.length, activities: 2 };
}
