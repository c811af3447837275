import { useState } from 'react'
import { Alert, Button, Form, Input, MessagePlugin, Select, Textarea } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import type { ProductDraft, ProductViewT } from '@contracts/order'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { KindCategoryFields } from './KindCategoryFields'
import { NeedPicker } from '../../shell/NeedPicker'
import { PhotoField } from '../../shell/PhotoField'
import { useQuery } from '../../shell/use-query'
import { PackagePartsField, type PartRow, partRowsOf, readParts } from './PackagePartsField'

/** A SKU as typed: the price stays text until saving, so "12." is not lost while typing. */
interface SkuRow {
  id?: string
  name: string
  price: string
  /** 进货成本; empty while unknown. */
  cost: string
}

const blankSku = (): SkuRow => ({ name: '', price: '', cost: '' })

/** A product of the catalogue: what it is, who supplies it, its photos and its SKUs with list prices. */
export function ProductDialog(props: { product: ProductViewT | null; suppliers: { id: string; name: string }[]; onClose: (saved: string | null) => void }) {
  const p = props.product
  const [draft, setDraft] = useState<Omit<ProductDraft, 'skus' | 'parts'>>({
    name: p?.name ?? '',
    kind: p?.kind ?? 'goods',
    category: p?.category ?? 'fresh',
    supplierId: p?.supplierId ?? props.suppliers[0]?.id ?? '',
    description: p?.description ?? '',
    images: p?.images ?? [],
    unit: p?.unit ?? '份',
    needs: p?.needs ?? []
  })
  const [skus, setSkus] = useState<SkuRow[]>(p ? p.skus.map((s) => ({ id: s.id, name: s.name, price: yuanInput(s.priceFen), cost: s.costFen === null ? '' : yuanInput(s.costFen) })) : [blankSku()])
  const [parts, setParts] = useState<PartRow[]>(p ? partRowsOf(p.parts) : [])
  const [partErrors, setPartErrors] = useState<Record<string, string>>({})
  // The service lines a package's card may book; only asked for once the product is a package.
  const lines = useQuery(() => api.booking.lines({ kind: 'service' }), [], { enabled: draft.kind === 'package' })
  const [priceErrors, setPriceErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (x: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...x }))
  const status = (path: string) => fieldStatus(error, `product.${path}`)
  const setSku = (i: number, x: Partial<SkuRow>) => setSkus((all) => all.map((s, j) => (j === i ? { ...s, ...x } : s)))

  const submit = async () => {
    const prices = skus.map((s) => parseYuan(s.price))
    const costs = skus.map((s) => (s.cost.trim() ? parseYuan(s.cost) : null))
    const wrong = Object.fromEntries([
      ...prices.flatMap((f, i) => (f ? [] : [[`${i}.price`, '请填写价格，最多两位小数']])),
      ...costs.flatMap((f, i) => (f === null && skus[i]?.cost.trim() ? [[`${i}.cost`, '成本价最多两位小数，不知道可留空']] : []))
    ])
    const typed = readParts(draft.kind === 'package' ? parts : [])
    setPriceErrors(wrong)
    setPartErrors(typed.errors)
    if (Object.keys(wrong).length || Object.keys(typed.errors).length) return
    setBusy(true)
    const res = await api.order.saveProduct({
      ...(p ? { id: p.id } : {}),
      // Another kind sends no parts: a package changed to goods drops them.
      product: { ...draft, parts: typed.parts, skus: skus.map((s, i) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, priceFen: prices[i] ?? 0, costFen: costs[i] ?? null })) }
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    for (const w of res.data.warnings) void MessagePlugin.warning({ content: w, duration: 8000 })
    props.onClose(res.data.name)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={p ? `修改${p.name}` : '新增商品'} width={draft.kind === 'package' ? 940 : 820} saveId='product-save' busy={busy} onSave={() => void submit()} onCancel={() => props.onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='商品名称' required {...status('name')}>
          <Input name='product-name' value={draft.name} placeholder='例如：赣南脐橙' maxlength={30} onChange={(v) => set({ name: String(v) })} />
        </Field>
        <KindCategoryFields
          idPrefix='product'
          kind={draft.kind}
          category={draft.category}
          kindLabel='商品类型'
          kindHelp='服务套餐售出后由师傅上门完成；产品包 = 服务次卡 + 随包商品，付款即发卡'
          status={status}
          onChange={set}
        />
        {draft.kind === 'package' ? (
          <Field label='包含内容' required {...status('parts')} help='每项填单独购买的价格，住户看到的「比单买省」由此算出；服务卡付款即发到住户的「我的服务卡」'>
            <PackagePartsField rows={parts} lines={lines.data?.lines ?? []} prices={skus.map((s) => parseYuan(s.price))} error={error} local={partErrors} onChange={setParts} />
          </Field>
        ) : null}
        <Field label='供应商' required {...status('supplierId')} help={props.suppliers.length ? undefined : '请先在「供应商」中新增供应商'}>
          <Select
            className='product-supplier'
            value={draft.supplierId}
            style={{ width: 320 }}
            placeholder='选择供应商'
            onChange={(v) => set({ supplierId: String(v ?? '') })}
            options={props.suppliers.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Field>
        <Field label='适合需求' {...status('needs')} help='为你推荐按住户的需求（五省）匹配，预售沿用商品的需求'>
          <NeedPicker id='product-needs' value={draft.needs ?? []} onChange={(needs) => setDraft((d) => ({ ...d, needs }))} />
        </Field>
        <Field label='商品图片' {...status('images')}>
          <PhotoField id='product-images' label='商品图片' lead='首图' max={6} value={draft.images} onChange={(images) => set({ images })} />
        </Field>
        <Field label='单位' required {...status('unit')}>
          <Input name='product-unit' value={draft.unit} placeholder='份、箱、次' maxlength={6} style={{ width: 120 }} onChange={(v) => set({ unit: String(v) })} />
        </Field>
        <Field label='规格与价格' required {...status('skus')} help='日常售价与进货成本（用于算毛利，只有工作人员看得到）；预售价在预售活动中另设'>
          <div className='rows'>
            {skus.map((s, i) => {
              const nameStatus = fieldStatus(error, `product.skus.${i}.name`)
              const priceStatus = priceErrors[`${i}.price`] ? { status: 'error' as const, tips: priceErrors[`${i}.price`] } : fieldStatus(error, `product.skus.${i}.priceFen`)
              const costStatus = priceErrors[`${i}.cost`] ? { status: 'error' as const, tips: priceErrors[`${i}.cost`] } : fieldStatus(error, `product.skus.${i}.costFen`)
              return (
                <div className='rows__row' key={i}>
                  <Input className='sku-name' value={s.name} placeholder='规格，例如 5 斤装' maxlength={20} status={nameStatus.status} tips={nameStatus.tips} style={{ width: 200 }} onChange={(v) => setSku(i, { name: String(v) })} />
                  <Input className='sku-price' value={s.price} placeholder='0.00' prefixIcon={<span className='unit'>售价</span>} suffix='元' status={priceStatus.status} tips={priceStatus.tips} style={{ width: 170 }} onChange={(v) => setSku(i, { price: String(v) })} />
                  <Input className='sku-cost' value={s.cost} placeholder='未知可留空' prefixIcon={<span className='unit'>成本</span>} suffix='元' status={costStatus.status} tips={costStatus.tips} style={{ width: 190 }} onChange={(v) => setSku(i, { cost: String(v) })} />
                  <Button variant='text' shape='square' icon={<DeleteIcon />} disabled={skus.length === 1} aria-label={`删除第 ${i + 1} 个规格`} onClick={() => setSkus((all) => all.filter((_, j) => j !== i))} />
                </div>
              )
            })}
            {skus.length < 10 ? (
              <Button variant='dashed' icon={<AddIcon />} onClick={() => setSkus((all) => [...all, blankSku()])}>
                添加规格
              </Button>
            ) : null}
          </div>
        </Field>
        <Field label='介绍' {...status('description')}>
          <Textarea name='product-description' value={draft.description} placeholder='产地、口感、保存方式，或服务包含的内容' maxlength={1000} autosize={{ minRows: 3, maxRows: 8 }} onChange={(v) => set({ description: String(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
