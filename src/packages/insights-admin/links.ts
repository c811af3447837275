/** Where the operator's insights pages live. */
export const INSIGHTS_ADMIN_PKG = '/packages/insights-admin/pages'
/** The coupon issue page, opened with a need chosen. */
export const MEMBER_ISSUE_PATH = '/packages/member/pages/issue/index'
