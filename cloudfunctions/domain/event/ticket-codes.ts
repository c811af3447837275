import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Ticket codes are stateless: an HMAC (the event's secret) over the sign-up and a 30-second
 * window. A code is accepted in its window and the next, so each lives 30-60 s; the phone asks
 * for a fresh one every window. The 6-character short code is the same idea for typing, in two
 * parts: the sign-up's ticket key (3 characters, fixed, unique within the event, so check-in
 * finds the sign-up with one keyed read) and 3 rotating HMAC characters over sign-up, key and
 * window, so a copied code still stops working within a minute.
 */
export const TICKET_WINDOW_MS = 30_000
export const SHORT_CODE_LENGTH = 6
/** The fixed leading part of a short code: 31^3 = 29,791 keys per event for at most 5,000 seats. */
export const TICKET_KEY_LENGTH = 3
/** No 0/O, 1/I/L: easy to read aloud and type. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export const windowOf = (ms: number) => Math.floor(ms / TICKET_WINDOW_MS)

function mac(secret: string, message: string): Buffer {
  return createHmac('sha256', secret).update(message).digest()
}

function signature(secret: string, signupId: string, window: number): string {
  return mac(secret, `t|${signupId}|${window}`).subarray(0, 12).toString('base64url')
}

export function ticketToken(secret: string, signupId: string, window: number): string {
  return `${signupId}.${window.toString(36)}.${signature(secret, signupId, window)}`
}

/** The sign-up's short code for a window: its ticket key, then the rotating part. */
export function shortCode(secret: string, signupId: string, key: string, window: number): string {
  const bytes = mac(secret, `c|${signupId}|${key}|${window}`)
  let code = key
  for (let i = 0; code.length < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[bytes[i]! % SHORT_CODE_ALPHABET.length]
  return code
}

export interface ParsedToken {
  signupId: string
  window: number
  sig: string
}

export function parseToken(token: string): ParsedToken | null {
  const m = /^(.+)\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token.trim())
  if (!m) return null
  const window = parseInt(m[2]!, 36)
  return Number.isSafeInteger(window) ? { signupId: m[1]!, window, sig: m[3]! } : null
}

export type TokenCheck = 'ok' | 'expired' | 'invalid'

export function checkToken(secret: string, t: ParsedToken, now: number): TokenCheck {
  const expected = Buffer.from(signature(secret, t.signupId, t.window))
  const given = Buffer.from(t.sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
  const current = windowOf(now)
  if (t.window > current) return 'invalid'
  return t.window >= current - 1 ? 'ok' : 'expired'
}

export function normalizeShortCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/** The ticket key a typed (normalized) short code names, or null when it is not shaped like one. */
export function ticketKeyOf(code: string): string | null {
  if (code.length !== SHORT_CODE_LENGTH || [...code].some((c) => !SHORT_CODE_ALPHABET.includes(c))) return null
  return code.slice(0, TICKET_KEY_LENGTH)
}

/** Whether `code` is the sign-up's short code (with its key) for the current or the previous window. */
export function matchesShortCode(secret: string, signupId: string, key: string, code: string, now: number): boolean {
  const w = windowOf(now)
  return shortCode(secret, signupId, key, w) === code || shortCode(secret, signupId, key, w - 1) === code
}
