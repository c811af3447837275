import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import { SESSION_KIND_LABELS, type SessionKind } from '@contracts/parking-labels'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { checkout, checkoutAsDriver, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { formatDateTime, minutesText, shanghai } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Field, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { ErrorState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { parkingLink } from '../../links'
import { PlateInput } from '../../components/PlateInput'
import { type PlateDraft, checkPlate, draftOf, emptyDraft, lastPlate, rememberPlate } from '../../plate-draft'
import '../../parking.scss'

/** A stay as the exit page shows it: a resident sees its kind too; a driver's view names nothing more than the car. */
type Session = NonNullable<OutputOf<'parking.driverSession'>['session']> & { kind?: SessionKind; coveredUntil?: number | null }

const clock = (ms: number) => shanghai(ms).format('HH:mm')

/** What the driver needs to know before the barrier: pay now, leave by a time, or simply drive out. */
function Verdict({ s, now }: { s: Session; now: number }) {
  if (s.dueFen > 0) {
    return s.graceUntil !== null && s.graceUntil <= now ? (
      <Notice tone='warning' id='parking-overdue'>
        已超过 {clock(s.graceUntil)} 的离场时限，需补缴超时的停车费
      </Notice>
    ) : (
      <Notice tone='info' id='parking-grace'>
        缴费后请在 {s.graceMinutes} 分钟内从出口离开，超时需补缴
      </Notice>
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

/** Pays what is due: from the resident's home, or at a lot's exit as whoever stands there. */
type Pay = (payable: NonNullable<Session['payable']>) => ReturnType<typeof checkout>

function SessionCard({ s, pay: payWith, onRefresh, more }: { s: Session; pay: Pay; onRefresh: () => void; more: ReactNode }) {
  const [busy, setBusy] = useState(false)
  const now = Date.now()
  const rows: KVRow[] = [
    { label: '停车场', value: s.lotName },
    ...(s.kind ? [{ label: '车辆类型', value: SESSION_KIND_LABELS[s.kind] }] : []),
    { label: '入场时间', value: formatDateTime(s.enteredAt), id: 'parking-entered' },
    // A card or pass that ended during the stay: the fee runs from its end, which the driver should see.
    ...(s.coveredUntil ? [{ label: s.kind === 'visitor' ? '通行证免费至' : '月卡有效至', value: formatDateTime(s.coveredUntil), id: 'parking-covered' }] : []),
    { label: '停车时长', value: minutesText((now - s.enteredAt) / 60_000), id: 'parking-duration' },
    { label: '停车费', value: <Price fen={s.feeFen} size='s' /> },
    ...(s.paidFen > 0 ? [{ label: '已缴', value: <Price fen={s.paidFen} size='s' />, id: 'parking-paid' }] : [])
  ]
  const pay = async () => {
    if (!s.payable) return
    setBusy(true)
    rememberPlate(s.plate)
    // A new id per tap: the server refuses a second payment of the same stretch, so a retry cannot pay twice.
    const r = await payWith(s.payable)
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
 * 停车缴费: a plate typed in, or the exit's QR (`?communityId&lotId&plate`), shows the car's stay,
 * what it costs, what was paid and what is due, paid through the one cashier; once paid, the time
 * to leave by. The fee is the server's, priced again when paying.
 *
 * A resident of the community pays from their home (it counts on the home's records and points).
 * Anyone else who scanned an exit's QR (a visitor, a delivery driver) looks the car up in that lot
 * and pays as a driver; without a QR there is no lot to look in.
 */
export default function ParkingPayPage() {
  const { params } = useRouter()
  const { me, loading: signingIn } = useSession()
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
  const lotId = params.lotId ? decodeURIComponent(params.lotId) : ''
  const resident = Boolean(me?.current?.householdId) && me?.current?.communityId === communityId
  const driverLot = lotId !== '' && !resident ? lotId : null
  // Signed out, the lookup itself asks for the sign-in (the client sends the person there and back).
  const signedOut = !signingIn && me === null
  const canLook = resident || driverLot !== null || signedOut
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
  const q = useQuery<{ session: Session | null }>(
    () => (driverLot ? api.parking.driverSession({ lotId: driverLot, plate }) : api.parking.sessionByPlate({ plate })),
    [plate, driverLot],
    // Who is asking decides which way to look the car up: wait for the sign-in.
    { enabled: plate !== '' && !signingIn && canLook }
  )
  const pay: Pay = (payable) =>
    driverLot ? checkoutAsDriver({ lotId: driverLot, payables: [payable], clientRequestId: newRequestId() }, communityId) : checkout({ payables: [payable], clientRequestId: newRequestId() })

  const goMine = () => {
    void Taro.navigateTo({ url: parkingLink('mine', communityId, { householdId: params.householdId ?? me?.current?.householdId }) })
  }

  const look = () => {
    const c = checkPlate(draft)
    setError(c.error ?? undefined)
    if (!c.plate) return
    rememberPlate(c.plate)
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
      {!signingIn && !canLook ? (
        <Notice tone='info' id='parking-scan'>
          请在停车场出口扫描缴费二维码，即可查询并缴纳停车费
        </Notice>
      ) : plate === '' ? (
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
        <SessionCard s={q.data.session} pay={pay} onRefresh={() => void q.reload()} more={resident ? mine : null} />
      )}
      {q.data?.session || !resident ? null : mine}
    </PageShell>
  )
}
