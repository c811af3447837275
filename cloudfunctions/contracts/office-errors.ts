/** Error codes of the `office` function (the web console's sign-in and sessions, setting up the company). */
export const OFFICE_ERRORS = [
  'OFFICE.SIGN_IN_NOT_FOUND',
  'OFFICE.SIGN_IN_EXPIRED',
  'OFFICE.SIGN_IN_DECIDED',
  'OFFICE.STAFF_ONLY',
  'OFFICE.SESSION_NOT_FOUND',
  'OFFICE.SETUP_CODE_WRONG',
  'OFFICE.SETUP_DONE',
  'OFFICE.ADMIN_ONLY',
  'OFFICE.COMMUNITY_EXISTS',
  'OFFICE.IMPORT_INVALID',
  'OFFICE.HOUSEHOLD_NOT_FOUND'
] as const
