import { collectionOf } from '../../kernel/collection-of'
import type { Ports } from '../../kernel/ports'
import type { Doc } from '../../kernel/store'
import type { CollectionOf } from '../../kernel/collections'

/** Poster scenes hold at most 32 visible characters; 10 of these alphanumerics are plenty and unguessable enough. */
const TOKEN_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_TOKEN_LENGTH = 10

/**
 * A butler's invitation to one thing (an event, a pre-sale), made on first use under its fixed id
 * with a fresh token; the unique token index settles races and the rare clash of tokens.
 */
export async function ensureInvite<T extends Doc>(ports: Ports, collection: CollectionOf<T>, id: string, make: (token: string) => T): Promise<T> {
  const invites = collectionOf<T>(ports.store, collection)
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await invites.get(id)
    if (existing) return existing
    const doc = make(ports.random.code(INVITE_TOKEN_LENGTH, TOKEN_ALPHABET))
    if ((await invites.insert(doc)).ok) return doc
  }
  throw new Error(`could not create an invitation for ${id}`)
}
