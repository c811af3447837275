import { HOUSEHOLD_CODE_ALPHABET } from '../../contracts/user'
import type { officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { formatHouseholdCode, hashHouseholdCode, roomOf, unissuedCodeHash } from '../user/format'

type C = typeof officeContracts

/** A fresh code colliding with one in use is a one-in-10¹² event; a few more draws settle it. */
const DRAWS = 4

type Issued = { code: string } | { busy: true } | { failed: true }

/**
 * Writes a new code's hash over the household's current one, if that is still current (a second
 * clerk printing the same slip at once must not leave the first one's paper invalid unseen).
 * A write that throws (the unique index refusing a hash in use, or the store failing) leaves the
 * old code in place, so it is drawn again a few times and then reported, never lost silently.
 */
async function issue(ports: Ports, h: HouseholdDoc, now: number): Promise<Issued> {
  for (let i = 0; i < DRAWS; i++) {
    const code = ports.random.code(8, HOUSEHOLD_CODE_ALPHABET)
    try {
      const done = await ports.store.update('households', h._id, { set: { codeHash: hashHouseholdCode(ports.codePepper, code), codeIssuedAt: now } }, { codeHash: h.codeHash })
      return done ? { code } : { busy: true }
    } catch (e) {
      ports.log.warn('household code not written, drawing again', { householdId: h._id, error: String(e) })
    }
  }
  return { failed: true }
}

/**
 * Code slips (房屋码条) for printing. The code is shown only here, once; the household keeps its
 * hash. A household that has a code keeps it unless the clerk reissues, which makes the old paper
 * stop working (a lost slip, a sold flat). Residents already bound stay bound either way.
 */
export const issueCodes: ActionHandler<C['issueCodes']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const ids = [...new Set(input.householdIds)]
  const found = await getMany(ports.store, 'households', ids)
  const households = ids.map((id) => found.get(id)).filter((h): h is HouseholdDoc => h?.communityId === communityId)
  if (households.length !== ids.length) return fail('OFFICE.HOUSEHOLD_NOT_FOUND', '有房屋不在这个社区或已不存在，请刷新后重新选择')
  const buildings = await getMany(ports.store, 'buildings', [...new Set(households.map((h) => h.buildingId))])

  const now = ports.clock.now()
  const hasCode = (h: HouseholdDoc) => h.codeHash !== unissuedCodeHash(h._id)
  const due = households.filter((h) => input.reissue || !hasCode(h))
  const issued = await Promise.all(due.map((h) => issue(ports, h, now)))
  const slips = due.flatMap((h, i) => {
    const r = issued[i]
    return r && 'code' in r ? [{ householdId: h._id, building: buildings.get(h.buildingId)?.name ?? '', room: roomOf(h), code: formatHouseholdCode(r.code) }] : []
  })
  // Those another clerk's print changed meanwhile are left to that print: its codes are the valid ones.
  const busy = issued.filter((r) => 'busy' in r).length
  const failed = issued.filter((r) => 'failed' in r).length
  if (failed) ports.log.error('household codes not issued', { communityId, failed })
  ports.log.info('household codes issued', { communityId, issued: slips.length, reissue: input.reissue, busy })
  return ok({ slips, kept: households.length - due.length, busy, failed })
}
