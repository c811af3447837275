import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CampaignDraftSchema, DELIVERY_MODES, DELIVERY_MODE_LABELS, type DeliveryMode } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Catalog, PRESALE_ADMIN_PKG, catalog, getCampaign, publishCampaign, saveCampaign, savePickupPoint } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { Input, TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { formatFen, yuanInput } from '../../../../utils/money'
import { formatDate, formatDateTime, parseShanghai } from '../../../../utils/time'
import { int, yuanToFen } from '../../form'
import '../../../presale/presale.scss'

interface SkuRow {
  on: boolean
  price: string
  stock: string
}

interface Draft {
  title: string
  description: string
  productId: string
  skus: Record<string, SkuRow>
  start: string
  end: string
  limit: string
  threshold: string
  mode: DeliveryMode
  pickupPointId: string
  deliveryDate: string
}

const DAY = 24 * 3600_000

function blank(now: number): Draft {
  const day = Math.floor((now + 8 * 3600_000) / DAY) * DAY - 8 * 3600_000
  return {
    title: '',
    description: '',
    productId: '',
    skus: {},
    start: formatDateTime(day + DAY + 9 * 3600_000),
    end: formatDateTime(day + 4 * DAY + 20 * 3600_000),
    limit: '2',
    threshold: '',
    mode: 'door',
    pickupPointId: '',
    deliveryDate: formatDate(day + 6 * DAY)
  }
}

function Field(props: { label: string; id: string; value: string; error?: string; placeholder?: string; onChange: (v: string) => void }) {
  return (
    <View className='ps-field'>
      <Text className='ps-label'>{props.label}</Text>
      <View className='ps-input'>
        <Input id={props.id} value={props.value} placeholder={props.placeholder ?? ''} onChange={(v: string) => props.onChange(v)} />
      </View>
      {props.error ? <Text className='field-error'>{props.error}</Text> : null}
    </View>
  )
}

/**
 * The campaign editor: pick a product from the catalog, set each SKU's campaign price and stock,
 * the sale window, the household limit, the group threshold and the delivery. Saved as a draft;
 * publishing creates the stock and freezes it.
 */
export default function EditCampaignPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [cat, setCat] = useState<Catalog | null>(null)
  const [d, setD] = useState<Draft>(blank(Date.now()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [newPoint, setNewPoint] = useState({ name: '', address: '' })

  useDidShow(() => {
    void catalog().then((r) => (r.ok ? setCat(r.data) : setError(r.error)))
    if (id) {
      void getCampaign(id).then((r) => {
        if (!r.ok) return setError(r.error)
        const c = r.data.campaign
        setD({
          title: c.title,
          description: c.description,
          productId: c.productId,
          skus: Object.fromEntries(c.skus.map((s) => [s.id, { on: true, price: yuanInput(s.priceFen), stock: String(s.stock) }])),
          start: formatDateTime(c.startAt),
          end: formatDateTime(c.endAt),
          limit: String(c.householdLimit),
          threshold: c.threshold === null ? '' : String(c.threshold),
          mode: c.delivery.mode,
          pickupPointId: c.delivery.pickupPoint?.id ?? '',
          deliveryDate: formatDate(c.delivery.date)
        })
      })
    }
  })
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch })
  const product = cat?.products.find((p) => p.id === d.productId)

  const pickProduct = (productId: string) => {
    const p = cat?.products.find((x) => x.id === productId)
    set({
      productId,
      title: d.title || (p ? `${p.name} · 预售` : ''),
      skus: Object.fromEntries((p?.skus ?? []).map((s) => [s.id, { on: true, price: yuanInput(s.priceFen), stock: '50' }]))
    })
  }

  const toInput = () => ({
    title: d.title,
    description: d.description,
    productId: d.productId,
    skus: Object.entries(d.skus)
      .filter(([, r]) => r.on)
      .map(([skuId, r]) => ({ skuId, priceFen: yuanToFen(r.price), stock: int(r.stock) })),
    startAt: parseShanghai(d.start, 0),
    endAt: parseShanghai(d.end, 0),
    householdLimit: int(d.limit),
    threshold: d.threshold.trim() === '' ? null : int(d.threshold),
    deliveryMode: d.mode,
    pickupPointId: d.mode === 'pickup' ? d.pickupPointId || null : null,
    deliveryDate: parseShanghai(d.deliveryDate, 9)
  })

  const save = async (andPublish: boolean) => {
    const parsed = CampaignDraftSchema.safeParse(toInput())
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
      return
    }
    setErrors({})
    setBusy(true)
    const r = await saveCampaign({ ...(id ? { id } : {}), campaign: parsed.data })
    if (!r.ok) {
      setBusy(false)
      setError(r.error)
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^campaign\./, ''), f.message])))
      return
    }
    setId(r.data.id)
    if (andPublish) {
      const p = await publishCampaign(r.data.id)
      setBusy(false)
      if (!p.ok) return toastError(p.error)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setTimeout(() => void Taro.redirectTo({ url: `${PRESALE_ADMIN_PKG}/dashboard/index?id=${r.data.id}` }), 600)
      return
    }
    setBusy(false)
    void Taro.showToast({ title: '草稿已保存', icon: 'success' })
  }

  const addPoint = async () => {
    const r = await savePickupPoint({ point: { name: newPoint.name, address: newPoint.address } })
    if (!r.ok) return toastError(r.error)
    setNewPoint({ name: '', address: '' })
    set({ pickupPointId: r.data.id })
    const c = await catalog()
    if (c.ok) setCat(c.data)
  }

  if (!cat) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='campaign-edit'>
      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          商品
        </Text>
        <View className='ps-choices'>
          {cat.products.map((p) => (
            <Text key={p.id} id={`pick-${p.id}`} className={`ps-choice ${d.productId === p.id ? 'ps-choice--on' : ''}`} onClick={() => pickProduct(p.id)}>
              {p.name}
            </Text>
          ))}
          <Text className='ps-choice' onClick={() => void Taro.navigateTo({ url: `${PRESALE_ADMIN_PKG}/product/index` })}>
            ＋ 新商品
          </Text>
        </View>
        {errors.productId ? <Text className='field-error'>{errors.productId}</Text> : null}
        {product ? (
          <View style={{ marginTop: '24px' }}>
            {product.skus.map((s) => {
              const row = d.skus[s.id] ?? { on: false, price: yuanInput(s.priceFen), stock: '50' }
              const index = Object.entries(d.skus)
                .filter(([, r]) => r.on)
                .findIndex(([k]) => k === s.id)
              return (
                <View key={s.id} className='ps-field' id={`sku-row-${s.id}`}>
                  <View className='row'>
                    <Text>
                      {s.name}（原价 {formatFen(s.priceFen, { trimZeros: true })}）
                    </Text>
                    <Text className={`ps-choice ${row.on ? 'ps-choice--on' : ''}`} onClick={() => set({ skus: { ...d.skus, [s.id]: { ...row, on: !row.on } } })}>
                      {row.on ? '参与' : '不参与'}
                    </Text>
                  </View>
                  {row.on ? (
                    <View className='row' style={{ gap: '16px', marginTop: '12px' }}>
                      <View style={{ flex: 1 }}>
                        <Field id={`sku-price-${s.id}`} label='预售价（元）' value={row.price} error={errors[`skus.${index}.priceFen`]} onChange={(v) => set({ skus: { ...d.skus, [s.id]: { ...row, price: v } } })} />
                      </View>
                      <View style={{ flex: 1 }}>
                        <Field id={`sku-stock-${s.id}`} label='库存' value={row.stock} error={errors[`skus.${index}.stock`]} onChange={(v) => set({ skus: { ...d.skus, [s.id]: { ...row, stock: v } } })} />
                      </View>
                    </View>
                  ) : null}
                </View>
              )
            })}
            {errors.skus ? <Text className='field-error'>{errors.skus}</Text> : null}
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          预售信息
        </Text>
        <Field id='edit-title' label='标题' value={d.title} error={errors.title} placeholder='例如：有机蔬菜箱 · 本周预售' onChange={(v) => set({ title: v })} />
        <View className='ps-field'>
          <Text className='ps-label'>介绍</Text>
          <View className='ps-input'>
            <TextArea id='edit-description' value={d.description} maxLength={1000} onChange={(v: string) => set({ description: v })} />
          </View>
        </View>
        <Field id='edit-start' label='开始时间（YYYY-MM-DD HH:mm）' value={d.start} error={errors.startAt} onChange={(v) => set({ start: v })} />
        <Field id='edit-end' label='截止时间' value={d.end} error={errors.endAt} onChange={(v) => set({ end: v })} />
        <Field id='edit-limit' label='每户限购（份）' value={d.limit} error={errors.householdLimit} onChange={(v) => set({ limit: v })} />
        <Field id='edit-threshold' label='成团数量（留空为无门槛）' value={d.threshold} error={errors.threshold} onChange={(v) => set({ threshold: v })} />
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          配送
        </Text>
        <View className='ps-choices' style={{ marginBottom: '24px' }}>
          {DELIVERY_MODES.map((m) => (
            <Text key={m} id={`mode-${m}`} className={`ps-choice ${d.mode === m ? 'ps-choice--on' : ''}`} onClick={() => set({ mode: m })}>
              {DELIVERY_MODE_LABELS[m]}
            </Text>
          ))}
        </View>
        {d.mode === 'pickup' ? (
          <View className='ps-field'>
            <Text className='ps-label'>自提点</Text>
            <View className='ps-choices'>
              {cat.pickupPoints.map((p) => (
                <Text key={p.id} id={`point-${p.id}`} className={`ps-choice ${d.pickupPointId === p.id ? 'ps-choice--on' : ''}`} onClick={() => set({ pickupPointId: p.id })}>
                  {p.name}
                </Text>
              ))}
            </View>
            {errors.pickupPointId ? <Text className='field-error'>{errors.pickupPointId}</Text> : null}
            <View className='row' style={{ gap: '16px', marginTop: '16px' }}>
              <View style={{ flex: 1 }}>
                <Field id='point-name' label='新自提点名称' value={newPoint.name} onChange={(v) => setNewPoint({ ...newPoint, name: v })} />
              </View>
              <View style={{ flex: 1 }}>
                <Field id='point-address' label='地址' value={newPoint.address} onChange={(v) => setNewPoint({ ...newPoint, address: v })} />
              </View>
            </View>
            <Button size='small' fill='outline' type='primary' onClick={() => void addPoint()}>
              添加自提点
            </Button>
          </View>
        ) : null}
        <Field id='edit-delivery' label='配送 / 自提日期（YYYY-MM-DD）' value={d.deliveryDate} error={errors.deliveryDate} onChange={(v) => set({ deliveryDate: v })} />
      </View>

      {error ? <Text className='field-error'>{error.message}</Text> : null}
      {Object.keys(errors).length ? (
        <Text className='field-error' id='edit-errors'>
          请检查标红的字段
        </Text>
      ) : null}
      <View className='ps-buttons'>
        <Button id='edit-save' className='btn-block' block fill='outline' type='primary' loading={busy} onClick={() => void save(false)}>
          保存草稿
        </Button>
        <Button id='edit-publish' className='btn-block' block type='primary' loading={busy} onClick={() => void save(true)}>
          保存并发布
        </Button>
      </View>
    </View>
  )
}
