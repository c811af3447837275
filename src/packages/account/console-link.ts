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

const REQUEST_ID = /^si[A-Za-z0-9_-]{8,40}$/

/** The request id in a scanned text or link, or '' when it holds none. */
export function signInIdFromText(text: string): string {
  const m = /[?&]r=([^&#]+)/.exec(text)
  const id = m?.[1] ? decodeURIComponent(m[1]) : ''
  return REQUEST_ID.test(id) ? id : ''
}

/** The id from the page's params: `r` when opened from a link, `q` when WeChat's scanner opened it. */
export function signInIdOf(params: Partial<Record<string, string>>): string {
  if (params.r) return REQUEST_ID.test(params.r) ? params.r : ''
  return params.q ? signInIdFromText(decodeURIComponent(params.q)) : ''
}
