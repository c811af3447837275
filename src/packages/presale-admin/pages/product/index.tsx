import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, PRODUCT_KIND_LABELS, type ProductCategory, ProductDraftSchema, type ProductKind } from '@contracts/order'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { TextBox } from '../../../../components/TextBox'
import { toastError } from '../../../../services/result'
import { uploadPhoto } from '../../../../services/upload'
import { FieldErrorsNotice } from '../../../../components/FieldErrorsNotice'
import { type FieldErrors, fieldsByPath, issuesByPath } from '../../../../utils/form-errors'
import { parseYuan, yuanInput } from '../../../../utils/money'
import { Button } from '../../../../ui/nut'
import { ActionBar, ButtonRow, Field, Section, Segmented, type SegmentedOption, imgUrl } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../../presale/presale.scss'

const PRODUCT_KINDS: SegmentedOption<ProductKind>[] = [{ value: 'goods', label: '商品' }, { value: 'service', label: '服务套餐' }]

interface SkuText {
  id?: string
  name: string
  price: string
}

interface Form {
  name: string
  kind: ProductKind
  category: ProductCategory
  supplierId: string
  unit: string
  description: string
  images: string[]
  skus: SkuText[]
}

const BLANK: Form = { name: '', kind: 'goods', category: 'other', supplierId: '', unit: '份', description: '', images: [], skus: [{ name: '', price: '' }] }

/** Prices typed in yuan, read by the project's one parser; a price that is not one is a field error, never NaN. */
function priced(skus: SkuText[], errors: FieldErrors): { id?: string; name: string; priceFen: number }[] {
  return skus.map((s, i) => {
    const fen = parseYuan(s.price)
    if (fen === null) errors[`skus.${i}.priceFen`] = s.price.trim() ? '请填写价格，如 68 或 68.5' : '请填写价格'
    return { ...(s.id ? { id: s.id } : {}), name: s.name, priceFen: fen ?? 0 }
  })
}

/** A catalog product: goods or a service package, its supplier, photos and SKUs with prices. */
export default function ProductPage() {
  const { params } = useRouter()
  const [id, setId] = useState(decodeURIComponent(params.id ?? ''))
  const q = useQuery(() => api.order.catalog(), [])
  const [form, setForm] = useState<Form | null>(null)
  const [newSupplier, setNewSupplier] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f))

  // The form starts from the product (or blank) once the catalog is here; later reloads keep the edits.
  useEffect(() => {
    const cat = q.data
    if (!cat || form) return
    const p = cat.products.find((x) => x.id === id)
    setForm(
      p
        ? {
            name: p.name,
            kind: p.kind,
            category: p.category,
            supplierId: p.supplierId,
            unit: p.unit,
            description: p.description,
            images: [...p.images],
            skus: p.skus.map((s) => ({ id: s.id, name: s.name, price: yuanInput(s.priceFen) }))
          }
        : { ...BLANK, supplierId: cat.suppliers[0]?.id ?? '' }
    )
  }, [q.data])

  const addSupplier = async () => {
    const r = await api.order.saveSupplier({ supplier: { name: newSupplier } })
    if (!r.ok) return toastError(r.error)
    setNewSupplier('')
    set({ supplierId: r.data.id })
    await q.reload()
  }

  const save = async () => {
    if (!form) return
    const local: FieldErrors = {}
    const input = { ...form, skus: priced(form.skus, local) }
    const parsed = ProductDraftSchema.safeParse(input)
    const found = parsed.success ? local : issuesByPath(parsed.error, local)
    setErrors(found)
    if (!parsed.success || Object.keys(found).length > 0) return
    setBusy(true)
    const r = await api.order.saveProduct({ ...(id ? { id } : {}), product: parsed.data })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error, 'product.'))
      return toastError(r.error)
    }
    setId(r.data.id)
    set({ skus: r.data.skus.map((s) => ({ id: s.id, name: s.name, price: yuanInput(s.priceFen) })) })
    if (r.data.warnings.length > 0) await Taro.showModal({ title: '低于成本价', content: r.data.warnings.join('\n'), confirmText: '知道了', showCancel: false })
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => undefined), 600)
  }

  const skuError = (i: number) => errors[`skus.${i}.name`] ?? errors[`skus.${i}.priceFen`]

  return (
    <PageShell id='product-edit' query={q}>
      {(cat) =>
        form ? (
          <>
            <Section title='商品'>
              <Field label='商品名称' required error={errors.name}>
                <TextBox id='product-name' value={form.name} maxLength={30} onChange={(v) => set({ name: v })} placeholder='例如：有机蔬菜箱' />
              </Field>
              {form.kind === 'package' ? (
                // A package's parts (its card, its goods) are edited at the office console; here it stays a package.
                <Field label='类型' hint='产品包的包含内容请在电脑端「严选预售 → 商品」里编辑'>
                  <Text id='kind'>{PRODUCT_KIND_LABELS.package}</Text>
                </Field>
              ) : (
                <Field label='类型'>
                  <Segmented<ProductKind> id='kind' value={form.kind} options={PRODUCT_KINDS} onChange={(kind) => set({ kind })} />
                </Field>
              )}
              <Field label='品类' hint='会员优惠券按品类适用'>
                <Choices<ProductCategory> id='category' value={form.category} options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] }))} onChange={(category) => set({ category })} />
              </Field>
              <Field label='单位' required error={errors.unit}>
                <TextBox id='product-unit' value={form.unit} maxLength={6} onChange={(v) => set({ unit: v })} placeholder='箱、盒、次' />
              </Field>
              <Field label='介绍' error={errors.description}>
                <TextBox id='product-description' value={form.description} maxLength={1000} onChange={(v) => set({ description: v })} multiline />
              </Field>
              <Field label='商品照片' hint='第一张作为封面，最多 6 张' error={errors.images ?? Object.entries(errors).find(([k]) => k.startsWith('images.'))?.[1]}>
                <PhotoPicker id='product-photos' value={form.images} onChange={(images) => set({ images })} upload={uploadPhoto} srcOf={(p) => imgUrl(p, 'thumb')} onBusyChange={setUploading} />
              </Field>
            </Section>

            <Section title='供应商'>
              {cat.suppliers.length > 0 ? (
                <Choices id='supplier' value={form.supplierId} options={cat.suppliers.map((s) => ({ value: s.id, label: s.name }))} onChange={(supplierId) => set({ supplierId })} />
              ) : (
                <Text className='ps-meta'>还没有供应商，先在下面添加一个。</Text>
              )}
              {errors.supplierId ? <Text className='field-error'>{errors.supplierId}</Text> : null}
              <Field label='添加供应商'>
                <TextBox id='supplier-new' value={newSupplier} maxLength={30} placeholder='供应商名称' onChange={(v) => setNewSupplier(v)} />
              </Field>
              <ButtonRow>
                <Button id='supplier-add' fill='outline' type='primary' disabled={newSupplier.trim() === ''} onClick={() => void addSupplier()}>
                  添加供应商
                </Button>
              </ButtonRow>
            </Section>

            <Section title='规格与价格'>
              {form.skus.map((s, i) => (
                <View key={s.id ?? `new-${i}`} id={`sku-edit-${i}`}>
                  <Field label={`规格 ${i + 1}`} error={skuError(i)}>
                    <TextBox id={`sku-name-${i}`} value={s.name} maxLength={20} placeholder='规格，如：标准箱 约 5 斤' onChange={(v) => set({ skus: form.skus.map((x, j) => (j === i ? { ...x, name: v } : x)) })} />
                    <View style={{ marginTop: '16px' }}><TextBox id={`sku-price-${i}`} type='digit' value={s.price} placeholder='价格（元），如 68' onChange={(v) => set({ skus: form.skus.map((x, j) => (j === i ? { ...x, price: v } : x)) })} /></View>
                  </Field>
                  {form.skus.length > 1 ? (
                    <ButtonRow>
                      <Button id={`sku-remove-${i}`} fill='none' onClick={() => set({ skus: form.skus.filter((_, j) => j !== i) })}>
                        删除这个规格
                      </Button>
                    </ButtonRow>
                  ) : null}
                </View>
              ))}
              {errors.skus ? <Text className='field-error'>{errors.skus}</Text> : null}
              <ButtonRow>
                <Button id='sku-add' fill='outline' type='primary' disabled={form.skus.length >= 10} onClick={() => set({ skus: [...form.skus, { name: '', price: '' }] })}>
                  添加规格
                </Button>
              </ButtonRow>
            </Section>
            <FieldErrorsNotice errors={errors} id='product-errors' />
            <ActionBar>
              <Button id='product-save' type='primary' loading={busy} disabled={uploading} onClick={() => void save()}>
                {uploading ? '照片上传中…' : '保存商品'}
              </Button>
            </ActionBar>
          </>
        ) : null
      }
    </PageShell>
  )
}
