import { useState } from 'react'
import { Alert, Form, Input, Radio, Switch } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { ITEM_BASIS_LABELS, ITEM_KINDS, ITEM_UNIT_LABELS, type ItemKind } from '@contracts/fee'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

export interface ItemDraft {
  id?: string
  kind: ItemKind
  name: string
  unitPriceFen: number | null
  active: boolean
}

const NAME_HINT: Record<ItemKind, string> = { property: '例如：物业服务费', parking: '例如：地下车位管理费', fixed: '例如：生活垃圾清运费' }

/** A monthly fee item: how it is priced, its name and unit price in yuan, and whether it bills. */
export function ItemDialog({ draft, onClose }: { draft: ItemDraft; onClose: (saved: string | null) => void }) {
  const [value, setValue] = useState(draft)
  const [price, setPrice] = useState(draft.unitPriceFen === null ? '' : yuanInput(draft.unitPriceFen))
  const [error, setError] = useState<ApiError | null>(null)
  // Yuan text that is not an amount never reaches the server, which speaks fen.
  const [priceError, setPriceError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const unitPriceFen = parseYuan(price)
    setPriceError(unitPriceFen === null ? '请填写金额，最多两位小数，例如 2.35' : null)
    if (unitPriceFen === null) return
    setBusy(true)
    const res = await api.fee.saveItem({ ...(value.id ? { id: value.id } : {}), kind: value.kind, name: value.name, unitPriceFen, active: value.active })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(value.name)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={value.id ? `修改${draft.name}` : '新增收费项目'} saveId='item-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={88} colon={false} onSubmit={() => void submit()}>
        <Form.FormItem label='计费方式' {...(value.id ? {} : { name: 'kind', initialData: draft.kind })} requiredMark {...fieldStatus(error, 'kind')} help={value.id ? '计费方式创建后不能修改' : undefined}>
          {value.id ? (
            <span className='item-kind'>{ITEM_BASIS_LABELS[value.kind]}</span>
          ) : (
            <Radio.Group className='item-kind' variant='default-filled' value={value.kind} onChange={(v) => setValue((p) => ({ ...p, kind: ITEM_KINDS.find((k) => k === v) ?? p.kind }))}>
              {ITEM_KINDS.map((k) => (
                <Radio.Button key={k} value={k}>
                  {ITEM_BASIS_LABELS[k]}
                </Radio.Button>
              ))}
            </Radio.Group>
          )}
        </Form.FormItem>
        <Form.FormItem label='项目名称' name='name' initialData={draft.name} requiredMark {...fieldStatus(error, 'name')}>
          <Input name='item-name' value={value.name} placeholder={NAME_HINT[value.kind]} onChange={(v) => setValue((p) => ({ ...p, name: String(v) }))} />
        </Form.FormItem>
        <Form.FormItem label='单价' name='price' initialData={price} requiredMark {...(priceError ? { status: 'error', tips: priceError } : fieldStatus(error, 'unitPriceFen'))}>
          <Input
            name='item-price'
            value={price}
            placeholder='0.00'
            suffix={ITEM_UNIT_LABELS[value.kind]}
            style={{ width: 240 }}
            onChange={(v) => {
              setPrice(String(v))
              setPriceError(null)
            }}
          />
        </Form.FormItem>
        <Form.FormItem label='启用' name='active' initialData={draft.active} help='停用的项目不再出账，已出的账单不受影响'>
          <Switch value={value.active} onChange={(v) => setValue((p) => ({ ...p, active: Boolean(v) }))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
