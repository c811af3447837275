import { useState } from 'react'
import { Alert, DatePicker, DateRangePicker, Form, Input, Select, Switch } from 'tdesign-react'
import { COMPETITOR_CHANNELS, COMPETITOR_CHANNEL_LABELS, type CompetitorPriceViewT, PROMO_FESTIVALS, PROMO_FESTIVAL_LABELS, type PromoFestival } from '@contracts/competitor'
import type { ApiError } from '@contracts/errors'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { formatDate, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'

const DAY = 24 * 3600_000

interface Promo {
  name: string
  festival: PromoFestival
  from: number
  /** The promotion's last day (its midnight); it runs through that day. */
  to: number
  price: string
}

/** A picked day's Shanghai midnight; an unreadable one keeps the previous value. */
const day = (v: unknown, previous: number) => {
  const ms = parseShanghai(String(v ?? ''), 0)
  return Number.isNaN(ms) ? previous : ms
}

/**
 * One sighting of a competitor's offer: who and where, the item compared with ours, its price,
 * a promotion with its dates (618, 双11, 双12…), what else it gives, and the day it was seen.
 */
export function CompetitorDialog(props: { price: CompetitorPriceViewT | null; products: { id: string; name: string }[]; defaultProductId?: string; onClose: (saved: string | null) => void }) {
  const p = props.price
  const today = parseShanghai(formatDate(Date.now()), 0)
  const [d, setD] = useState({
    competitor: p?.competitor ?? '',
    channel: p?.channel ?? ('ecommerce' as const),
    productId: p ? p.productId : (props.defaultProductId ?? null),
    item: p?.item ?? '',
    price: p ? yuanInput(p.priceFen) : '',
    addedValue: p?.addedValue ?? '',
    seenAt: p ? parseShanghai(formatDate(p.seenAt), 0) : today
  })
  const [promo, setPromo] = useState<Promo | null>(
    p?.promotion ? { name: p.promotion.name, festival: p.promotion.festival, from: p.promotion.startAt, to: p.promotion.endAt - DAY, price: p.promotion.priceFen === null ? '' : yuanInput(p.promotion.priceFen) } : null
  )
  const [error, setError] = useState<ApiError | null>(null)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (x: Partial<typeof d>) => setD((v) => ({ ...v, ...x }))
  const status = (path: string) => (typed[path] ? { status: 'error' as const, tips: typed[path] } : fieldStatus(error, `price.${path}`))

  const submit = async () => {
    const priceFen = parseYuan(d.price)
    const promoFen = promo && promo.price.trim() ? parseYuan(promo.price) : null
    const wrong: Record<string, string> = {}
    if (priceFen === null) wrong.priceFen = '请填写价格，最多两位小数'
    if (promo && promo.price.trim() && promoFen === null) wrong['promotion.priceFen'] = '活动价最多两位小数，不是价格促销可留空'
    setTyped(wrong)
    if (Object.keys(wrong).length || priceFen === null) return
    setBusy(true)
    const res = await api.order.saveCompetitorPrice({
      ...(p ? { id: p.id } : {}),
      price: {
        competitor: d.competitor,
        channel: d.channel,
        productId: d.productId,
        item: d.item,
        priceFen,
        promotion: promo ? { name: promo.name, festival: promo.festival, startAt: promo.from, endAt: promo.to + DAY, priceFen: promoFen } : null,
        addedValue: d.addedValue,
        seenAt: d.seenAt
      }
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    props.onClose(`${res.data.competitor}的价格`)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={p ? `修改${p.competitor}的价格` : '记录竞品价格'} width={720} saveId='competitor-save' busy={busy} onSave={() => void submit()} onCancel={() => props.onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='竞品' required {...status('competitor')}>
          <Input name='competitor-name' value={d.competitor} placeholder='例如：盒马鲜生、美团优选、永辉超市' maxlength={20} onChange={(v) => set({ competitor: String(v) })} />
        </Field>
        <Field label='渠道' {...status('channel')}>
          <Select
            className='competitor-channel'
            value={d.channel}
            style={{ width: 200 }}
            onChange={(v) => set({ channel: COMPETITOR_CHANNELS.find((c) => c === v) ?? 'other' })}
            options={COMPETITOR_CHANNELS.map((c) => ({ value: c, label: COMPETITOR_CHANNEL_LABELS[c] }))}
          />
        </Field>
        <Field label='对比商品' {...status('productId')} help='选我们的同类商品，新建预售时会在价格旁边看到这条对比'>
          <Select
            className='competitor-product'
            value={d.productId ?? ''}
            clearable
            placeholder='不对比具体商品'
            style={{ width: 320 }}
            onChange={(v) => set({ productId: v ? String(v) : null })}
            options={props.products.map((x) => ({ value: x.id, label: x.name }))}
          />
        </Field>
        <Field label='对方商品' required {...status('item')}>
          <Input name='competitor-item' value={d.item} placeholder='名称与规格，例如：有机时蔬组合 5 斤' maxlength={40} onChange={(v) => set({ item: String(v) })} />
        </Field>
        <Field label='日常价' required {...status('priceFen')}>
          <Input name='competitor-price' value={d.price} placeholder='0.00' suffix='元' style={{ width: 160 }} onChange={(v) => {
              set({ price: String(v) })
              setTyped(({ priceFen: _, ...rest }) => rest)
            }} />
        </Field>
        <Field label='促销' {...status('promotion')} help={promo ? '活动期间按活动价比较' : '对方正在或将要做的促销，如 618、双11、双12'}>
          <Switch value={promo !== null} onChange={(v) => setPromo(v ? { name: '', festival: 'double12', from: today, to: today + 2 * DAY, price: '' } : null)} />
        </Field>
        {promo ? (
          <>
            <Field label='活动名称' required {...status('promotion.name')}>
              <div className='inline-fields'>
                <Select
                  className='competitor-festival'
                  value={promo.festival}
                  style={{ width: 130 }}
                  onChange={(v) => setPromo({ ...promo, festival: PROMO_FESTIVALS.find((f) => f === v) ?? 'other' })}
                  options={PROMO_FESTIVALS.map((f) => ({ value: f, label: PROMO_FESTIVAL_LABELS[f] }))}
                />
                <Input name='competitor-promo-name' value={promo.name} placeholder='例如：双12 年终好价' maxlength={20} style={{ width: 260 }} onChange={(v) => setPromo({ ...promo, name: String(v) })} />
              </div>
            </Field>
            <Field label='活动日期' required {...status('promotion.endAt')}>
              <DateRangePicker
                className='competitor-promo-dates'
                value={[formatDate(promo.from), formatDate(promo.to)]}
                onChange={(v) => {
                  const [from, to] = Array.isArray(v) ? v : []
                  setPromo({ ...promo, from: day(from, promo.from), to: day(to, promo.to) })
                }}
              />
            </Field>
            <Field label='活动价' {...status('promotion.priceFen')}>
              <Input name='competitor-promo-price' value={promo.price} placeholder='满减、赠品可留空' suffix='元' style={{ width: 180 }} onChange={(v) => {
                setPromo({ ...promo, price: String(v) })
                setTyped(({ ['promotion.priceFen']: _, ...rest }) => rest)
              }} />
            </Field>
          </>
        ) : null}
        <Field label='附加价值' {...status('addedValue')}>
          <Input name='competitor-added' value={d.addedValue} placeholder='例如：30 分钟送达、满 99 包邮、不好吃包退' maxlength={100} onChange={(v) => set({ addedValue: String(v) })} />
        </Field>
        <Field label='看到日期' required {...status('seenAt')}>
          <DatePicker className='competitor-seen' format='YYYY-MM-DD' value={formatDate(d.seenAt)} onChange={(v) => set({ seenAt: day(v, d.seenAt) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
