/**
 * Owner votes by 《民法典》 article 278, on hand-computed cases. Areas are in m² here (×100 in the
 * store's hundredths makes no difference to any ratio).
 */
import { type Ballot, type Unit, reaches, tally } from '../../cloudfunctions/domain/message/tally'

const unit = (id: string, m2: number, owner = id): Unit => ({ householdId: id, areaCm2: m2 * 100, ownerKey: owner })
const votes = (...pairs: [string, number][]): Ballot[] => pairs.map(([householdId, option]) => ({ householdId, option }))

describe('thresholds compare integers, never rounded shares', () => {
  it('exactly at the line: met only when the threshold includes it', () => {
    expect(reaches(1, 2, { num: 1, den: 2, inclusive: false })).toBe(false)
    expect(reaches(3, 4, { num: 3, den: 4, inclusive: true })).toBe(true)
    expect(reaches(2, 3, { num: 2, den: 3, inclusive: true })).toBe(true)
    // 66.67 % of a large whole is still short of 2/3 by one unit of area.
    expect(reaches(666_666, 1_000_000, { num: 2, den: 3, inclusive: true })).toBe(false)
    expect(reaches(0, 0, { num: 1, den: 2, inclusive: false })).toBe(false)
  })
})

describe('participation: 2/3 of the area and 2/3 of the owners', () => {
  it('short by area but enough by headcount: the vote is void', () => {
    // Six owners; the four small units (4 of 6 owners = 2/3) hold 200 of 800 m².
    const units = [unit('a', 50), unit('b', 50), unit('c', 50), unit('d', 50), unit('e', 300), unit('f', 300)]
    const t = tally(units, votes(['a', 0], ['b', 0], ['c', 0], ['d', 0]), 'ordinary', 'matter', 3)
    expect(t.participationHeadcount).toMatchObject({ part: 4, whole: 6, met: true })
    expect(t.participationArea).toMatchObject({ part: 20_000, whole: 80_000, met: false })
    expect(t.outcome).toBe('quorum_not_met')
    expect(t.chosen).toBeNull()
  })

  it('enough by area but short by headcount: void as well', () => {
    const units = [unit('a', 50), unit('b', 50), unit('c', 50), unit('d', 50), unit('e', 300), unit('f', 300)]
    const t = tally(units, votes(['e', 0], ['f', 0], ['a', 0]), 'ordinary', 'matter', 3)
    expect(t.participationArea.met).toBe(true)
    expect(t.participationHeadcount).toMatchObject({ part: 3, whole: 6, met: false })
    expect(t.outcome).toBe('quorum_not_met')
  })
})

describe('ordinary matters: more than half of both', () => {
  it('exactly half of the participating area fails, even with a majority by head', () => {
    // 100, 100, 100 and 300 m², all taking part. 同意: a, b, c = 300 of 600 m² (exactly 1/2), 3 of 4 owners.
    const units = [unit('a', 100), unit('b', 100), unit('c', 100), unit('d', 300)]
    const t = tally(units, votes(['a', 0], ['b', 0], ['c', 0], ['d', 1]), 'ordinary', 'matter', 3)
    expect(t.options[0]).toMatchObject({ areaCm2: 30_000, owners: 3 })
    expect(t.options[0]!.area).toMatchObject({ part: 30_000, whole: 60_000, met: false })
    expect(t.options[0]!.headcount.met).toBe(true)
    expect(t.outcome).toBe('rejected')
  })

  it('exactly half by head fails too', () => {
    const units = [unit('a', 200), unit('b', 200), unit('c', 100), unit('d', 100)]
    const t = tally(units, votes(['a', 0], ['b', 0], ['c', 1], ['d', 1]), 'ordinary', 'matter', 3)
    expect(t.options[0]!.area.met).toBe(true) // 400 of 600
    expect(t.options[0]!.headcount).toMatchObject({ part: 2, whole: 4, met: false })
    expect(t.outcome).toBe('rejected')
  })

  it('just over half of both passes; 反对 reaching half is a rejection, not a choice', () => {
    const units = [unit('a', 100), unit('b', 100), unit('c', 100)]
    expect(tally(units, votes(['a', 0], ['b', 0], ['c', 1]), 'ordinary', 'matter', 3)).toMatchObject({ outcome: 'passed', chosen: 0 })
    expect(tally(units, votes(['a', 1], ['b', 1], ['c', 0]), 'ordinary', 'matter', 3)).toMatchObject({ outcome: 'rejected', chosen: null })
  })
})

describe('major matters: at least 3/4 of both', () => {
  it('exactly 3/4 of the area and of the owners passes', () => {
    const units = [unit('a', 100), unit('b', 100), unit('c', 100), unit('d', 100)]
    const t = tally(units, votes(['a', 0], ['b', 0], ['c', 0], ['d', 1]), 'major', 'matter', 3)
    expect(t.options[0]!.area).toMatchObject({ part: 30_000, whole: 40_000, met: true })
    expect(t.options[0]!.headcount).toMatchObject({ part: 3, whole: 4, met: true })
    expect(t.outcome).toBe('passed')
  })

  it('just under 3/4 of the area fails', () => {
    const units = [unit('a', 100), unit('b', 100), unit('c', 99), unit('d', 100)]
    const t = tally(units, votes(['a', 0], ['b', 0], ['c', 0], ['d', 1]), 'major', 'matter', 3)
    expect(t.options[0]!.area.met).toBe(false) // 299 of 399
    expect(t.outcome).toBe('rejected')
  })
})

describe('units and owners', () => {
  it('a unit with two co-owners has one ballot: the first counts, the second is ignored', () => {
    // The co-owners of `a` share one owner key (the unit's registered owner).
    const units = [unit('a', 100, 'owner-a'), unit('b', 100), unit('c', 100)]
    const t = tally(units, votes(['a', 0], ['a', 1], ['b', 0], ['c', 1]), 'ordinary', 'matter', 3)
    expect(t.ballots).toBe(3)
    expect(t.options[0]).toMatchObject({ areaCm2: 20_000, owners: 2 })
    expect(t.options[1]).toMatchObject({ areaCm2: 10_000, owners: 1 })
    expect(t.outcome).toBe('passed')
  })

  it('one owner of three units: three times the area, counted once by head', () => {
    const units = [unit('a1', 100, 'zhang'), unit('a2', 100, 'zhang'), unit('a3', 100, 'zhang'), unit('b', 100), unit('c', 100)]
    expect(tally(units, [], 'ordinary', 'matter', 3).totalOwners).toBe(3)
    // 张 votes 同意 for all three; b and c vote 反对: 300 of 500 m² agree, but only 1 of 3 owners.
    const t = tally(units, votes(['a1', 0], ['a2', 0], ['a3', 0], ['b', 1], ['c', 1]), 'ordinary', 'matter', 3)
    expect(t.participationHeadcount).toMatchObject({ part: 3, whole: 3 })
    expect(t.options[0]).toMatchObject({ areaCm2: 30_000, owners: 1 })
    expect(t.options[0]!.area.met).toBe(true)
    expect(t.options[0]!.headcount.met).toBe(false)
    expect(t.outcome).toBe('rejected')
  })

  it('a choice among three companies goes to the one that meets both figures, or to none', () => {
    const units = [unit('a', 100), unit('b', 100), unit('c', 100), unit('d', 100), unit('e', 100)]
    expect(tally(units, votes(['a', 2], ['b', 2], ['c', 2], ['d', 0], ['e', 1]), 'ordinary', 'choice', 3)).toMatchObject({ outcome: 'passed', chosen: 2 })
    expect(tally(units, votes(['a', 2], ['b', 2], ['c', 0], ['d', 0], ['e', 1]), 'ordinary', 'choice', 3)).toMatchObject({ outcome: 'rejected', chosen: null })
  })

  it('ballots from outside the vote, or for an option it does not have, count for nothing', () => {
    const units = [unit('a', 100), unit('b', 100), unit('c', 100)]
    const t = tally(units, votes(['x', 0], ['a', 7], ['b', 0], ['c', 0]), 'ordinary', 'matter', 3)
    expect(t.ballots).toBe(2)
    expect(t.participationHeadcount).toMatchObject({ part: 2, whole: 3, met: true })
  })
})
