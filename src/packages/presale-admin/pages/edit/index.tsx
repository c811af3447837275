import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { DELIVERY_MODE_LABELS, type DeliveryMode } from '@contracts/order'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { TextBox } from '../../../../components/TextBox'
import { toastError } from '../../../../services/result'
import { uploadPhoto } from '../../../../services/upload'
import { FieldErrorsNotice } from '../../../../components/FieldErrorsNotice'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { formatFen } from '../../../../utils/money'
import { Button } from '../../../../ui/nut'
import { ActionBar, ButtonRow, Cell, CellList, Chip, DateTimeField, Field, Notice, Section, Segmented, type SegmentedOption, Stepper, imgUrl } from '../../../../ui/kit'
import { LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { productHead } from '../../../presale/format'
import { useHere } from '../../../presale/here'
import { presaleAdminLink } from '../../../presale/links'
import { type Draft, blankDraft, checkDraft, dayStart, draftOf, rowsFor, skuKeyed } from '../../../../utils/campaign-draft'
import '../../../presale/presale.scss'

const THRESHOLD_MODES: SegmentedOption<'none' | 'min'>[] = [{ value: 'min', label: '满量成团' }, { value: 'none', label: '不设门槛' }]
const DELIVERY_MODES: SegmentedOption<DeliveryMode>[] = [{ value: 'door', label: DELIVERY_MODE_LABELS.door }, { value: 'pickup', label: DELIVERY_MODE_LABELS.pickup }]

const HOUR = 3600_000
const thumb = (p: string) => imgUrl(p, 'thumb')

/**
 * The campaign editor: pick a product from the catalog, set each SKU's campaign price and stock,
 * the photos, the sale window, the household limit, the group threshold and the delivery. Saved
 * as a draft; publishing creates the stock and freezes it.
 */
export default function EditCampaignPage() {
  const { params } = useRouter()
  const { communityId } = useHere()
  const [id, setId] = useState(decodeURIComponent(params.id ?? ''))
  const [editing] = useState(id)
  const q = useQuery(() => api.order.catalog(), [])
  const existing = useQuery(() => api.order.campaign({ id: editing }), [editing], { enabled: editing !== '', reloadOnShow: false })
  const [d, setD] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const [newPoint, setNewPoint] = useState({ name: '', address: '' })
  const set = (patch: Partial<Draft>) => setD((prev) => (prev ? { ...prev, ...patch } : prev))

  // The form starts once what it edits is here; reloads of the catalog (a product added) keep the edits.
  useEffect(() => {
    if (d) return
    if (!editing) setD(blankDraft(Date.now()))
    else if (existing.data) setD(draftOf(existing.data.campaign))
  }, [existing.data])

  const pickProduct = (productId: string) => {
    const p = q.data?.products.find((x) => x.id === productId)
    if (!p || !d) return
    set({ productId, title: d.title || `${p.name} · 预售`, skus: rowsFor(p) })
  }

  const save = async (andPublish: boolean) => {
    if (!d) return
    const checked = checkDraft(d)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    const r = await api.order.saveCampaign({ ...(id ? { id } : {}), campaign: checked.campaign })
    if (!r.ok) {
      setBusy(false)
      const onIds = checked.campaign.skus.map((s) => s.skuId)
      setErrors(skuKeyed(fieldsByPath(r.error, 'campaign.'), onIds))
      return toastError(r.error)
    }
    setId(r.data.id)
    // Selling below cost is allowed, never by accident: said before anything goes on sale.
    if (r.data.warnings.length > 0) {
      const seen = await Taro.showModal({ title: '低于成本价', content: r.data.warnings.join('\n'), confirmText: andPublish ? '仍然发布' : '知道了', showCancel: andPublish })
      if (andPublish && !seen.confirm) {
        setBusy(false)
        return void Taro.showToast({ title: '草稿已保存', icon: 'success' })
      }
    }
    if (andPublish) {
      const p = await api.order.publishCampaign({ id: r.data.id })
      setBusy(false)
      if (!p.ok) return toastError(p.error)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      setTimeout(() => void Taro.redirectTo({ url: presaleAdminLink('dashboard', communityId, { id: r.data.id }) }), 600)
      return
    }
    setBusy(false)
    void Taro.showToast({ title: '草稿已保存', icon: 'success' })
  }

  const addPoint = async () => {
    const r = await api.order.savePickupPoint({ point: { name: newPoint.name, address: newPoint.address } })
    if (!r.ok) {
      setErrors((e) => ({ ...e, ...fieldsByPath(r.error, 'point.') }))
      return toastError(r.error)
    }
    setNewPoint({ name: '', address: '' })
    set({ pickupPointId: r.data.id })
    await q.reload()
  }

  return (
    <PageShell id='campaign-edit' query={q}>
      {(cat) => {
        if (!d) return existing.error ? <Notice tone='danger'>{existing.error.message}</Notice> : <LoadingState />
        const product = cat.products.find((p) => p.id === d.productId)
        const now = Date.now()
        return (
          <>
            <CellList
              title='选择商品'
              items={cat.products}
              idPrefix='pick'
              row={(p) => ({
                ...productHead(p),
                desc: `${p.supplierName} · ${p.skus.length} 个规格`,
                extra: d.productId === p.id ? <Chip text='已选' tone='primary' /> : undefined,
                arrow: false,
                onClick: () => pickProduct(p.id)
              })}
            >
              <Cell id='product-new' icon='add' title='新建商品' onClick={() => void Taro.navigateTo({ url: presaleAdminLink('product', communityId) })} />
            </CellList>
            {errors.productId ? <Notice tone='danger'>{errors.productId}</Notice> : null}

            {product ? (
              <Section title='规格、预售价与库存'>
                {product.skus.map((s) => {
                  const row = d.skus[s.id] ?? { on: false, price: '', stock: '50' }
                  const toggle = () => set({ skus: { ...d.skus, [s.id]: { ...row, on: !row.on } } })
                  const edit = (patch: Partial<typeof row>) => set({ skus: { ...d.skus, [s.id]: { ...row, ...patch } } })
                  return (
                    <View key={s.id} id={`sku-row-${s.id}`}>
                      <Cell
                        title={s.name}
                        desc={`原价 ${formatFen(s.priceFen, { trimZeros: true })}`}
                        extra={
                          <Button id={`sku-toggle-${s.id}`} size='small' type='primary' fill={row.on ? 'solid' : 'outline'} onClick={toggle}>
                            {row.on ? '参与' : '不参与'}
                          </Button>
                        }
                      />
                      {row.on ? (
                        <>
                          <Field label='预售价（元）' required error={errors[`sku.${s.id}.priceFen`]}>
                            <TextBox id={`sku-price-${s.id}`} type='digit' value={row.price} placeholder='如 68' onChange={(v) => edit({ price: v })} />
                          </Field>
                          <Field label='库存' required error={errors[`sku.${s.id}.stock`]}>
                            <TextBox id={`sku-stock-${s.id}`} type='number' value={row.stock} placeholder='如 50' onChange={(v) => edit({ stock: v })} />
                          </Field>
                        </>
                      ) : null}
                    </View>
                  )
                })}
                {errors.skus ? <Text className='field-error'>{errors.skus}</Text> : null}
              </Section>
            ) : null}

            <Section title='预售信息'>
              <Field label='标题' required error={errors.title}>
                <TextBox id='edit-title' value={d.title} maxLength={30} placeholder='例如：有机蔬菜箱 · 本周预售' onChange={(v) => set({ title: v })} />
              </Field>
              <Field label='介绍' error={errors.description}>
                <TextBox id='edit-description' value={d.description} maxLength={1000} onChange={(v) => set({ description: v })} multiline />
              </Field>
              <Field label='封面' hint='不选则用商品的第一张照片' error={errors.cover}>
                <PhotoPicker id='edit-cover' max={1} value={d.cover} onChange={(cover) => set({ cover })} upload={uploadPhoto} srcOf={thumb} onBusyChange={setUploading} />
              </Field>
              <Field label='详情照片' hint='最多 6 张；不选则用商品照片' error={errors.images ?? Object.entries(errors).find(([k]) => k.startsWith('images.'))?.[1]}>
                <PhotoPicker id='edit-photos' value={d.images} onChange={(images) => set({ images })} upload={uploadPhoto} srcOf={thumb} onBusyChange={setUploading} />
              </Field>
              <DateTimeField id='edit-start' label='开始时间' required value={d.startAt} min={Math.min(d.startAt, now)} error={errors.startAt} onChange={(startAt) => set({ startAt, endAt: Math.max(d.endAt, startAt + HOUR) })} />
              <DateTimeField id='edit-end' label='截止时间' required value={d.endAt} min={d.startAt} hint='预售最长 30 天' error={errors.endAt} onChange={(endAt) => set({ endAt })} />
              <Field label='每户限购（份）' error={errors.householdLimit}>
                <Stepper id='edit-limit' value={d.limit} min={1} max={99} onChange={(limit) => set({ limit })} />
              </Field>
              <Field label='成团' error={errors.threshold} hint={d.threshold === null ? '不设门槛：截止后直接安排配送' : '截止前全社区付款满这个数量才成团，否则自动退款'}>
                <Segmented<'none' | 'min'> id='edit-threshold-mode' value={d.threshold === null ? 'none' : 'min'} options={THRESHOLD_MODES} onChange={(v) => set({ threshold: v === 'none' ? null : '' })} />
                {d.threshold !== null ? (
                  <TextBox id='edit-threshold' type='number' value={d.threshold} placeholder='成团数量，如 20' onChange={(v) => set({ threshold: v })} />
                ) : null}
              </Field>
            </Section>

            <Section title='配送'>
              <Segmented<DeliveryMode> id='mode' value={d.mode} options={DELIVERY_MODES} onChange={(mode) => set({ mode })} />
              {d.mode === 'pickup' ? (
                <>
                  <Field label='自提点' required error={errors.pickupPointId}>
                    {cat.pickupPoints.length > 0 ? (
                      <Choices id='point' value={d.pickupPointId} options={cat.pickupPoints.map((p) => ({ value: p.id, label: p.name }))} onChange={(pickupPointId) => set({ pickupPointId })} />
                    ) : (
                      <Text className='ps-meta'>还没有自提点，先在下面添加一个。</Text>
                    )}
                  </Field>
                  <Field label='新自提点名称' error={errors.name}>
                    <TextBox id='point-name' value={newPoint.name} maxLength={30} placeholder='例如：社区服务中心' onChange={(v) => setNewPoint({ ...newPoint, name: v })} />
                  </Field>
                  <Field label='地址' error={errors.address}>
                    <TextBox id='point-address' value={newPoint.address} maxLength={60} placeholder='例如：3 栋一楼东侧' onChange={(v) => setNewPoint({ ...newPoint, address: v })} />
                  </Field>
                  <ButtonRow>
                    <Button id='point-add' fill='outline' type='primary' disabled={!newPoint.name.trim() || !newPoint.address.trim()} onClick={() => void addPoint()}>
                      添加自提点
                    </Button>
                  </ButtonRow>
                </>
              ) : null}
              <DateTimeField
                id='edit-delivery'
                mode='date'
                label={d.mode === 'pickup' ? '自提开始日期' : '配送日期'}
                required
                value={d.deliveryDay}
                min={dayStart(d.endAt)}
                hint='当天 9 点起配送或自提'
                error={errors.deliveryDate}
                onChange={(deliveryDay) => set({ deliveryDay })}
              />
            </Section>

            <FieldErrorsNotice errors={errors} id='edit-errors' />
            <ActionBar>
              <Button id='edit-save' fill='outline' type='primary' loading={busy} disabled={uploading} onClick={() => void save(false)}>
                保存草稿
              </Button>
              <Button id='edit-publish' type='primary' loading={busy} disabled={uploading} onClick={() => void save(true)}>
                保存并发布
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
