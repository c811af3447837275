import { Radio, Select } from 'tdesign-react'
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, PRODUCT_KINDS, PRODUCT_KIND_LABELS, type ProductCategory, type ProductKind } from '@contracts/order-kinds'
import { Field } from '../../shell/Field'

type Status = { status?: 'error'; tips?: string }

/** 类型 (商品 or 服务套餐) and 品类, as products and proposals both ask them. */
export function KindCategoryFields(props: {
  idPrefix: string
  kind: ProductKind
  category: ProductCategory
  kindLabel: string
  kindHelp?: string
  status: (path: 'kind' | 'category') => Status
  onChange: (patch: { kind?: ProductKind; category?: ProductCategory }) => void
}) {
  return (
    <>
      <Field label={props.kindLabel} {...props.status('kind')} {...(props.kindHelp ? { help: props.kindHelp } : {})}>
        <Radio.Group variant='default-filled' value={props.kind} onChange={(v) => props.onChange({ kind: PRODUCT_KINDS.find((k) => k === v) ?? 'goods' })}>
          {PRODUCT_KINDS.map((k) => (
            <Radio.Button key={k} value={k}>
              {PRODUCT_KIND_LABELS[k]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Field>
      <Field label='品类' {...props.status('category')}>
        <Select
          className={`${props.idPrefix}-category`}
          value={props.category}
          style={{ width: 200 }}
          onChange={(v) => props.onChange({ category: PRODUCT_CATEGORIES.find((c) => c === v) ?? 'other' })}
          options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] }))}
        />
      </Field>
    </>
  )
}
