import type { HistoryRowT } from '../../contracts/desk-household'
import { collectionOf } from '../../kernel/collection-of'
import { afterTimeCursor, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { Doc, Filter } from '../../kernel/store'
import type { CollectionOf } from '../../kernel/collections'
import type { MembershipDoc } from '../docs'

/** A page of one part: small enough for a phone's first screen, and under the contract's 30. */
export const PART_PAGE = 20

/** Door entries are kept for the household's file over this window only. */
export const ACCESS_WINDOW_MS = 30 * 24 * 3_600_000

/** What every part reads from: the household, the caller's community and one clock reading. */
export interface PartContext {
  ports: Ports
  householdId: string
  communityId: string
  now: number
  /** The household's active memberships, read once for whichever part asks first (coupons, the header). */
  memberships: () => Promise<MembershipDoc[]>
}

export function partContext(ports: Ports, householdId: string, communityId: string): PartContext {
  let memberships: Promise<MembershipDoc[]> | null = null
  return {
    ports,
    householdId,
    communityId,
    now: ports.clock.now(),
    memberships: () =>
      (memberships ??= ports.store.find('memberships', { where: { householdId, status: 'active' }, limit: 50 }))
  }
}

/**
 * One part of the file: which collection, the household's slice of it (each on that collection's
 * household index), the time it is ordered by, newest first, and how its documents read as rows.
 * `side` is read alongside the page (a setting, the members' names) where the rows need it.
 */
export interface PartSpec<T extends Doc, S> {
  collection: CollectionOf<T>
  timeField: string
  timeOf: (d: T) => number
  /** Null: the household can hold none (coupons of a household nobody has bound). */
  where: (ctx: PartContext) => Filter | null | Promise<Filter | null>
  side: (ctx: PartContext) => Promise<S>
  rows: (docs: T[], side: S, ctx: PartContext) => HistoryRowT[] | Promise<HistoryRowT[]>
}

export interface Part {
  count(ctx: PartContext): Promise<number>
  /** `cursor` null: the first page. A cursor is checked with `validCursor` before this is called. */
  page(ctx: PartContext, cursor: string | null): Promise<{ rows: HistoryRowT[]; next: string | null }>
  /** Whether `cursor` is one this part made; checked before anything is read. */
  validCursor(cursor: string): boolean
}

export const noSide = async (): Promise<null> => null

export function definePart<T extends Doc, S>(spec: PartSpec<T, S>): Part {
  return {
    async count(ctx) {
      const where = await spec.where(ctx)
      return where ? ctx.ports.store.count(spec.collection, where) : 0
    },
    async page(ctx, cursor) {
      const after = cursor === null ? null : afterTimeCursor(cursor, spec.timeField, 'desc')
      const read = async (): Promise<T[]> => {
        const where = await spec.where(ctx)
        if (!where) return []
        return collectionOf<T>(ctx.ports.store, spec.collection).find({
          where: after ? { and: [where, after] } : where,
          orderBy: [
            { field: spec.timeField, dir: 'desc' },
            { field: '_id', dir: 'desc' }
          ],
          limit: PART_PAGE
        })
      }
      const [docs, side] = await Promise.all([read(), spec.side(ctx)])
      return { rows: await spec.rows(docs, side, ctx), next: timeCursorOf(docs, PART_PAGE, spec.timeOf) }
    },
    validCursor: (cursor) => afterTimeCursor(cursor, spec.timeField, 'desc') !== null
  }
}
