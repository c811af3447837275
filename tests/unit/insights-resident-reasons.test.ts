/** The plain reason a resident reads for a need: the rule's conditions in words, never its figures. */
import { DEFAULT_SEGMENT_RULES, evaluateSegments, type SegmentMetrics } from '../../cloudfunctions/domain/insights/segments'

const quiet: SegmentMetrics = {
  orders180: 0,
  spend180Fen: 0,
  avgOrderFen: 0,
  discountShare: 0,
  presale180: 0,
  doorDelivered180: 0,
  service180: 0,
  repair180: 0,
  attended180: 0,
  linesUsed180: 0,
  parcels3m: 0,
  overdueBills: 0,
  householdSize: null,
  children: null,
  elderly: null,
  pets: null,
  cars: null,
  areaM2: null,
  tenureYears: null
}

test('the default rules read as habits, without numbers', () => {
  const m = { ...quiet, orders180: 7, discountShare: 0.8, doorDelivered180: 7, service180: 3, linesUsed180: 4 }
  const hits = evaluateSegments(m, DEFAULT_SEGMENT_RULES)
  expect(Object.fromEntries(hits.map((x) => [x.need, x.residentReason]))).toEqual({
    save_money: '经常在社区下单、常用优惠券或积分',
    save_effort: '经常预约上门服务',
    save_time: '常选送货上门',
    save_hassle: '用过多种社区服务、按时缴费'
  })
  expect(hits.find((x) => x.need === 'save_time')?.because).toBe('常选送货上门（近180天送货上门订单数 7 ≥ 3）')
})

test('a low reading says so, and a condition every household meets says nothing', () => {
  const rules = [{ need: 'save_money' as const, label: '少下单的新住户', all: [{ metric: 'orders180' as const, op: 'lte' as const, value: 1 }, { metric: 'attended180' as const, op: 'gte' as const, value: 0 }] }]
  expect(evaluateSegments(quiet, rules)[0]?.residentReason).toBe('偶尔在社区下单')
})
