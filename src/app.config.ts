export default defineAppConfig({
  pages: ['pages/login/index', 'pages/home/index', 'pages/messages/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/household',
      pages: ['pages/bind/index', 'pages/join/index', 'pages/invite/index', 'pages/accept/index', 'pages/members/index']
    },
    { root: 'packages/account', pages: ['pages/switch/index', 'pages/profile/index', 'pages/console-signin/index', 'pages/console-sessions/index', 'pages/claim-admin/index', 'pages/staff-invite/index'] },
    { root: 'packages/butler', pages: ['pages/requests/index', 'pages/tasks/index', 'pages/grid/index', 'pages/household/index', 'pages/cases/index', 'pages/scoreboard/index', 'pages/history/index', 'pages/courses/index', 'pages/course/index', 'pages/quiz/index', 'pages/grow/index', 'pages/kits/index', 'pages/kit/index', 'pages/statements/index', 'pages/statement/index'] },
    { root: 'packages/profile', pages: ['pages/mine/index'] },
    {
      root: 'packages/access',
      pages: [
        'pages/pass/index', 'pages/invite/index', 'pages/visitors/index', 'pages/visitor/index', 'pages/log/index',
        'pages/gates/index', 'pages/gate-log/index', 'pages/grid-visitors/index'
      ]
    },
    { root: 'packages/fee', pages: ['pages/bills/index', 'pages/cashier/index', 'pages/result/index', 'pages/receipt/index', 'pages/history/index'] },
    { root: 'packages/fee-admin', pages: ['pages/collection/index', 'pages/arrears/index', 'pages/refund/index'] },
    {
      root: 'packages/event',
      pages: [
        'pages/list/index', 'pages/detail/index', 'pages/signup/index', 'pages/ticket/index', 'pages/mine/index', 'pages/feedback/index',
        'pages/edit/index', 'pages/signups/index', 'pages/checkin/index', 'pages/ideas/index', 'pages/invites/index', 'pages/poster/index'
      ]
    },
    { root: 'packages/presale', pages: ['pages/list/index', 'pages/detail/index', 'pages/confirm/index', 'pages/orders/index', 'pages/order/index', 'pages/proposals/index', 'pages/proposal/index'] },
    {
      root: 'packages/presale-admin',
      pages: ['pages/campaigns/index', 'pages/edit/index', 'pages/product/index', 'pages/dashboard/index', 'pages/deliveries/index', 'pages/verify/index', 'pages/poster/index']
    },
    {
      root: 'packages/member',
      pages: [
        'pages/card/index', 'pages/points/index', 'pages/coupons/index', 'pages/cards/index', 'pages/picker/index',
        'pages/templates/index', 'pages/issue/index', 'pages/budgets/index', 'pages/budget/index', 'pages/rules/index'
      ]
    },
    { root: 'packages/service', pages: ['pages/list/index', 'pages/book/index', 'pages/booking/index', 'pages/mine/index', 'pages/complaints/index', 'pages/work-order/index', 'pages/contact/index', 'pages/thank/index', 'pages/honor/index'] },
    {
      root: 'packages/service-staff',
      pages: ['pages/jobs/index', 'pages/job/index', 'pages/board/index', 'pages/reputation/index', 'pages/followups/index', 'pages/complaints/index', 'pages/work-orders/index', 'pages/work-order/index', 'pages/rewards/index']
    },
    // Notices (issue 15): a resident reads one here; staff publish and follow them up in message-admin.
    { root: 'packages/message', pages: ['pages/notice/index'] },
    // Parcels (快递代收): the resident's pickup card, the desk's pickup and the butler's door deliveries.
    { root: 'packages/parcel', pages: ['pages/mine/index', 'pages/desk/index', 'pages/deliveries/index'] },
    // Smart parking (智能停车): paying before the exit (the barrier's QR opens it) and the household's spaces, plates and monthly cards.
    { root: 'packages/parking', pages: ['pages/pay/index', 'pages/mine/index'] },
    { root: 'packages/message-admin', pages: ['pages/notices/index', 'pages/edit/index', 'pages/reach/index'] },
    // Owner votes (业主表决): one ballot per owned unit, counted by the Civil Code's article 278.
    { root: 'packages/vote', pages: ['pages/list/index', 'pages/detail/index', 'pages/paper/index', 'pages/receipts/index'] },
    { root: 'packages/survey', pages: ['pages/list/index', 'pages/answer/index', 'pages/results/index'] },
    // Operator insights (issue 9); the chart library (F2) lives only in this subpackage.
    {
      root: 'packages/insights-admin',
      pages: ['pages/dashboard/index', 'pages/churn/index', 'pages/rules/index', 'pages/segment/index', 'pages/replicate/index']
    }
  ],
  // Subpackages a resident is likely to open next are fetched in the background on the home tab.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/household', 'packages/access'] }
  },
  lazyCodeLoading: 'requiredComponents',
  tabBar: {
    color: '#6b7785',
    selectedColor: '#10866a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#10866a',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
    // WeChat draws its own bar; Taro's H5 router draws one (title, back or home) only when asked.
    ...(process.env.TARO_ENV === 'h5' ? { navigationStyle: 'default' as const } : {})
  }
})
