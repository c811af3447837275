/** Error codes of the `desk` function (household search, work orders, 客服 conversations); plain constants for errors.ts. */
export const DESK_ERRORS = [
  'DESK.QUERY_UNRECOGNIZED',
  'DESK.HOUSEHOLD_NOT_FOUND',
  'DESK.ASSIGNEE_INVALID',
  'DESK.NOT_A_MEMBER',
  'WORK_ORDER.NOT_FOUND',
  'WORK_ORDER.BAD_STATE',
  'WORK_ORDER.CHANGED',
  'WORK_ORDER.NOT_ASSIGNEE',
  'WORK_ORDER.FOLLOWS_SOURCE',
  'WORK_ORDER.SAME_ASSIGNEE',
  'CHAT.NOT_FOUND'
] as const
