import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import { SESSION_KIND_LABELS } from '@contracts/parking-labels'
import type { OutputOf } from '@contracts/registry'
import { api, currentMe } from '../../../../client'
import { checkout, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { formatDateTime, minutesText, shanghai } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Field, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { ErrorState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { parkingLink } from '../../links'
import { PlateInput, type PlateDraft, checkPlate, draftOf, emptyDraft } from '../../components/PlateInput'
import '../../parking.scss'

type Session = NonNullable<OutputOf<'parking.sessionByPlate'>['session']>

/** The plate last looked up here: the result page's way back, and the same car next time, find it without typing. */
const LAST_PLATE_KEY = 'linli.parkingPlate'

function lastPlate(): string {
  const v = Taro.getStorageSync(LAST_PLATE_KEY) as unknown
  return typeof v === 'string' ? v : ''
}

const clock = (ms: number) => shanghai(ms).format('HH:mm')

/** What the driver needs to know before the barrier: pay now, leave by a time, or simply drive out. */
function Verdict({ s, now }: { s: Session; now: number }) {
  if (s.dueFen > 0) {
    return s.graceUntil !== null && s.graceUntil <= now ? (
      <Notice tone='warning' id='parking-overdue'>
        已超过 {clock(s.graceUntil)} 的离场时限，需补缴超时的停车费
      </Notice>
    ) : (
      <Notice tone='info'>缴费后请在离场时限内从出口离开，超时需补缴</Notice>
    )
  }
  if (s.graceUntil !== null && s.graceUntil > now) {
    return (
      <Notice tone='success' id='parking-leave-by'>
        已缴费，请在 {clock(s.graceUntil)} 前离场
      </Notice>
    )
  }
  return (
    <Notice tone='success' id='parking-free'>
      {s.kind === 'monthly' ? '月卡车辆，出场无需缴费' : s.kind === 'visitor' && s.feeFen === 0 ? '访客车辆，出场无需缴费' : '当前无需缴费，可直接离场'}
    </Notice>
  )
}

function SessionCard({ s, onRefresh, more }: { s: Session; onRefresh: () => void; more: ReactNode }) {
  const [busy, setBusy] = useState(false)
  const now = Date.now()
  const rows: KVRow[] = [
    { label: '停车场', value: s.lotName },
    { label: '车辆类型', value: SESSION_KIND_LABELS[s.kind] },
    { label: '入场时间', value: formatDateTime(s.enteredAt), id: 'parking-entered' },
    { label: '停车时长', value: minutesText((now - s.enteredAt) / 60_000), id: 'parking-duration' },
    { label: '停车费', value: <Price fen={s.feeFen} size='s' /> },
    ...(s.paidFen > 0 ? [{ label: '已缴', value: <Price fen={s.paidFen} size='s' />, id: 'parking-paid' }] : [])
  ]
  const pay = async () => {
    if (!s.payable) return
    setBusy(true)
    Taro.setStorageSync(LAST_PLATE_KEY, s.plate)
    // A new id per tap: the server refuses a second payment of the same stretch, so a retry cannot pay twice.
    const r = await checkout({ payables: [s.payable], clientRequestId: newRequestId() })
    setBusy(false)
    if (!r.ok) {
      toastError(r.error)
      onRefresh()
    }
  }
  return (
    <>
      <Section id='parking-session'>
        <View className='pk-head'>
          <Text className='pk-plate-text' id='parking-plate'>
            {s.plate}
          </Text>
          <Text className='pk-meta'>在场</Text>
        </View>
        <KVList rows={rows} />
      </Section>
      <Verdict s={s} now={now} />
      {more}
      {s.payable ? (
        <ActionBar>
          <View className='pk-total' id='parking-due'>
            <Text>应缴 </Text>
            <Price fen={s.dueFen} />
          </View>
          <Button id='parking-pay' type='primary' loading={busy} onClick={() => void pay()}>
            立即缴费
          </Button>
        </ActionBar>
      ) : null}
    </>
  )
}

/**
 * 停车缴费: a plate typed in, or the exit's QR (`?communityId&plate`), shows the car's stay, what
 * it costs, what was paid and what is due, paid through the one cashier; once paid, the time to
 * leave by. The fee is the server's, priced again when paying.
 */
export default function ParkingPayPage() {
  const { params } = useRouter()
  const linked = decodeURIComponent(params.plate ?? '')
  const [start] = useState(() => {
    const text = linked || lastPlate()
    const d = text ? draftOf(text) : emptyDraft()
    return { draft: d, checked: text ? checkPlate(d) : null }
  })
  const [draft, setDraft] = useState<PlateDraft>(start.draft)
  const [plate, setPlate] = useState(start.checked?.plate ?? '')
  // A QR or link with a malformed plate says so on the field, as a typed one would.
  const [error, setError] = useState<string | undefined>(start.checked?.error ?? undefined)
  const q = useQuery(() => api.parking.sessionByPlate({ plate }), [plate], { enabled: plate !== '' })

  const goMine = () => {
    const here = currentMe()?.current
    void Taro.navigateTo({ url: parkingLink('mine', params.communityId ?? here?.communityId, { householdId: params.householdId ?? here?.householdId }) })
  }

  const look = () => {
    const c = checkPlate(draft)
    setError(c.error ?? undefined)
    if (!c.plate) return
    Taro.setStorageSync(LAST_PLATE_KEY, c.plate)
    if (c.plate === plate) void q.reload()
    else setPlate(c.plate)
  }

  // Above the pay bar (whose spacer ends the page), so the way to the household's spaces sits under the stay.
  const mine = (
    <View className='pk-gap'>
      <Button id='parking-go-mine' fill='none' type='primary' block onClick={goMine}>
        我的车位与月卡
      </Button>
    </View>
  )

  return (
    <PageShell id='parking-pay'>
      <Section title='车牌号'>
        <Field label='输入车牌查询停车费' error={error} id='parking-plate-field'>
          <PlateInput
            id='parking-plate-input'
            value={draft}
            onChange={(d) => {
              setDraft(d)
              setError(undefined)
            }}
          />
        </Field>
        <Button id='parking-look' type='primary' fill='outline' block onClick={look}>
          查询停车费
        </Button>
      </Section>
      {plate === '' ? (
        <Notice tone='info'>在出口扫码可直接打开本页；也可以输入车牌查询后缴费，缴费后在时限内离场即可自动抬杆</Notice>
      ) : q.data === null ? (
        q.error ? (
          <ErrorState error={q.error} onRetry={() => void q.reload()} />
        ) : (
          <LoadingState />
        )
      ) : q.data.session === null ? (
        <Notice tone='warning' id='parking-none'>
          没有找到 {plate} 的在场记录。请核对车牌；如车辆已在场内，请联系出口值班人员
        </Notice>
      ) : (
        <SessionCard s={q.data.session} onRefresh={() => void q.reload()} more={mine} />
      )}
      {q.data?.session ? null : mine}
    </PageShell>
  )
}
