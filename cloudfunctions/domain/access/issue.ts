import { PASS_REFRESH_SEC, PASS_TTL_SEC, type PassCodeT } from '../../contracts/access'
import type { Random } from '../../kernel/ports'
import { type CodeClaims, NONCE_BYTES, encodeCode } from './code'
import type { SigningKey } from './keys'

/**
 * A pass page gets a few consecutive codes at once: code i is valid from `start + 30 s * i` for
 * 60 s. The page shows each in turn, so a phone in a basement with no signal still has a fresh
 * code for two minutes; every code has its own nonce, so each is single-use on its own.
 */
export const CODES_PER_BATCH = 4

type Subject = Omit<CodeClaims, 'kid' | 'issuedAt' | 'expiresAt' | 'nonce'>

export function codeBatch(key: SigningKey, random: Random, subject: Subject, now: number, notAfter?: number): PassCodeT[] {
  const start = Math.floor(now / 1000) * 1000
  const cap = notAfter === undefined ? Number.POSITIVE_INFINITY : Math.floor(notAfter / 1000) * 1000
  const codes: PassCodeT[] = []
  for (let i = 0; i < CODES_PER_BATCH; i++) {
    const issuedAt = start + i * PASS_REFRESH_SEC * 1000
    const expiresAt = Math.min(issuedAt + PASS_TTL_SEC * 1000, cap)
    if (expiresAt <= issuedAt) break
    const nonce = Buffer.from(random.id(NONCE_BYTES), 'base64url').subarray(0, NONCE_BYTES).toString('base64url')
    const code = encodeCode(key.secret, { ...subject, kid: key.seq, issuedAt, expiresAt, nonce })
    codes.push({ code, notBefore: issuedAt, expiresAt })
  }
  return codes
}
