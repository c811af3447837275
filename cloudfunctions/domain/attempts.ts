import type { Ports } from '../kernel/ports'
import type { AttemptDoc } from './docs'

/**
 * Guesses at a secret (a household code, the setup code) are counted per person and day. One
 * attempt is reserved before the guess is checked, with a conditional increment, so parallel
 * guesses cannot pass the limit; a right guess gives its attempt back. Returns the attempts left
 * after this one, or null when none was left.
 */
export async function reserveAttempt(ports: Ports, key: string, limit: number): Promise<number | null> {
  const doc: AttemptDoc = { _id: key, count: 0, createdAt: ports.clock.now() }
  await ports.store.insert('attempts', doc)
  const reserved = await ports.store.update('attempts', key, { inc: { count: 1 } }, { count: { lt: limit } })
  if (!reserved) return null
  const after = await ports.store.get<AttemptDoc>('attempts', key)
  return limit - (after?.count ?? limit)
}

export async function giveAttemptBack(ports: Ports, key: string): Promise<void> {
  await ports.store.update('attempts', key, { inc: { count: -1 } }, { count: { gt: 0 } })
}
