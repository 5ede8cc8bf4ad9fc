/** The dev sign-in page: pick a seeded person, or a new WeChat user who is not a member yet. */
import type { Person } from './routes';

const ROLE_LABELS: Record<string, string> = {
  member: '党员',
  groupLeader: '党小组长',
  committeeMember: '支部委员',
  secretary: '支部书记',
  committeeAdmin: '党委管理员',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderSignInPage(people: Person[]): string {
  const rows = people
    .map((person) => {
      const roles = person.roles.map((role) => ROLE_LABELS[role] ?? role).join('、');
      return `<li><button type="button" data-openid="${escapeHtml(person.openid)}" aria-label="以${escapeHtml(person.name)}身份登录">
        <strong>${escapeHtml(person.name)}</strong><span>${escapeHtml(person.branchName)} · ${escapeHtml(roles)}</span></button></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>同心 · 本地开发登录</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f6f6f6;color:#1a1a1a;font-size:17px}
header{background:#c8161d;color:#fff;padding:16px 20px}h1{margin:0;font-size:20px}header p{margin:6px 0 0;font-size:14px;opacity:.9}
main{max-width:640px;margin:0 auto;padding:12px}ul{list-style:none;padding:0;margin:0}
li button{display:flex;flex-direction:column;align-items:flex-start;width:100%;margin:6px 0;padding:12px 16px;border:1px solid #ddd;border-radius:8px;background:#fff;font-size:17px;cursor:pointer;text-align:left}
li button span{font-size:14px;color:#555;margin-top:4px}li button:focus{outline:3px solid #c8161d}
.new{border-style:dashed}
</style></head><body>
<header><h1>同心 · 本地开发登录</h1><p>本地模拟器：选择一个身份进入小程序（生产环境由微信自动识别身份）</p></header>
<main><ul>
<li><button type="button" class="new" data-openid="" aria-label="以未加入支部的新微信用户身份登录"><strong>新的微信用户</strong><span>尚未加入任何支部</span></button></li>
${rows}
</ul></main>
<script>
document.querySelectorAll('button[data-openid]').forEach(function (button) {
  button.addEventListener('click', async function () {
    const response = await fetch('/__/auth/signin', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: button.getAttribute('data-openid') }) });
    if (response.ok) location.href = '/#/pages/mine/index';
  });
});
</script></body></html>`;
}
