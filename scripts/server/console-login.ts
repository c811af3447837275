import { CONSOLE_SESSION_TTL_MS } from '../../cloudfunctions/contracts/office'
import { openSession } from '../../cloudfunctions/domain/office/sign-in'
import { STAFF_ONLY_TEXT, hasStaffRole } from '../../cloudfunctions/domain/office/staff'
import { findUserByOpenid } from '../../cloudfunctions/kernel/actor'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import { signConsoleSession } from './dev-session'

/**
 * The local console's persona picker: a console session for a demo staff member without the scan
 * (the scan itself works locally too, with the H5 app on a second page). Same rule as the scan:
 * only users with a work role get one.
 */
export async function openDevConsoleSession(ports: Ports, openid: string, secret: string): Promise<{ ok: true; token: string; sessionId: string; expiresAt: number } | { ok: false; error: string }> {
  const user = await findUserByOpenid(ports.store, openid)
  if (!user) return { ok: false, error: '这个演示角色还没有用户记录' }
  if (!(await hasStaffRole(ports.store, user._id))) return { ok: false, error: STAFF_ONLY_TEXT }
  const now = ports.clock.now()
  const session = await openSession(ports, { _id: `cs${ports.random.id(15)}`, userId: user._id, device: '本地演示（角色选择）', createdAt: now, expiresAt: now + CONSOLE_SESSION_TTL_MS })
  return { ok: true, token: signConsoleSession(secret, session._id, session.expiresAt, now), sessionId: session._id, expiresAt: session.expiresAt }
}
