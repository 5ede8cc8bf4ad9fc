/**
 * The built weapp's 支部任务 page (subpackages/work/pages/task): the WeChat share card —
 * the page enables 转发 (`onShareAppMessage`), asks for the share menu with shareTicket, and
 * offers a `<button open-type="share">`; the card's title and path are the task's, and the
 * path opened by a member (as tapping the card in the group does) shows the task to complete.
 */
import { COLLECTIONS } from '../../shared/db/collections';
import { assertBuilt, createWeappHarness, type WeappHarness } from './harness';
import { startStack, type SimulateStack } from './stack';

const PAGE = 'subpackages/work/pages/task/index';
const TITLE = '学习二十届三中全会精神';

let stack: SimulateStack;
let weapp: WeappHarness;
let secretary: { openid: string; name: string };
let member: { openid: string; name: string };
let taskId: string;

beforeAll(async () => {
  assertBuilt();
  stack = await startStack();
  weapp = createWeappHarness(stack.origin);
  const people = await stack.people();
  const found = people.find((p) => p.roles.includes('secretary'));
  if (!found) throw new Error('seed has no secretary');
  secretary = found;
  const same = people.filter((p) => p.branchName === found.branchName && p.roles.includes('member') && !p.roles.includes('secretary'));
  if (!same.length) throw new Error(`no plain member in ${found.branchName}`);
  member = same[0];
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const published = await stack.call<{ id: string }>(
    'task.publish',
    { requestId: 'simulate-share-01', kind: 'study', title: TITLE, detail: '认真学习全会公报，确认完成。', dueAt, doneBy: 'confirm', target: { kind: 'branch' } },
    await stack.signIn(secretary.openid),
  );
  if (!published.body.data) throw new Error(`task.publish: ${JSON.stringify(published.body)}`);
  taskId = published.body.data.id;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('built weapp: a task shared into the WeChat group', () => {
  it('the page enables 转发 with the task’s card, the share menu with shareTicket, and a share button', async () => {
    weapp.setSession(await stack.signIn(secretary.openid));
    const page = weapp.renderPage(PAGE, { id: taskId });
    await weapp.waitForText(page, (t) => t.includes(TITLE) && t.includes('分享到微信群'));

    const button = weapp.byText(page, '分享到微信群');
    expect(weapp.attributes(page, button)['open-type']).toBe('share');
    expect(weapp.device.shareMenu.at(-1)).toMatchObject({ withShareTicket: true });

    // What WeChat asks the page when the button (or the ··· menu) shares it.
    const share = weapp.currentPage().onShareAppMessage;
    expect(typeof share).toBe('function');
    const card = share.call(weapp.currentPage(), { from: 'button' }) as { title: string; path: string };
    expect(card.title).toBe(`【支部任务】${TITLE}`);
    expect(card.path).toBe(`/${PAGE}?id=${encodeURIComponent(taskId)}`);
    const menu = share.call(weapp.currentPage(), { from: 'menu' }) as { title: string; path: string };
    expect(menu).toEqual(card);
  });

  it('a member who taps the card opens the task and completes it', async () => {
    weapp.setSession(await stack.signIn(secretary.openid));
    const opened = weapp.renderPage(PAGE, { id: taskId });
    await weapp.waitForText(opened, (t) => t.includes(TITLE));
    const card = weapp.currentPage().onShareAppMessage.call(weapp.currentPage(), { from: 'button' }) as { path: string };

    // The card's path, as WeChat opens it: the page and its query.
    const url = new URL(card.path, 'https://servicewechat.invalid');
    weapp.setSession(await stack.signIn(member.openid));
    const page = weapp.renderPage(url.pathname.replace(/^\//, ''), Object.fromEntries(url.searchParams));
    await weapp.waitForText(page, (t) => t.includes(TITLE) && t.includes('确认完成'));
    await weapp.fire(page, weapp.byText(page, '确认完成'), 'tap');
    const until = Date.now() + 8000;
    let done: Array<{ taskId: string; memberId: string }> = [];
    while (Date.now() < until) {
      done = (await stack.collection<{ taskId: string; memberId: string }>(COLLECTIONS.taskCompletions)).filter((c) => c.taskId === taskId);
      if (done.length) break;
      await weapp.simulate.sleep(50);
    }
    expect(done).toHaveLength(1);
    const me = await stack.call<{ memberId: string }>('org.me', {}, await stack.signIn(member.openid));
    expect(done[0].memberId).toBe(me.body.data?.memberId);
  });
});
