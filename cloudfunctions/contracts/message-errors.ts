/** Error codes of the `message` function (inbox and notices); plain constants for errors.ts. */
export const MESSAGE_ERRORS = [
  'NOTICE.NOT_FOUND',
  'NOTICE.WITHDRAWN',
  'NOTICE.AUDIENCE_INVALID',
  'NOTICE.NOT_LIVE',
  'NOTICE.NOT_IN_GRID',
  'NOTICE.ALREADY_READ',
  'NOTICE.NUDGED_TODAY',
  'NOTICE.NO_MEMBERS'
] as const
