/** The desk's pure parts: reading what a clerk typed, and the SLA timers' arithmetic. */
import { DEFAULT_SLA } from '../../cloudfunctions/contracts/desk-kinds'
import type { WorkOrderDoc } from '../../cloudfunctions/domain/desk/docs'
import { buildingMatches, probesOf } from '../../cloudfunctions/domain/desk/query'
import { deadlines, dueAlerts, nextAlarm, stagesOf } from '../../cloudfunctions/domain/desk/sla'

const MIN = 60_000

describe('reading a query', () => {
  it.each([
    ['13800001111', { phone: '13800001111', tail: null, room: null }],
    ['138****1111', { phone: null, tail: { head: '138', digits: '1111' } }],
    ['138 **** 1111', { tail: { head: '138', digits: '1111' } }],
    ['1201', { tail: { head: null, digits: '1201' }, room: { building: null, room: '1201' } }],
    ['3栋1201', { room: { building: '3', room: '1201' }, tail: null }],
    ['3号楼 1201', { room: { building: '3', room: '1201' } }],
    ['A座101', { room: { building: 'A', room: '101' } }],
    ['王建国', { name: '王建国', room: null }],
    ['浙a·12345', { plate: '浙A12345' }],
    ['浙AD12345', { plate: '浙AD12345' }]
  ])('%s', (q, expected) => {
    expect(probesOf(q)).toMatchObject(expected)
  })

  it('matches a building by its number or letter', () => {
    expect(buildingMatches('3', '3栋')).toBe(true)
    expect(buildingMatches('3号楼', '3栋')).toBe(true)
    expect(buildingMatches('a', 'A座')).toBe(true)
    expect(buildingMatches('13', '3栋')).toBe(false)
  })
})

describe('SLA timers', () => {
  const t0 = Date.UTC(2026, 11, 6, 2)
  const rule = DEFAULT_SLA.leak
  const wo = (over: Partial<WorkOrderDoc> = {}) =>
    ({ status: 'open', rule, due: deadlines(t0, rule), respondedAt: null, arrivedAt: null, finishedAt: null, alerts: {}, ...over }) as Pick<
      WorkOrderDoc,
      'status' | 'due' | 'rule' | 'respondedAt' | 'arrivedAt' | 'finishedAt' | 'alerts'
    >

  it('falls due at 15, 30 and 240 minutes for a leak', () => {
    expect(deadlines(t0, rule)).toEqual({ respond: t0 + 15 * MIN, arrive: t0 + 30 * MIN, finish: t0 + 240 * MIN })
    expect(deadlines(t0, DEFAULT_SLA.complaint).arrive).toBeNull()
  })

  it('reminds at the deadline and escalates escalateMin later, each once', () => {
    expect(nextAlarm(wo())).toBe(t0 + 15 * MIN)
    expect(dueAlerts(wo(), t0 + 14 * MIN)).toEqual([])
    expect(dueAlerts(wo(), t0 + 16 * MIN)).toEqual([{ stage: 'respond', kind: 'remind' }])
    const reminded = wo({ alerts: { respond: { remindedAt: t0 + 16 * MIN } } })
    expect(nextAlarm(reminded)).toBe(t0 + 30 * MIN) // the escalation and the arrive deadline fall together
    expect(dueAlerts(reminded, t0 + 30 * MIN)).toEqual([
      { stage: 'respond', kind: 'escalate' },
      { stage: 'arrive', kind: 'remind' }
    ])
  })

  it('reads each stage as met, late, breached or pending', () => {
    const w = wo({ status: 'arrived', respondedAt: t0 + 5 * MIN, arrivedAt: t0 + 45 * MIN })
    expect(stagesOf(w, t0 + 300 * MIN).map((s) => s.state)).toEqual(['met', 'late', 'breached'])
    expect(stagesOf(w, t0 + 60 * MIN).map((s) => s.state)).toEqual(['met', 'late', 'pending'])
  })

  it('has nothing to send once done or cancelled', () => {
    expect(nextAlarm(wo({ status: 'done', finishedAt: t0 }))).toBeNull()
    expect(dueAlerts(wo({ status: 'cancelled' }), t0 + 1000 * MIN)).toEqual([])
  })
})
