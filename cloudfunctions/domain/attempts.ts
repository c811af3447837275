import { type Counter, give, take } from '../kernel/counter'
import type { Ports } from '../kernel/ports'
import type { AttemptDoc } from './docs'

/**
 * Guesses at a secret (a household code, the setup code) are counted per person and day, on the
 * kernel's bounded counter. One attempt is taken before the guess is checked, so parallel guesses
 * cannot pass the limit; a right guess gives its own attempt back, once however often it asks.
 */
export interface Attempt {
  /** The attempt's entry on the day's counter. */
  holder: string
  /** Attempts left after this one. */
  left: number
}

const HOLDER_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const counterOf = (key: string, limit: number): Counter => ({ collection: 'attempts', id: key, field: 'count', direction: 'up', bound: limit })

/** Takes one attempt; null when none was left. The day's first attempt makes the counter with itself in it. */
export async function reserveAttempt(ports: Ports, key: string, limit: number): Promise<Attempt | null> {
  // A field name: a letter first, then letters and digits.
  const holder = `a${ports.random.code(12, HOLDER_ALPHABET)}`
  const doc = (): AttemptDoc => ({ _id: key, count: 0, holds: {}, createdAt: ports.clock.now() })
  if (!(await take(ports.store, counterOf(key, limit), { holder, amount: 1, create: { doc, first: true } }))) return null
  const after = await ports.store.get('attempts', key)
  return { holder, left: Math.max(0, limit - (after?.count ?? limit)) }
}

export async function giveAttemptBack(ports: Ports, key: string, attempt: Attempt): Promise<void> {
  // The limit plays no part in a give-back.
  await give(ports.store, counterOf(key, 0), attempt.holder, 1)
}

/** Attempts are counted per day; two days on, no counter can be asked again and it is removed. */
export const ATTEMPTS_KEPT_MS = 2 * 24 * 3600_000

/** Removes the counters of days that are over, a page at a time. */
export async function sweepAttempts(ports: Ports): Promise<{ removed: number }> {
  const before = ports.clock.now() - ATTEMPTS_KEPT_MS
  let removed = 0
  for (;;) {
    const page = await ports.store.find('attempts', { where: { createdAt: { lt: before } }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 1000 })
    // Fifty at a time: a page at once would be a thousand concurrent requests to the database.
    for (let i = 0; i < page.length; i += 50) {
      const done = await Promise.all(page.slice(i, i + 50).map((a) => ports.store.remove('attempts', a._id, { createdAt: { lt: before } })))
      removed += done.filter(Boolean).length
    }
    if (page.length < 1000) return { removed }
  }
}
