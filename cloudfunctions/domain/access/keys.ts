import type { GateKey } from '../../contracts/gate'
import type { Ports } from '../../kernel/ports'
import type { Store } from '../../kernel/store'
import type { AccessKeyDoc } from './docs'
import type { OfflineKey } from './offline'
import { keyContext, seal, unseal } from './seal'

/**
 * Per-community HMAC keys. The newest key signs; an older key stays valid until every newer
 * key's `createdAt + graceMs` has passed. Validity is computed from the key sequence itself, so a
 * rotation is a single insert (no second write that could be lost) and the unique `_id`
 * `${communityId}:${seq}` lets exactly one of two concurrent rotations win.
 */
export const KEY_BYTES = 32
/** Scanning this many newer keys is enough: an older key is long retired. */
const NEWER_SCAN = 50

export interface SigningKey {
  seq: number
  secret: Buffer
}

const keyId = (communityId: string, seq: number) => `${communityId}:${seq}`

function newest(store: Store, communityId: string, limit: number): Promise<AccessKeyDoc[]> {
  return store.find('accessKeys', { where: { communityId }, orderBy: [{ field: 'seq', dir: 'desc' }], limit })
}

function openKey(ports: Ports, doc: AccessKeyDoc): Buffer {
  const secret = unseal(ports.codePepper, keyContext(doc.communityId, doc.seq), doc.secretSealed)
  // Only a changed pepper or a tampered row gets here: every code of the community would fail.
  if (!secret) throw new Error(`access key ${doc._id} does not unseal: was LINLI_CODE_PEPPER changed?`)
  return secret
}

async function insertKey(ports: Ports, communityId: string, seq: number, graceMs: number, createdBy: string | null) {
  const secret = Buffer.from(ports.random.id(KEY_BYTES), 'base64url')
  const doc: AccessKeyDoc = {
    _id: keyId(communityId, seq),
    communityId,
    seq,
    secretSealed: seal(ports.codePepper, ports.random, keyContext(communityId, seq), secret),
    graceMs,
    createdAt: ports.clock.now(),
    createdBy
  }
  const res = await ports.store.insert('accessKeys', doc)
  return res.ok ? { doc, secret } : null
}

/** The key new codes are signed with; the first one is made on first use. */
export async function signingKey(ports: Ports, communityId: string): Promise<SigningKey> {
  const [top] = await newest(ports.store, communityId, 1)
  if (top) return { seq: top.seq, secret: openKey(ports, top) }
  const made = await insertKey(ports, communityId, 1, 0, null)
  if (made) return { seq: 1, secret: made.secret }
  // Someone else made the first key at the same moment: use theirs.
  const [theirs] = await newest(ports.store, communityId, 1)
  if (!theirs) throw new Error(`access key for ${communityId} vanished`)
  return { seq: theirs.seq, secret: openKey(ports, theirs) }
}

/** The first moment a key is refused, given the keys made after it (any order); null while it is the newest. */
export function validUntil(newer: readonly AccessKeyDoc[]): number | null {
  if (newer.length === 0) return null
  return Math.min(...newer.map((k) => k.createdAt + k.graceMs))
}

/**
 * The key a code names, with its validity, read fresh on every verification so a rotation with
 * no grace takes effect from the next request. Empty when the community has no such key.
 */
export async function keyForCode(ports: Ports, communityId: string, kid: number): Promise<OfflineKey[]> {
  const docs = await ports.store.find('accessKeys', {
    where: { communityId, seq: { gte: kid } },
    orderBy: [{ field: 'seq', dir: 'asc' }],
    limit: NEWER_SCAN
  })
  const [self, ...newer] = docs
  if (!self || self.seq !== kid) return []
  const until = docs.length === NEWER_SCAN ? 0 : validUntil(newer)
  const secret = unseal(ports.codePepper, keyContext(communityId, kid), self.secretSealed)
  if (!secret) {
    ports.log.error('access key does not unseal', { key: self._id })
    return []
  }
  return [{ kid, secret, validUntil: until }]
}

/** Every key a gate should accept now, for offline gates syncing over their signed channel. */
export async function liveKeys(ports: Ports, communityId: string): Promise<GateKey[]> {
  const now = ports.clock.now()
  const docs = await newest(ports.store, communityId, NEWER_SCAN)
  const out: GateKey[] = []
  docs.forEach((doc, i) => {
    const until = validUntil(docs.slice(0, i))
    if (until !== null && until <= now) return
    out.push({ kid: doc.seq, secret: openKey(ports, doc).toString('base64url'), validUntil: until })
  })
  return out
}

export async function currentKeyInfo(store: Store, communityId: string): Promise<{ kid: number; createdAt: number } | null> {
  const [top] = await newest(store, communityId, 1)
  return top ? { kid: top.seq, createdAt: top.createdAt } : null
}

export type RotateOutcome =
  | { ok: true; kid: number; previousKid: number | null; previousValidUntil: number | null }
  | { ok: false; conflict: true }

export async function rotateKey(ports: Ports, communityId: string, graceMs: number, by: string): Promise<RotateOutcome> {
  const [top] = await newest(ports.store, communityId, 1)
  const seq = (top?.seq ?? 0) + 1
  const made = await insertKey(ports, communityId, seq, graceMs, by)
  if (!made) return { ok: false, conflict: true }
  return {
    ok: true,
    kid: seq,
    previousKid: top ? top.seq : null,
    previousValidUntil: top ? made.doc.createdAt + graceMs : null
  }
}
