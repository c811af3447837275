import tcb from '@cloudbase/node-sdk'
import * as z from 'zod'
import type { SessionTickets } from '../../kernel/ports'

/**
 * CloudBase custom login: the environment's private key (downloaded from the CloudBase console,
 * 身份认证 → 自定义登录) signs a ticket for a custom user id; the web console trades it for a
 * login with `@cloudbase/js-sdk`, and the functions then see that id as TCB_CUSTOM_USER_ID.
 * The key is about 1.8 KB, so it travels in the bundle's settings file, not the environment.
 */
const CustomLoginKey = z.object({
  private_key_id: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY', { message: 'private_key is not a PEM key' }),
  env_id: z.string().min(1)
})
export type CustomLoginKeyT = z.infer<typeof CustomLoginKey>

export const CUSTOM_LOGIN_KEY_VARIABLE = 'LINLI_CUSTOM_LOGIN_KEY'

/** The key from the settings (the key file's JSON as one value); a missing or broken key fails at start. */
export function readCustomLoginKey(env: NodeJS.ProcessEnv): CustomLoginKeyT {
  const raw = env[CUSTOM_LOGIN_KEY_VARIABLE]?.trim()
  if (!raw) throw new Error(`${CUSTOM_LOGIN_KEY_VARIABLE} is missing (the custom-login private key file's JSON)`)
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new Error(`${CUSTOM_LOGIN_KEY_VARIABLE} is not JSON (paste the whole key file)`)
  }
  const parsed = CustomLoginKey.safeParse(json)
  if (!parsed.success) throw new Error(`${CUSTOM_LOGIN_KEY_VARIABLE}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`)
  return parsed.data
}

export function cloudbaseTickets(key: CustomLoginKeyT): SessionTickets {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, credentials: key })
  return {
    // The platform login ends with the session: a revoked or expired session is refused by the kernel anyway.
    issue: (sessionId, expiresAt) => Promise.resolve(app.auth().createTicket(sessionId, { refresh: 3600_000, expire: expiresAt }))
  }
}
