import { APPROVAL, PARTICIPATION, type Threshold, type VoteKind, type VoteRule } from '../../contracts/vote-rules'

/** A unit that may vote: its area (hundredths of a m²) and who owns it, for the headcount. */
export interface Unit {
  householdId: string
  areaCm2: number
  /** Units with the same key belong to one owner, who counts once by head. */
  ownerKey: string
}

export interface Ballot {
  householdId: string
  option: number
}

export interface Figure {
  /** What was reached, and of what. */
  part: number
  whole: number
  threshold: Threshold
  met: boolean
}

export interface OptionTally {
  option: number
  areaCm2: number
  owners: number
  /** Share of the participating area and of the participating owners, against the rule. */
  area: Figure
  headcount: Figure
  met: boolean
}

export interface Tally {
  units: number
  totalAreaCm2: number
  totalOwners: number
  ballots: number
  /** Share of the total area and of all owners that took part (2/3 each). */
  participationArea: Figure
  participationHeadcount: Figure
  options: OptionTally[]
  /** The option that met both approval figures, when participation was met and exactly one did. */
  chosen: number | null
  outcome: 'passed' | 'rejected' | 'quorum_not_met'
}

/** part/whole against num/den with integers only: exactly at the line is met only when inclusive. */
export function reaches(part: number, whole: number, t: Threshold): boolean {
  if (whole <= 0) return false
  const lhs = part * t.den
  const rhs = whole * t.num
  return t.inclusive ? lhs >= rhs : lhs > rhs
}

function figure(part: number, whole: number, threshold: Threshold): Figure {
  return { part, whole, threshold, met: reaches(part, whole, threshold) }
}

/**
 * The result of a vote by the Civil Code's article 278. Each unit casts at most one ballot (the
 * first; later ones are ignored here, and refused where they are written). By head, one owner is
 * one person however many units they hold (the Supreme People's Court's interpretation on
 * building ownership), and an owner's units all carry the same choice (the ballot writer keeps it
 * so); the area counts every unit. A matter's options are 同意, 反对, 弃权: it passes by 同意; a
 * choice passes for the one option that meets both figures.
 */
export function tally(units: readonly Unit[], ballots: readonly Ballot[], rule: VoteRule, kind: VoteKind, optionCount: number): Tally {
  const byId = new Map(units.map((u) => [u.householdId, u]))
  const owners = new Set(units.map((u) => u.ownerKey))
  const totalArea = units.reduce((s, u) => s + u.areaCm2, 0)
  const cast = new Map<string, Ballot>()
  for (const b of ballots) if (byId.has(b.householdId) && !cast.has(b.householdId) && b.option >= 0 && b.option < optionCount) cast.set(b.householdId, b)

  const votedArea = [...cast.keys()].reduce((s, id) => s + byId.get(id)!.areaCm2, 0)
  const ownerChoice = new Map<string, number>()
  for (const b of cast.values()) {
    const key = byId.get(b.householdId)!.ownerKey
    if (!ownerChoice.has(key)) ownerChoice.set(key, b.option)
  }
  const votedOwners = ownerChoice.size
  const participationArea = figure(votedArea, totalArea, PARTICIPATION)
  const participationHeadcount = figure(votedOwners, owners.size, PARTICIPATION)

  const approval = APPROVAL[rule]
  const options: OptionTally[] = Array.from({ length: optionCount }, (_, option) => {
    const areaCm2 = [...cast.values()].filter((b) => b.option === option).reduce((s, b) => s + byId.get(b.householdId)!.areaCm2, 0)
    const ownersFor = [...ownerChoice.values()].filter((o) => o === option).length
    const area = figure(areaCm2, votedArea, approval)
    const headcount = figure(ownersFor, votedOwners, approval)
    return { option, areaCm2, owners: ownersFor, area, headcount, met: area.met && headcount.met }
  })
  const quorum = participationArea.met && participationHeadcount.met
  // A matter passes only by its 同意 (option 0): 反对 reaching the line is a rejection, not a result.
  const winners = options.filter((o) => o.met && (kind === 'choice' || o.option === 0))
  const chosen = quorum && winners.length === 1 ? winners[0]!.option : null
  return {
    units: units.length,
    totalAreaCm2: totalArea,
    totalOwners: owners.size,
    ballots: cast.size,
    participationArea,
    participationHeadcount,
    options,
    chosen,
    outcome: !quorum ? 'quorum_not_met' : chosen === null ? 'rejected' : 'passed'
  }
}
