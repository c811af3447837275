import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Dev sessions exist only in the local server (this folder is never bundled into a cloud
 * function; the layer rules and a bundle test check that). A token is
 * base64url(payload).base64url(HMAC-SHA256(secret, payload)).
 */
export type DevSession = { openid: string; iat: number; exp: number } | { consoleSession: string; iat: number; exp: number }

export const DEV_SESSION_TTL_MS = 7 * 24 * 3600_000

function sign(secret: string, payload: DevSession): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  const sig = createHmac('sha256', secret).update(body).digest('base64url')
  return `${body}.${sig}`
}

export function signDevSession(secret: string, openid: string, now: number): string {
  return sign(secret, { openid, iat: now, exp: now + DEV_SESSION_TTL_MS })
}

/** The local stand-in for a CloudBase custom-login ticket: the console session it signs in as. */
export function signConsoleSession(secret: string, sessionId: string, expiresAt: number, now: number): string {
  return sign(secret, { consoleSession: sessionId, iat: now, exp: expiresAt })
}

export function verifyDevSession(secret: string, token: string, now: number): DevSession | null {
  const [body, sig, extra] = token.split('.')
  if (!body || !sig || extra !== undefined) return null
  const expected = createHmac('sha256', secret).update(body).digest()
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Record<'openid' | 'consoleSession', unknown> & Record<'iat' | 'exp', unknown>>
    if (typeof s.exp !== 'number' || typeof s.iat !== 'number' || s.exp <= now) return null
    if (typeof s.openid === 'string') return { openid: s.openid, iat: s.iat, exp: s.exp }
    if (typeof s.consoleSession === 'string') return { consoleSession: s.consoleSession, iat: s.iat, exp: s.exp }
    return null
  } catch {
    return null
  }
}
