/**
 * What the office console's sign-in QR code holds, and how the mini-program reads it back. The
 * code is a link to the sign-in page carrying `r=<request id>`: WeChat's own scanner opens it
 * (registered as a 普通链接二维码 rule, the scanned text arriving as `q`), and so does the
 * mini-program's scanner and, locally, the H5 app.
 */
export const CONSOLE_SIGNIN_PATH = '/packages/account/pages/console-signin/index'
export const CONSOLE_SESSIONS_PATH = '/packages/account/pages/console-sessions/index'
/** Where the holder of the setup code becomes the company administrator. */
export const CLAIM_ADMIN_PATH = '/packages/account/pages/claim-admin/index'
/** Where an invited staff member accepts a work role: the console's invitation QR code holds `?t=<token>`. */
export const STAFF_INVITE_PATH = '/packages/account/pages/staff-invite/index'

const REQUEST_ID = /^si[A-Za-z0-9_-]{8,40}$/

const INVITE_TOKEN = /^[A-Za-z0-9_-]{8,64}$/

function paramFromText(text: string, name: string, shape: RegExp): string {
  const m = new RegExp(`[?&]${name}=([^&#]+)`).exec(text)
  const value = m?.[1] ? decodeURIComponent(m[1]) : ''
  return shape.test(value) ? value : ''
}

/** A value from the page's params: `name` when opened from a link, `q` when WeChat's scanner opened it. */
function linkParam(params: Partial<Record<string, string>>, name: string, shape: RegExp): string {
  const direct = params[name]
  if (direct) return shape.test(direct) ? direct : ''
  return params.q ? paramFromText(decodeURIComponent(params.q), name, shape) : ''
}

/** The request id in a scanned text or link, or '' when it holds none. */
export function signInIdFromText(text: string): string {
  return paramFromText(text, 'r', REQUEST_ID)
}

export function signInIdOf(params: Partial<Record<string, string>>): string {
  return linkParam(params, 'r', REQUEST_ID)
}

export function inviteTokenOf(params: Partial<Record<string, string>>): string {
  return linkParam(params, 't', INVITE_TOKEN)
}
