import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { HOUSEHOLD_PART_LABELS, type HistoryRowT, type HouseholdPart, type TONES } from '@contracts/desk-household'
import { api } from '../../../../client'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { ButtonRow, CellList, Chip, Notice, Price, Section, Segmented, type Tone } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { LoadingState, PageShell, usePaged, useQuery } from '../../../../ui/shell'
import '../../butler.scss'

/** What a butler needs at the door, in the order they ask: money first, then what is open. */
const AT_THE_DOOR = ['bills', 'workOrders', 'bookings', 'parcels', 'access', 'followUps'] as const satisfies readonly HouseholdPart[]
type DoorPart = (typeof AT_THE_DOOR)[number]
const SHORT: Record<DoorPart, string> = { bills: '账单', workOrders: '工单', bookings: '预约', parcels: '快递', access: '门禁', followUps: '跟进' }
const EMPTY: Record<DoorPart, string> = {
  bills: '还没有账单',
  workOrders: '还没有工单',
  bookings: '还没有预约过到家服务或报修',
  parcels: '还没有代收的快递',
  access: '近 30 天没有门禁记录',
  followUps: '还没有跟进记录'
}
/** What a row's time is in each part: a bill's is when it falls due, a booking's its slot. */
const TIME_TEXT: Record<DoorPart, (at: number) => string> = {
  bills: (at) => `缴费截止 ${formatDate(at)}`,
  workOrders: (at) => `${formatDateTime(at)} 登记`,
  bookings: (at) => `预约 ${formatDateTime(at)}`,
  parcels: (at) => `${formatDateTime(at)} 到件`,
  access: formatDateTime,
  followUps: formatDateTime
}
const CHIP_TONES: Record<(typeof TONES)[number], Tone> = { success: 'primary', primary: 'info', warning: 'accent', danger: 'danger', default: 'muted' }

/**
 * 户档案 at the door: who lives there, what they owe and how likely they are to drift away, then
 * the household's bills, work orders, bookings, parcels, door entries and follow-ups, a page at a time.
 */
export default function HouseholdHistoryPage() {
  const { params } = useRouter()
  const householdId = decodeURIComponent(params.householdId ?? '')
  const [part, setPart] = useState<DoorPart>('bills')
  const q = useQuery(() => api.desk.household({ householdId }), [householdId], { enabled: householdId !== '' })
  const p = usePaged(
    (cursor) => api.desk.householdPart({ householdId, part, cursor: cursor ?? null }),
    (page) => ({ items: page.rows, cursor: page.next }),
    [householdId, part]
  )

  return (
    <PageShell id='history-page' query={q}>
      {(d) => {
        const count = (x: DoorPart) => d.counts.find((c) => c.part === x)?.count ?? 0
        return (
          <>
            <Section
              title={
                <Text className='bt-title' id='history-label'>
                  {d.household.label}
                </Text>
              }
              extra={d.churn ? <Chip id='history-churn' text={`${d.churn.level} ${d.churn.score}`} tone={d.churn.level.startsWith('流失预警') ? 'danger' : 'muted'} /> : undefined}
            >
              <View className='bt-badges'>
                {d.arrearsFen > 0 ? <Chip id='history-arrears' text='有欠费' tone='danger' /> : <Chip id='history-arrears' text='无欠费' tone='primary' />}
                {d.arrearsFen > 0 ? <Price fen={d.arrearsFen} size='s' /> : null}
              </View>
              {d.members.length === 0 ? <Text className='bt-meta'>还没有人绑定这户</Text> : null}
              {d.members.map((m, i) => (
                <Text key={i} className='bt-meta' id={`history-member-${i}`}>
                  {m.name}（{m.relationLabel}）{m.phoneMasked ?? ''}
                </Text>
              ))}
              {d.churn && d.churn.reasons.length > 0 ? <Text className='bt-meta'>流失原因：{d.churn.reasons.join('；')}</Text> : null}
            </Section>
            <Segmented<DoorPart> id='history-parts' value={part} options={AT_THE_DOOR.map((x) => ({ value: x, label: SHORT[x], badge: x === 'bills' ? 0 : count(x) }))} onChange={setPart} />
            <PartList part={part} rows={p.items} loading={p.loading} />
            {p.error ? (
              <Notice tone='danger' id='history-error'>
                {p.error.message}
              </Notice>
            ) : null}
            {p.hasMore && !p.loading ? (
              <ButtonRow>
                <Button id='history-more' fill='outline' type='primary' loading={p.loadingMore} onClick={() => void p.loadMore()}>
                  加载更多
                </Button>
              </ButtonRow>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}

function PartList({ part, rows, loading }: { part: DoorPart; rows: HistoryRowT[]; loading: boolean }) {
  if (loading) return <LoadingState />
  if (rows.length === 0) {
    return (
      <Section id='history-empty'>
        <Text className='bt-meta'>{EMPTY[part]}</Text>
      </Section>
    )
  }
  return (
    <CellList
      id={`history-${part}`}
      title={HOUSEHOLD_PART_LABELS[part]}
      items={rows}
      idPrefix='history-row'
      row={(r) => ({
        title: r.title,
        desc: (
          <View>
            {r.detail ? <Text className='bt-meta'>{r.detail}</Text> : null}
            <Text className='bt-count'>{TIME_TEXT[part](r.at)}</Text>
          </View>
        ),
        extra: (
          <View className='bt-history__extra'>
            <Chip text={r.status} tone={CHIP_TONES[r.tone]} />
            {r.amountFen !== null ? <Price fen={r.amountFen} size='s' /> : null}
          </View>
        )
      })}
    />
  )
}
