// Evaluated at build time (Node). config/index.ts sets TARO_APP_BACKEND before this runs.
const local = process.env.TARO_APP_BACKEND === 'local' && process.env.TARO_ENV !== 'h5';

const tab = (page: string, text: string, icon: string) => ({
  pagePath: `pages/${page}/index`,
  text,
  iconPath: `assets/tab/${icon}.png`,
  selectedIconPath: `assets/tab/${icon}-active.png`,
});

export default defineAppConfig({
  // pages/join/index stays in the main package: a scanned invitation opens it directly.
  pages: ['pages/home/index', 'pages/study/index', 'pages/points/index', 'pages/mine/index', 'pages/join/index'],
  subPackages: [
    // Everything else lives outside the main package (DESIGN §7, size budget §9).
    { root: 'subpackages/branch', pages: ['pages/pyramid/index', 'pages/member/index', 'pages/honour/index', 'pages/nominate/index', 'pages/plan/index'] },
    {
      root: 'subpackages/secretary',
      pages: [
        'pages/index/index',
        'pages/members/index',
        'pages/member-edit/index',
        'pages/join-requests/index',
        'pages/invitations/index',
        'pages/structure/index',
        'pages/audit/index',
        'pages/member-points/index',
        'pages/quarter/index',
        'pages/rectification-issue/index',
        'pages/rectifications/index',
        'pages/honour/index',
        'pages/plan/index',
        'pages/awards/index',
        'pages/lessons/index',
        'pages/lesson-completion/index',
        'pages/push-new/index',
        'pages/pushes/index',
        'pages/push-readers/index',
        'pages/meetings/index',
        'pages/meeting-new/index',
        'pages/meeting/index',
        'pages/checkin-rates/index',
        'pages/pledge-status/index',
        'pages/activity-new/index',
        'pages/activity/index',
        'pages/task-new/index',
        'pages/tasks/index',
        'pages/task-board/index',
        'pages/project-new/index',
        'pages/volunteer-new/index',
        'pages/target-edit/index',
        'pages/cobuild-edit/index',
      ],
    },
    // The branch's work: tasks opened from a WeChat group card, and the N integrations.
    {
      root: 'subpackages/work',
      pages: ['pages/task/index', 'pages/projects/index', 'pages/project/index', 'pages/volunteer/index', 'pages/targets/index', 'pages/cobuild/index'],
    },
    // Identity (身份意识): check-in, oath, pledges and themed activities; the sign-in page opens from a QR.
    {
      root: 'subpackages/identity',
      pages: [
        'pages/checkin/index',
        'pages/oath/index',
        'pages/pledge/index',
        'pages/pledge-letter/index',
        'pages/pledge-board/index',
        'pages/pledge-detail/index',
        'pages/pledge-reviews/index',
        'pages/activities/index',
        'pages/activity/index',
        'pages/activity-signin/index',
      ],
    },
    // Study (理论武装): lesson and sign-in pages open straight from a scanned QR code.
    {
      root: 'subpackages/study',
      pages: [
        'pages/lesson/index',
        'pages/lesson-new/index',
        'pages/lesson-poster/index',
        'pages/push/index',
        'pages/pushes/index',
        'pages/notes/index',
        'pages/note/index',
        'pages/note-new/index',
        'pages/meetings/index',
        'pages/meeting-signin/index',
      ],
    },
    { root: 'subpackages/committee', pages: ['pages/branches/index', 'pages/branch/index', 'pages/audit/index', 'pages/rules/index', 'pages/compare/index', 'pages/projects/index', 'pages/cobuild/index'] },
    { root: 'subpackages/points', pages: ['pages/ranking/index', 'pages/rules/index', 'pages/rectification/index', 'pages/appraisal/index', 'pages/result/index'] },
    // Dev sign-in against the local emulator: only in a local weapp build.
    ...(local ? [{ root: 'subpackages/dev', pages: ['pages/signin/index'] }] : []),
  ],
  // 徽章打卡 may record where (optional); WeChat requires both declarations for getLocation.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '徽章打卡时记录打卡地点（可选）' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b7121b',
    navigationBarTitleText: '同心',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#b7121b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [tab('home', '首页', 'home'), tab('study', '学习', 'study'), tab('points', '积分', 'points'), tab('mine', '我的', 'mine')],
  },
});
