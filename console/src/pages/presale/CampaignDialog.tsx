import { useState } from 'react'
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, MessagePlugin, Radio, Select, Switch, Textarea } from 'tdesign-react'
import { DELIVERY_MODES, DELIVERY_MODE_LABELS, type CampaignViewT, type ProductViewT } from '@contracts/order'
import { NEED_LABELS } from '@contracts/insights-labels'
import type { ProposalViewT } from '@contracts/proposal'
import { type Draft, blankDraft, checkDraft, dayStart, draftOf, rowsFor, skuKeyed } from '../../../../src/utils/campaign-draft'
import type { FieldErrors } from '../../../../src/utils/form-errors'
import { formatFen, parseYuan } from '../../../../src/utils/money'
import { formatDate, formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { NeedPicker } from '../../shell/NeedPicker'
import { PhotoField } from '../../shell/PhotoField'
import { CompetitorCompare } from './CompetitorCompare'

interface Catalog {
  products: ProductViewT[]
  pickupPoints: { id: string; name: string; address: string }[]
  buildings: { id: string; name: string }[]
}

/** A time picked to the minute; an unreadable one keeps the previous value. */
const picked = (v: unknown, previous: number, dateOnlyHour?: number) => {
  const ms = parseShanghai(String(v ?? ''), dateOnlyHour)
  return Number.isNaN(ms) ? previous : ms
}

/** 产品包: what residents save against buying the parts, at the typed price. */
function Saving({ priceFen, partsFen }: { priceFen: number | null; partsFen: number }) {
  if (priceFen === null) return <span className='sku-margin'>单买合计 {formatFen(partsFen)}</span>
  const saving = partsFen - priceFen
  return <span className={`sku-margin${saving <= 0 ? ' sku-margin--loss' : ''}`}>{saving > 0 ? `比单买 ${formatFen(partsFen)} 省 ${formatFen(saving)}` : `不低于单买合计 ${formatFen(partsFen)}`}</span>
}

/** Cost and margin of one SKU at the typed price: what the clerk weighs before saving. */
function Margin({ priceFen, costFen }: { priceFen: number | null; costFen: number | null }) {
  if (costFen === null) return <span className='sku-margin'>成本未填</span>
  if (priceFen === null) return <span className='sku-margin'>成本 {formatFen(costFen)}</span>
  const margin = priceFen - costFen
  return (
    <span className={`sku-margin${margin < 0 ? ' sku-margin--loss' : ''}`}>
      成本 {formatFen(costFen)} · {margin < 0 ? `每份亏 ${formatFen(-margin)}` : `毛利 ${formatFen(margin)}（${Math.round((margin / priceFen) * 100)}%）`}
    </span>
  )
}

/** What the audience fields mean as chosen: who will see the sale in their list and in 为你推荐. */
function audienceHelp(a: Draft['audience'], buildings: Catalog['buildings']): string {
  if (a.buildingIds.length === 0 && a.needs.length === 0) return '不选即全社区可见；选了楼栋或需求（五省），只有对应住户在预售列表和「为你推荐」中看到'
  const names = a.buildingIds.map((id) => buildings.find((b) => b.id === id)?.name ?? '').filter(Boolean)
  const needs = a.needs.map((n) => NEED_LABELS[n])
  return `只给${names.length ? names.join('、') : '全部楼栋'}${needs.length ? `中看重${needs.join('或')}的住户` : '的住户'}看到；分享链接打开仍可购买`
}

/** A proposal's pre-sale starts from it: its title, photos and text, its limit and threshold, on sale now. */
function fromProposal(p: ProposalViewT, now: number): Draft {
  const blank = blankDraft(now)
  return { ...blank, title: p.title, description: p.description, images: [...p.images], startAt: now, limit: p.householdLimit, threshold: String(p.threshold) }
}

/**
 * A pre-sale campaign as a draft: the product and the SKUs on sale with their pre-sale price and
 * stock, photos, the sale window, the household limit, the group threshold (成团) and delivery.
 * The same draft rules as the mini-program's editor; publishing (from the list) creates the stock.
 * Given a proposal (意向登记), it converts it instead: on sale at once, each registration reserved.
 */
export function CampaignDialog({ campaign, proposal = null, catalog, onClose }: { campaign: CampaignViewT | null; proposal?: ProposalViewT | null; catalog: Catalog; onClose: (saved: string | null) => void }) {
  const [d, setD] = useState<Draft>(() => (campaign ? draftOf(campaign) : proposal ? fromProposal(proposal, Date.now()) : blankDraft(Date.now())))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))
  const product = catalog.products.find((p) => p.id === d.productId) ?? null
  const status = (key: string) => (errors[key] ? { status: 'error' as const, tips: errors[key] } : {})

  const pickProduct = (productId: string) => {
    const p = catalog.products.find((x) => x.id === productId)
    if (!p) return
    // A conversion reserves on the first SKU: at least what was registered, 50 more for everyone else.
    const rows = rowsFor(p)
    if (proposal) for (const id of Object.keys(rows).slice(0, 1)) rows[id] = { on: true, price: rows[id]?.price ?? '', stock: String(proposal.registered + 50) }
    set({ productId, title: d.title || `${p.name} · 预售`, skus: rows })
  }

  const submit = async () => {
    // A conversion goes on sale when it is sent, not when the dialog opened.
    const checked = checkDraft(proposal ? { ...d, startAt: Date.now() } : d)
    setFormError(null)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    if (proposal) {
      const converted = await api.order.convertProposal({ proposalId: proposal.id, campaign: checked.campaign })
      setBusy(false)
      if (!converted.ok) {
        const refused = splitRefusal(converted.error, 'campaign.')
        setErrors(skuKeyed(refused.fields, Object.keys(d.skus).filter((id) => d.skus[id]?.on)))
        return setFormError(refused.message)
      }
      const r = converted.data.proposal.reserved
      return onClose(r ? `「${checked.campaign.title}」已开售，为 ${r.orders} 户预留 ${r.quantity} ${product?.unit ?? '份'}${r.unreserved ? `，${r.unreserved} 户未能预留` : ''}，已通知付款` : `「${checked.campaign.title}」已开售`)
    }
    const res = await api.order.saveCampaign({ ...(campaign ? { id: campaign.id } : {}), campaign: checked.campaign })
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, 'campaign.')
      setErrors(skuKeyed(refused.fields, Object.keys(d.skus).filter((id) => d.skus[id]?.on)))
      return setFormError(refused.message)
    }
    for (const w of res.data.warnings) void MessagePlugin.warning({ content: w, duration: 8000 })
    onClose(res.data.title)
  }
  // Our cheapest SKU on sale, as typed, for the comparison with competitors.
  const ours =
    product?.skus
      .flatMap((s) => {
        const row = d.skus[s.id]
        const fen = row?.on ? parseYuan(row.price) : null
        return fen === null ? [] : [{ priceFen: fen, sku: s.name }]
      })
      .sort((a, b) => a.priceFen - b.priceFen)[0] ?? null

  return (
    <FormDialog
      header={campaign ? `修改${campaign.title}` : proposal ? `转为预售：${proposal.title}` : '新建预售'}
      width={860}
      saveId='campaign-save'
      saveText={proposal ? '立即开售并通知登记住户' : '保存草稿'}
      busy={busy}
      onSave={() => void submit()}
      onCancel={() => onClose(null)}
    >
      {proposal ? (
        <Alert
          theme='warning'
          message={`${proposal.households} 户登记了 ${proposal.registered} ${proposal.unit}（成团 ${proposal.threshold}）。提交后立即开售，登记的数量按第一个规格为各户预留，48 小时内付款确认，逾期自动释放。`}
        />
      ) : (
        <Alert theme='info' message='保存为草稿；在列表中「发布」后建立库存，到开始时间自动开售。发布后不能再修改。' />
      )}
      <Form labelWidth={104} colon={false}>
        <Field label='商品' required {...status('productId')} help={catalog.products.length ? undefined : '请先在「商品」中新增商品'}>
          <Select
            className='campaign-product'
            value={d.productId}
            placeholder='选择要预售的商品'
            filterable
            style={{ width: 360 }}
            onChange={(v) => pickProduct(String(v ?? ''))}
            options={catalog.products.map((p) => ({ value: p.id, label: `${p.name}（${p.supplierName}）` }))}
          />
        </Field>
        <Field label='标题' required {...status('title')}>
          <Input name='campaign-title' value={d.title} maxlength={30} placeholder='例如：赣南脐橙 · 产地直发' onChange={(v) => set({ title: String(v) })} />
        </Field>
        {product ? (
          <Field label='规格' required {...status('skus')} help='勾选上架的规格，填写预售价与库存；日常价在预售页划线显示'>
            <div className='rows'>
              {product.skus.map((s) => {
                const row = d.skus[s.id] ?? { on: false, price: '', stock: '' }
                const setRow = (x: Partial<typeof row>) => set({ skus: { ...d.skus, [s.id]: { ...row, ...x } } })
                const price = status(`sku.${s.id}.priceFen`)
                const stock = status(`sku.${s.id}.stock`)
                return (
                  <div className='rows__row sku-row' key={s.id}>
                    <Checkbox checked={row.on} onChange={(v) => setRow({ on: Boolean(v) })} style={{ width: 190, flexShrink: 0, paddingTop: 5 }}>
                      {s.name}（日常 {formatFen(s.priceFen)}）
                    </Checkbox>
                    <Input className='sku-price' disabled={!row.on} value={row.price} prefixIcon={<span className='unit'>预售价</span>} suffix='元' style={{ width: 170 }} status={price.status} tips={price.tips} onChange={(v) => setRow({ price: String(v) })} />
                    <Input className='sku-stock' disabled={!row.on} value={row.stock} prefixIcon={<span className='unit'>库存</span>} suffix={product.unit} style={{ width: 140 }} status={stock.status} tips={stock.tips} onChange={(v) => setRow({ stock: String(v) })} />
                    {row.on ? <Margin priceFen={parseYuan(row.price)} costFen={s.costFen} /> : null}
                    {row.on && product.partsFen !== null ? <Saving priceFen={parseYuan(row.price)} partsFen={product.partsFen} /> : null}
                  </div>
                )
              })}
            </div>
          </Field>
        ) : null}
        {product ? (
          <Field label='竞品价格' help={`对方开售当天的价格（促销进行中按活动价）${ours ? `，与「${ours.sku}」预售价 ${formatFen(ours.priceFen)} 比较` : ''}`}>
            <CompetitorCompare productId={product.id} ours={ours} at={d.startAt} />
          </Field>
        ) : null}
        <Field label='封面' {...status('cover')} help='不上传则用商品的第一张图片'>
          <PhotoField id='campaign-cover' label='封面' max={1} value={d.cover} onChange={(cover) => set({ cover })} />
        </Field>
        <Field label='预售图片' {...status('images')} help='不上传则展示商品图片'>
          <PhotoField id='campaign-images' label='预售图片' max={6} size={80} value={d.images} onChange={(images) => set({ images })} />
        </Field>
        <Field label='开售时间' required {...status('startAt')}>
          {proposal ? (
            <span className='muted'>提交后立即开售</span>
          ) : (
            <DatePicker className='campaign-start' enableTimePicker format='YYYY-MM-DD HH:mm' value={formatDateTime(d.startAt)} onChange={(v) => set({ startAt: picked(v, d.startAt) })} />
          )}
        </Field>
        <Field label='截止时间' required {...status('endAt')} help='最长 30 天；到时未成团的订单自动原路退款'>
          <DatePicker className='campaign-end' enableTimePicker format='YYYY-MM-DD HH:mm' value={formatDateTime(d.endAt)} onChange={(v) => set({ endAt: picked(v, d.endAt) })} />
        </Field>
        <Field label='每户限购' required {...status('householdLimit')}>
          <InputNumber className='campaign-limit' value={d.limit} min={1} max={99} theme='column' suffix='份' style={{ width: 140 }} onChange={(v) => set({ limit: Number(v) || 1 })} />
        </Field>
        <Field label='成团' {...status('threshold')} help={d.threshold === null ? '不设门槛：付款即成交' : '截止时全社区已付数量达到即成团，否则全部退款'}>
          <div className='inline-fields'>
            <Switch value={d.threshold !== null} onChange={(v) => set({ threshold: v ? '20' : null })} />
            {d.threshold !== null ? <Input className='campaign-threshold' value={d.threshold} suffix={`${product?.unit ?? '份'}成团`} style={{ width: 160 }} onChange={(v) => set({ threshold: String(v) })} /> : null}
          </div>
        </Field>
        <Field label='配送方式' {...status('deliveryMode')}>
          <Radio.Group variant='default-filled' value={d.mode} onChange={(v) => set({ mode: DELIVERY_MODES.find((m) => m === v) ?? 'door' })}>
            {DELIVERY_MODES.map((m) => (
              <Radio.Button key={m} value={m}>
                {DELIVERY_MODE_LABELS[m]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        {d.mode === 'pickup' ? (
          <Field label='自提点' required {...status('pickupPointId')} help={catalog.pickupPoints.length ? undefined : '请先在「门禁与自提点」中新增自提点'}>
            <Select
              className='campaign-pickup'
              value={d.pickupPointId}
              placeholder='选择自提点'
              style={{ width: 360 }}
              onChange={(v) => set({ pickupPointId: String(v ?? '') })}
              options={catalog.pickupPoints.map((p) => ({ value: p.id, label: `${p.name} · ${p.address}` }))}
            />
          </Field>
        ) : null}
        <Field label='配送日期' required {...status('deliveryDate')} help='当天上午开始送货或自提'>
          <DatePicker className='campaign-delivery' format='YYYY-MM-DD' value={formatDate(d.deliveryDay)} onChange={(v) => set({ deliveryDay: dayStart(picked(v, d.deliveryDay, 0)) })} />
        </Field>
        <Field label='目标住户' {...status('audience')} help={audienceHelp(d.audience, catalog.buildings)}>
          <div className='audience-fields'>
            <Select
              className='campaign-buildings'
              multiple
              clearable
              value={d.audience.buildingIds}
              placeholder='全部楼栋'
              style={{ width: 360 }}
              onChange={(v) => set({ audience: { ...d.audience, buildingIds: Array.isArray(v) ? v.map(String) : [] } })}
              options={catalog.buildings.map((b) => ({ value: b.id, label: b.name }))}
            />
            <NeedPicker id='campaign-audience-needs' value={d.audience.needs} onChange={(needs) => set({ audience: { ...d.audience, needs } })} />
          </div>
        </Field>
        <Field label='介绍' {...status('description')}>
          <Textarea name='campaign-description' value={d.description} maxlength={1000} autosize={{ minRows: 3, maxRows: 8 }} placeholder='卖点、产地、配送说明' onChange={(v) => set({ description: String(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
