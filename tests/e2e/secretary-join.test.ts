/**
 * Joining a branch end to end in the H5 build: the secretary creates an invitation, a new
 * WeChat user opens the join link and applies, the secretary approves (confirm dialog), and
 * the new member sees the branch on 我的. Two people, two browser contexts (two cookies).
 */
import { byLabel, shot, useJourney } from './support/session';

const journey = useJourney();
const app = { get origin() { return journey.origin(); } };
const person = () => journey.person();

describe('a secretary invites a new person, who joins the branch', () => {
  it('invitation → request → approval → the new member sees the branch on 我的', async () => {
    const people = (await (await fetch(`${app.origin}/__/auth/people`)).json()) as Array<{ openid: string; name: string }>;
    const secretaryName = people.find((p) => p.openid === 'o_demo_b-netops-m01')?.name;
    expect(secretaryName).toBeDefined();
    const newName = '韩梅梅';
    const newPhone = '13912345678';

    // The secretary: 我的 → 书记工作台 → 邀请入支部 → 生成邀请.
    const secretary = await person();
    await secretary.goto(`${app.origin}/__/auth`);
    await secretary.getByRole('button', { name: `以${secretaryName}身份登录` }).click();
    await secretary.waitForURL(/pages\/mine/);
    await byLabel(secretary, '进入书记工作台').click({ timeout: 30000 });
    await secretary.waitForURL(/subpackages\/secretary\/pages\/index/);
    await byLabel(secretary, '邀请入支部').click({ timeout: 30000 });
    await secretary.waitForURL(/pages\/invitations/);
    await byLabel(secretary, '生成邀请').click({ timeout: 30000 });
    const codeEl = secretary.locator('.invite-code').first();
    await codeEl.waitFor({ timeout: 30000 });
    const code = ((await codeEl.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Za-z0-9]{6,16}$/);
    await secretary.locator('img').first().waitFor({ timeout: 10000 }).catch(() => undefined);
    await shot(secretary, 'secretary-invitation.png');

    // The new person: signs in as a fresh WeChat user and opens the invitation link.
    const newcomer = await person();
    await newcomer.goto(`${app.origin}/__/auth`);
    await newcomer.getByRole('button', { name: '以未加入支部的新微信用户身份登录' }).click();
    await newcomer.waitForURL(/pages\/mine/);
    await newcomer.getByText('您还不是支部成员').first().waitFor({ timeout: 30000 });
    await newcomer.goto(`${app.origin}/#/pages/join/index?scene=${code}`);
    await newcomer.getByText('网络运维党支部').first().waitFor({ timeout: 30000 });
    await newcomer.locator('input[aria-label="姓名"]').fill(newName);
    await newcomer.locator('input[aria-label="手机号"]').fill(newPhone);
    await shot(newcomer, 'join-form.png');
    await byLabel(newcomer, '提交申请').click();
    await newcomer.getByText('入支部申请：待审核').first().waitFor({ timeout: 30000 });
    await shot(newcomer, 'join-pending.png');

    // The secretary: back to 书记工作台 → 入支部申请 → 通过 (accepting Taro's H5 modal).
    await secretary.goBack();
    await secretary.waitForURL(/subpackages\/secretary\/pages\/index/);
    await secretary.locator('[aria-label^="入支部申请"]').first().click({ timeout: 30000 });
    await secretary.waitForURL(/pages\/join-requests/);
    await secretary.getByText(newPhone).first().waitFor({ timeout: 30000 });
    await byLabel(secretary, `通过${newName}`).click();
    const confirm = secretary.locator('.taro-model__confirm');
    await confirm.waitFor({ state: 'visible', timeout: 10000 });
    await shot(secretary, 'approve-confirm.png');
    await confirm.click();
    await secretary.getByText('已通过').first().waitFor({ timeout: 30000 });
    await shot(secretary, 'join-approved.png');

    // The new member reloads 我的 and sees the branch and their name.
    await newcomer.goto(`${app.origin}/#/pages/mine/index`);
    await newcomer.reload();
    await newcomer.getByText(newName).first().waitFor({ timeout: 30000 });
    await newcomer.getByText('网络运维党支部').first().waitFor();
    await shot(newcomer, 'new-member-mine.png');
  });
});
