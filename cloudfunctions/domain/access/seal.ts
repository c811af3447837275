import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto'
import type { Random } from '../../kernel/ports'

/**
 * Community keys and device secrets must be readable by the function (HMAC is symmetric), so
 * they live in the database. They are stored sealed with AES-256-GCM under a key derived from
 * the function's pepper, which lives only in the function's environment: a leaked database
 * export does not open doors. The context (e.g. `gate:ly-main`) is authenticated data, so a
 * sealed value copied onto another document does not unseal there.
 */
const VERSION = 's1'
const keys = new Map<string, Buffer>()

function sealKey(pepper: string): Buffer {
  let k = keys.get(pepper)
  if (!k) {
    k = Buffer.from(hkdfSync('sha256', pepper, 'linli', 'access-secrets/v1', 32))
    keys.set(pepper, k)
  }
  return k
}

export function seal(pepper: string, random: Random, context: string, secret: Buffer): string {
  const iv = Buffer.from(random.id(12), 'base64url').subarray(0, 12)
  if (iv.length !== 12) throw new Error('random.id(12) must yield 12 bytes')
  const cipher = createCipheriv('aes-256-gcm', sealKey(pepper), iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([cipher.update(secret), cipher.final()])
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

/** Null when the value was sealed under another pepper or context, or was tampered with. */
export function unseal(pepper: string, context: string, sealed: string): Buffer | null {
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(pepper), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
  } catch {
    return null
  }
}

export const keyContext = (communityId: string, seq: number) => `key:${communityId}:${seq}`
export const gateContext = (gateId: string) => `gate:${gateId}`
