import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, PRODUCT_KINDS, PRODUCT_KIND_LABELS, type ProductCategory, ProductDraftSchema, type ProductKind } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Catalog, catalog, saveProduct, saveSupplier } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { Input, TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { yuanInput } from '../../../../utils/money'
import { yuanToFen } from '../../form'
import { ProductArt } from '../../../presale/ui'
import '../../../presale/presale.scss'

interface SkuText {
  id?: string
  name: string
  price: string
}

/** A catalog product: goods or a service package, its supplier and its SKUs with prices. */
export default function ProductPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [cat, setCat] = useState<Catalog | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ProductKind>('goods')
  const [category, setCategory] = useState<ProductCategory>('other')
  const [supplierId, setSupplierId] = useState('')
  const [unit, setUnit] = useState('份')
  const [description, setDescription] = useState('')
  const [images, setImages] = useState('')
  const [skus, setSkus] = useState<SkuText[]>([{ name: '', price: '' }])
  const [newSupplier, setNewSupplier] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const load = async () => {
    const r = await catalog()
    if (!r.ok) return setError(r.error)
    setCat(r.data)
    const p = r.data.products.find((x) => x.id === id)
    if (p && !name) {
      setName(p.name)
      setKind(p.kind)
      setCategory(p.category)
      setSupplierId(p.supplierId)
      setUnit(p.unit)
      setDescription(p.description)
      setImages(p.images.join('\n'))
      setSkus(p.skus.map((s) => ({ id: s.id, name: s.name, price: yuanInput(s.priceFen) })))
    }
    if (!p && !supplierId && r.data.suppliers[0]) setSupplierId(r.data.suppliers[0].id)
  }
  useDidShow(() => void load())

  const addSupplier = async () => {
    const r = await saveSupplier({ supplier: { name: newSupplier } })
    if (!r.ok) return toastError(r.error)
    setNewSupplier('')
    setSupplierId(r.data.id)
    await load()
  }

  const save = async () => {
    const input = {
      name,
      kind,
      category,
      supplierId,
      unit,
      description,
      images: images.split(/\s+/).filter(Boolean),
      skus: skus.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, priceFen: yuanToFen(s.price) }))
    }
    const parsed = ProductDraftSchema.safeParse(input)
    if (!parsed.success) return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
    setErrors({})
    setBusy(true)
    const r = await saveProduct({ ...(id ? { id } : {}), product: parsed.data })
    setBusy(false)
    if (!r.ok) {
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^product\./, ''), f.message])))
      return toastError(r.error)
    }
    setId(r.data.id)
    setSkus(r.data.skus.map((s) => ({ id: s.id, name: s.name, price: yuanInput(s.priceFen) })))
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 600)
  }

  if (!cat) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='product-edit'>
      <View className='card'>
        <View className='row' style={{ marginBottom: '24px' }}>
          <ProductArt name={name || '新'} images={images.split(/\s+/).filter(Boolean)} size={120} />
          <Text className='muted' style={{ flex: 1, marginLeft: '24px' }}>
            没有图片时以商品名首字作为封面
          </Text>
        </View>
        <Text className='ps-label'>商品名称</Text>
        <View className='ps-input ps-field'>
          <Input id='product-name' value={name} onChange={(v: string) => setName(v)} placeholder='例如：有机蔬菜箱' />
        </View>
        {errors.name ? <Text className='field-error'>{errors.name}</Text> : null}
        <Text className='ps-label'>类型</Text>
        <View className='ps-choices ps-field'>
          {PRODUCT_KINDS.map((k) => (
            <Text key={k} className={`ps-choice ${kind === k ? 'ps-choice--on' : ''}`} onClick={() => setKind(k)}>
              {PRODUCT_KIND_LABELS[k]}
            </Text>
          ))}
        </View>
        <Text className='ps-label'>品类（会员优惠券按品类适用）</Text>
        <View className='ps-choices ps-field'>
          {PRODUCT_CATEGORIES.map((c) => (
            <Text key={c} id={`category-${c}`} className={`ps-choice ${category === c ? 'ps-choice--on' : ''}`} onClick={() => setCategory(c)}>
              {PRODUCT_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        <Text className='ps-label'>单位</Text>
        <View className='ps-input ps-field'>
          <Input id='product-unit' value={unit} onChange={(v: string) => setUnit(v)} placeholder='箱 / 盒 / 次' />
        </View>
        {errors.unit ? <Text className='field-error'>{errors.unit}</Text> : null}
        <Text className='ps-label'>介绍</Text>
        <View className='ps-input ps-field'>
          <TextArea id='product-description' value={description} maxLength={1000} onChange={(v: string) => setDescription(v)} />
        </View>
        <Text className='ps-label'>图片地址（https:// 或 cloud://，每行一个，可留空）</Text>
        <View className='ps-input ps-field'>
          <TextArea id='product-images' value={images} maxLength={3000} onChange={(v: string) => setImages(v)} />
        </View>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('images'))
          .map(([k, m]) => (
            <Text key={k} className='field-error'>
              {m}
            </Text>
          ))}
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          供应商
        </Text>
        <View className='ps-choices'>
          {cat.suppliers.map((s) => (
            <Text key={s.id} id={`supplier-${s.id}`} className={`ps-choice ${supplierId === s.id ? 'ps-choice--on' : ''}`} onClick={() => setSupplierId(s.id)}>
              {s.name}
            </Text>
          ))}
        </View>
        {errors.supplierId ? <Text className='field-error'>{errors.supplierId}</Text> : null}
        <View className='row' style={{ gap: '16px', marginTop: '24px' }}>
          <View className='ps-input' style={{ flex: 1 }}>
            <Input id='supplier-new' value={newSupplier} placeholder='新供应商名称' onChange={(v: string) => setNewSupplier(v)} />
          </View>
          <Button size='small' fill='outline' type='primary' onClick={() => void addSupplier()}>
            添加
          </Button>
        </View>
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          规格与价格
        </Text>
        {skus.map((s, i) => (
          <View key={i} className='ps-field' id={`sku-edit-${i}`}>
            <View className='row' style={{ gap: '16px' }}>
              <View className='ps-input' style={{ flex: 2 }}>
                <Input value={s.name} placeholder='规格，如：标准箱 约 5 斤' onChange={(v: string) => setSkus(skus.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
              </View>
              <View className='ps-input' style={{ flex: 1 }}>
                <Input value={s.price} placeholder='价格（元）' onChange={(v: string) => setSkus(skus.map((x, j) => (j === i ? { ...x, price: v } : x)))} />
              </View>
              {skus.length > 1 ? (
                <Text className='muted' onClick={() => setSkus(skus.filter((_, j) => j !== i))}>
                  删除
                </Text>
              ) : null}
            </View>
            {errors[`skus.${i}.name`] || errors[`skus.${i}.priceFen`] ? <Text className='field-error'>{errors[`skus.${i}.name`] ?? errors[`skus.${i}.priceFen`]}</Text> : null}
          </View>
        ))}
        {errors.skus ? <Text className='field-error'>{errors.skus}</Text> : null}
        <Button size='small' fill='outline' type='primary' onClick={() => setSkus([...skus, { name: '', price: '' }])}>
          ＋ 添加规格
        </Button>
      </View>
      <Button id='product-save' className='btn-block' block type='primary' loading={busy} onClick={() => void save()}>
        保存商品
      </Button>
    </View>
  )
}
