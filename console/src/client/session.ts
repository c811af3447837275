/**
 * What the console remembers of its sign-in: when the session ends, and which community the
 * person works in. The server decides on every call; this only spares a round trip to find out
 * that nobody has signed in yet.
 */
const SESSION_KEY = 'linli.console.session'
const COMMUNITY_KEY = 'linli.console.community'

export interface StoredSession {
  sessionId: string
  expiresAt: number
}

export function storedSession(now = Date.now()): StoredSession | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null
    return s && typeof s.sessionId === 'string' && typeof s.expiresAt === 'number' && s.expiresAt > now ? s : null
  } catch {
    return null
  }
}

export function rememberSession(s: StoredSession): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(s))
}

export function forgetSession(): void {
  localStorage.removeItem(SESSION_KEY)
}

export function storedCommunity(): string | null {
  return localStorage.getItem(COMMUNITY_KEY)
}

export function rememberCommunity(id: string): void {
  localStorage.setItem(COMMUNITY_KEY, id)
}
