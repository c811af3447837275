import { createHmac } from 'node:crypto'
import { DEV_SESSION_TTL_MS, signDevSession, verifyDevSession } from '../../scripts/server/dev-session'

const SECRET = 'dev-secret-0123456789abcdef'
const NOW = Date.UTC(2026, 0, 6, 2, 0)

/** A token signed correctly over an arbitrary body, to reach the checks after the signature. */
function signedBody(body: string, secret = SECRET): string {
  const b = Buffer.from(body).toString('base64url')
  return `${b}.${createHmac('sha256', secret).update(b).digest('base64url')}`
}

describe('dev sessions', () => {
  it('round-trips the openid with issue and expiry times', () => {
    const token = signDevSession(SECRET, 'dev-u-wang', NOW)
    expect(verifyDevSession(SECRET, token, NOW)).toEqual({ openid: 'dev-u-wang', iat: NOW, exp: NOW + DEV_SESSION_TTL_MS })
  })

  it('rejects a payload changed after signing', () => {
    const token = signDevSession(SECRET, 'dev-u-li', NOW)
    const [, sig] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ openid: 'dev-u-operator-wu', iat: NOW, exp: NOW + DEV_SESSION_TTL_MS })).toString('base64url')
    expect(verifyDevSession(SECRET, `${forged}.${sig}`, NOW)).toBeNull()
  })

  it('rejects a changed signature', () => {
    const token = signDevSession(SECRET, 'dev-u-li', NOW)
    const last = token.slice(-1)
    expect(verifyDevSession(SECRET, token.slice(0, -1) + (last === 'A' ? 'B' : 'A'), NOW)).toBeNull()
  })

  it('rejects a token signed with another secret', () => {
    const token = signDevSession('another-secret-0123456789', 'dev-u-wang', NOW)
    expect(verifyDevSession(SECRET, token, NOW)).toBeNull()
  })

  it('is valid until just before expiry and rejected from expiry on', () => {
    const token = signDevSession(SECRET, 'dev-u-wang', NOW)
    expect(verifyDevSession(SECRET, token, NOW + DEV_SESSION_TTL_MS - 1)).not.toBeNull()
    expect(verifyDevSession(SECRET, token, NOW + DEV_SESSION_TTL_MS)).toBeNull()
    expect(verifyDevSession(SECRET, token, NOW + DEV_SESSION_TTL_MS + 1)).toBeNull()
  })

  it.each([
    ['empty', ''],
    ['no dot', 'abcdef'],
    ['empty parts', '.'],
    ['three parts', 'a.b.c'],
    ['garbage signature', 'eyJvcGVuaWQiOiJ4In0.!!!']
  ])('rejects a malformed token (%s)', (_label, token) => {
    expect(verifyDevSession(SECRET, token, NOW)).toBeNull()
  })

  it('rejects a correctly signed body that is not a session', () => {
    expect(verifyDevSession(SECRET, signedBody('not json'), NOW)).toBeNull()
    expect(verifyDevSession(SECRET, signedBody(JSON.stringify({ openid: 'x', iat: NOW })), NOW)).toBeNull()
    expect(verifyDevSession(SECRET, signedBody(JSON.stringify({ openid: 1, iat: NOW, exp: NOW + 1000 })), NOW)).toBeNull()
    expect(verifyDevSession(SECRET, signedBody(JSON.stringify({ openid: 'x', iat: NOW, exp: String(NOW + 1000) })), NOW)).toBeNull()
    // The helper itself is sound: the same construction with a valid body verifies.
    expect(verifyDevSession(SECRET, signedBody(JSON.stringify({ openid: 'x', iat: NOW, exp: NOW + 1000 })), NOW)).toEqual({
      openid: 'x',
      iat: NOW,
      exp: NOW + 1000
    })
  })

  it('returns only the session fields, never extra payload keys', () => {
    const token = signedBody(JSON.stringify({ openid: 'x', iat: NOW, exp: NOW + 1000, role: 'operator' }))
    expect(verifyDevSession(SECRET, token, NOW)).toEqual({ openid: 'x', iat: NOW, exp: NOW + 1000 })
  })
})
