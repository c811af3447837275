import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { SPACE_TYPE_LABELS } from '@contracts/parking-labels'
import type { OutputOf } from '@contracts/registry'
import { api, currentMe } from '../../../../client'
import { checkout, newRequestId } from '../../../../services/payment'
import { fieldError, toastError } from '../../../../services/result'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Chip, Field, Notice, Price, Section, Segmented, Stepper, type Tone } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { parkingLink } from '../../links'
import { PlateInput } from '../../components/PlateInput'
import { type PlateDraft, checkPlate, emptyDraft, rememberPlate } from '../../plate-draft'
import '../../parking.scss'

type Mine = OutputOf<'parking.mine'>
type Space = Mine['spaces'][number]
type Card = Mine['cards'][number]

function cardState(c: Card, now: number): { text: string; tone: Tone } {
  if (c.status === 'pending') return { text: '待支付', tone: 'accent' }
  if (c.status === 'cancelled') return { text: '已取消', tone: 'muted' }
  if (c.validTo <= now) return { text: '已过期', tone: 'muted' }
  return c.validFrom > now ? { text: '待生效', tone: 'info' } : { text: '生效中', tone: 'primary' }
}

/** One space: what it is, its plates (each removable), and a plate added while there is room. */
function SpaceCard({ s, plates, known, onChanged }: { s: Space; plates: string[]; known: string[]; onChanged: () => void }) {
  const [draft, setDraft] = useState<PlateDraft>(() => emptyDraft(known))
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const full = plates.length >= s.platesPerSpace

  const add = async () => {
    const c = checkPlate(draft)
    if (c.plate === null) return setError(c.error)
    setBusy(true)
    const r = await api.parking.registerPlate({ spaceId: s.id, plate: c.plate })
    setBusy(false)
    if (!r.ok) return setError(fieldError(r.error, 'plate') ?? r.error.message)
    rememberPlate(c.plate)
    setDraft(emptyDraft([c.plate]))
    setError(undefined)
    void Taro.showToast({ title: '车牌已登记', icon: 'success' })
    onChanged()
  }

  const remove = async (plate: string) => {
    const sure = await Taro.showModal({ title: '删除车牌', content: `删除后 ${plate} 不再按本车位登记车辆出入，月卡也不能再续。确定删除吗？` })
    if (!sure.confirm) return
    const r = await api.parking.removePlate({ plate })
    if (!r.ok) return toastError(r.error)
    onChanged()
  }

  const term = s.type === 'rented' && s.rentedUntil !== null ? ` · 租期至 ${formatDate(s.rentedUntil)}` : ''
  return (
    <Section
      id={`space-${s.code}`}
      title={`${s.lotName} ${s.code}`}
      extra={<Chip text={SPACE_TYPE_LABELS[s.type]} tone={s.type === 'owned' ? 'primary' : 'info'} />}
    >
      <Text className='pk-meta'>
        已登记 {plates.length} / {s.platesPerSpace} 个车牌{term}
      </Text>
      {plates.map((p) => (
        <View key={p} className='pk-row' id={`plate-${p}`}>
          <Text className='pk-plate-text'>{p}</Text>
          <Button id={`plate-remove-${p}`} size='small' fill='outline' onClick={() => void remove(p)}>
            删除
          </Button>
        </View>
      ))}
      {full ? (
        <Notice tone='info'>每个车位最多登记 {s.platesPerSpace} 个车牌，需更换请先删除一个</Notice>
      ) : (
        <View className='pk-gap'>
          <Field label='登记车牌' error={error} id={`space-plate-field-${s.code}`}>
            <PlateInput
              id={`space-plate-${s.code}`}
              value={draft}
              onChange={(d) => {
                setDraft(d)
                setError(undefined)
              }}
            />
          </Field>
          <Button id={`space-plate-add-${s.code}`} type='primary' fill='outline' block loading={busy} onClick={() => void add()}>
            登记车牌
          </Button>
        </View>
      )}
    </Section>
  )
}

/** A monthly card bought (or renewed from where the current one ends) for one registered plate, then paid. */
function BuyCard({ plates, spaces, cards }: { plates: Mine['plates']; spaces: Space[]; cards: Card[] }) {
  const [plate, setPlate] = useState(plates[0]?.plate ?? '')
  const [months, setMonths] = useState(1)
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<ApiError | null>(null)
  const requestId = useRef(newRequestId())
  const chosen = plates.find((p) => p.plate === plate) ?? plates[0]
  const space = spaces.find((s) => s.id === chosen?.spaceId)
  const lotId = space?.lotId
  const monthlyFen = space?.monthlyFen ?? null
  const now = Date.now()
  const running = cards.filter((c) => c.plate === chosen?.plate && c.status === 'active' && c.validTo > now).sort((a, b) => b.validTo - a.validTo)[0]

  const buy = async () => {
    if (!chosen || !lotId) return
    setBusy(true)
    const r = await api.parking.buyCard({ lotId, plate: chosen.plate, months, clientRequestId: requestId.current })
    if (!r.ok) {
      setBusy(false)
      // Only a lost answer is retried with the same id; a refusal starts a new attempt.
      if (r.error.code !== 'TRANSPORT.FAILED') requestId.current = newRequestId()
      setRefused(r.error)
      return
    }
    requestId.current = newRequestId()
    setRefused(null)
    const paid = r.data.payable ? await checkout({ payables: [r.data.payable], clientRequestId: newRequestId() }) : null
    setBusy(false)
    if (paid && !paid.ok) toastError(paid.error)
  }

  if (!chosen) return <Notice tone='info'>登记车牌后即可办理月卡</Notice>
  if (monthlyFen === null) {
    return (
      <Notice tone='info' id='card-none'>
        {space?.lotName ?? '该停车场'}暂未开放月卡，如需办理请联系物业
      </Notice>
    )
  }
  return (
    <Section title={running ? '月卡续费' : '办理月卡'} id='card-buy'>
      {plates.length > 1 ? (
        <Field label='车牌'>
          <Segmented id='card-plate' value={chosen.plate} options={plates.map((p) => ({ value: p.plate, label: p.plate }))} onChange={setPlate} />
        </Field>
      ) : (
        <Field label='车牌'>
          <Text className='pk-plate-text'>{chosen.plate}</Text>
        </Field>
      )}
      <Field label='月数' error={fieldError(refused, 'months')} hint={running ? `从现有月卡到期日 ${formatDate(running.validTo)} 起续` : '支付成功后立即生效'}>
        <Stepper id='card-months' value={months} min={1} max={12} onChange={setMonths} />
      </Field>
      <Field label='费用'>
        <View className='pk-row' id='card-price'>
          <Text className='pk-meta'>
            <Price fen={monthlyFen} size='s' /> / 月 × {months}
          </Text>
          <Price fen={monthlyFen * months} />
        </View>
      </Field>
      {refused && !fieldError(refused, 'months') ? (
        <Notice tone='danger' id='card-error'>
          {fieldError(refused, 'plate') ?? refused.message}
        </Notice>
      ) : null}
      <Button id='card-submit' type='primary' block loading={busy} onClick={() => void buy()}>
        {running ? '续费并支付' : '办理并支付'}
      </Button>
    </Section>
  )
}

/** 我的车位: the household's spaces with their plates, its monthly cards, and buying or renewing one. */
export default function ParkingMinePage() {
  const { params } = useRouter()
  const householdId = decodeURIComponent(params.householdId ?? '') || currentMe()?.current?.householdId || ''
  const q = useQuery(() => api.parking.mine({ householdId }), [householdId], { enabled: householdId !== '' })
  const reload = () => void q.reload()

  const payCard = async (c: Card) => {
    if (!c.payable) return
    const r = await checkout({ payables: [c.payable], clientRequestId: newRequestId() })
    if (!r.ok) {
      toastError(r.error)
      reload()
    }
  }

  return (
    <PageShell
      id='parking-mine'
      query={q}
      empty={(d) => (d.spaces.length === 0 && d.cards.length === 0 ? { title: '本户暂无车位', hint: '购买或租用车位后，请联系物业登记，即可在这里登记车牌、办理月卡' } : null)}
    >
      {(d) => {
        const now = Date.now()
        const cards = [...d.cards].sort((a, b) => b.validTo - a.validTo)
        return (
          <>
            {d.spaces.map((s) => (
              <SpaceCard key={s.id} s={s} plates={d.plates.filter((p) => p.spaceId === s.id).map((p) => p.plate)} known={d.plates.map((p) => p.plate)} onChanged={reload} />
            ))}
            {cards.length > 0 ? (
              <CellGroup title='我的月卡' id='parking-cards'>
                {cards.map((c) => {
                  const st = cardState(c, now)
                  return (
                    <Cell
                      key={c.id}
                      id={`card-${c.plate}-${c.status}`}
                      icon='card'
                      title={`${c.plate} · ${c.months} 个月`}
                      desc={`${formatDate(c.validFrom)} 至 ${formatDate(c.validTo)}`}
                      extra={
                        c.payable ? (
                          <Button id={`card-pay-${c.plate}`} size='small' type='primary' onClick={() => void payCard(c)}>
                            去支付
                          </Button>
                        ) : (
                          <Chip text={st.text} tone={st.tone} />
                        )
                      }
                    />
                  )
                })}
              </CellGroup>
            ) : null}
            <View className='pk-gap'>
              <BuyCard plates={d.plates} spaces={d.spaces} cards={d.cards} />
            </View>
            <ButtonRow>
              <Button id='parking-go-pay' fill='outline' type='primary' block onClick={() => void Taro.navigateTo({ url: parkingLink('pay', params.communityId ?? currentMe()?.current?.communityId) })}>
                临时停车缴费
              </Button>
            </ButtonRow>
          </>
        )
      }}
    </PageShell>
  )
}
