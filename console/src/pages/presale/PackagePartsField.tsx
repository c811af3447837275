import { Button, Input, Select } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import type { LineViewT } from '@contracts/booking'
import type { PackagePartT, PackagePartViewT } from '@contracts/package'
import { formatFen, parseYuan, yuanInput } from '../../../../src/utils/money'
import { fieldStatus } from '../../shell/field-status'

/** A part as typed: numbers stay text until saving, so a half-typed "12." is not lost. */
export type PartRow = { type: 'card'; lineId: string; title: string; uses: string; validDays: string; unit: string } | { type: 'goods'; name: string; quantity: string; unit: string }

export const partRowsOf = (parts: readonly PackagePartViewT[]): PartRow[] =>
  parts.map((p) =>
    p.type === 'card'
      ? { type: 'card', lineId: p.lineId, title: p.title, uses: String(p.uses), validDays: String(p.validDays), unit: yuanInput(p.unitFen) }
      : { type: 'goods', name: p.name, quantity: String(p.quantity), unit: yuanInput(p.unitFen) }
  )

const wholeNumber = (s: string): number | null => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : null)

/** The rows as the contract takes them, or the local errors (by `<row>.<field>`) that stop the save. */
export function readParts(rows: readonly PartRow[]): { parts: PackagePartT[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const parts = rows.map((r, i): PackagePartT => {
    const unitFen = parseYuan(r.unit)
    if (unitFen === null) errors[`${i}.unit`] = '请填写单买价，最多两位小数'
    if (r.type === 'card') {
      const uses = wholeNumber(r.uses)
      const validDays = wholeNumber(r.validDays)
      if (uses === null) errors[`${i}.uses`] = '请填写整数次数'
      if (validDays === null) errors[`${i}.validDays`] = '请填写整数天数'
      return { type: 'card', lineId: r.lineId, title: r.title, uses: uses ?? 0, validDays: validDays ?? 0, unitFen: unitFen ?? 0 }
    }
    const quantity = wholeNumber(r.quantity)
    if (quantity === null) errors[`${i}.quantity`] = '请填写整数数量'
    return { type: 'goods', name: r.name, quantity: quantity ?? 0, unitFen: unitFen ?? 0 }
  })
  return { parts, errors }
}

/** What the typed parts cost bought one by one; null while a figure is not a number yet. */
function typedSum(rows: readonly PartRow[]): number | null {
  let sum = 0
  for (const r of rows) {
    const unit = parseYuan(r.unit)
    const n = wholeNumber(r.type === 'card' ? r.uses : r.quantity)
    if (unit === null || n === null) return null
    sum += unit * n
  }
  return sum
}

/**
 * 产品包的包含内容: service cards (a line, its uses and validity, what a use costs booked alone)
 * and goods (name, quantity, what one costs alone). The sum against the SKU prices is the saving
 * residents are shown.
 */
export function PackagePartsField(props: { rows: PartRow[]; lines: readonly LineViewT[]; prices: readonly (number | null)[]; error: ApiError | null; local: Record<string, string>; onChange: (rows: PartRow[]) => void }) {
  const { rows, lines } = props
  const cardLines = lines.filter((l) => l.payModes.includes('card'))
  const set = (i: number, patch: Partial<PartRow>) => props.onChange(rows.map((r, j) => (j === i ? ({ ...r, ...patch } as PartRow) : r)))
  const status = (i: number, field: string, contractField = field) =>
    props.local[`${i}.${field}`] ? { status: 'error' as const, tips: props.local[`${i}.${field}`] } : fieldStatus(props.error, `product.parts.${i}.${contractField}`)
  const sum = typedSum(rows)
  const pickLine = (i: number, lineId: string) => {
    const line = cardLines.find((l) => l.id === lineId)
    const row = rows[i]
    if (!line || row?.type !== 'card') return
    const uses = wholeNumber(row.uses) ?? 3
    set(i, { lineId, title: row.title || `${line.name} ${uses} 次卡`, unit: row.unit || (line.priceFen ? yuanInput(line.priceFen) : '') })
  }
  return (
    <div className='rows' id='package-parts'>
      {rows.map((r, i) => {
        const unit = status(i, 'unit', 'unitFen')
        return r.type === 'card' ? (
          <div className='rows__row package-part' key={i}>
            <Select
              className='part-line'
              value={r.lineId}
              placeholder='服务项目'
              style={{ width: 140 }}
              {...status(i, 'lineId')}
              options={cardLines.map((l) => ({ value: l.id, label: l.name }))}
              onChange={(v) => pickLine(i, String(v ?? ''))}
            />
            <Input className='part-title' value={r.title} placeholder='服务卡名称' maxlength={20} style={{ width: 170 }} {...status(i, 'title')} onChange={(v) => set(i, { title: String(v) })} />
            <Input className='part-uses' value={r.uses} suffix='次' style={{ width: 80 }} {...status(i, 'uses')} onChange={(v) => set(i, { uses: String(v) })} />
            <Input className='part-days' value={r.validDays} prefixIcon={<span className='unit'>有效</span>} suffix='天' style={{ width: 120 }} {...status(i, 'validDays')} onChange={(v) => set(i, { validDays: String(v) })} />
            <Input className='part-unit' value={r.unit} prefixIcon={<span className='unit'>单次</span>} suffix='元' style={{ width: 140 }} status={unit.status} tips={unit.tips} onChange={(v) => set(i, { unit: String(v) })} />
            <Button variant='text' shape='square' icon={<DeleteIcon />} aria-label={`删除第 ${i + 1} 项`} onClick={() => props.onChange(rows.filter((_, j) => j !== i))} />
          </div>
        ) : (
          <div className='rows__row package-part' key={i}>
            <Input className='part-name' value={r.name} placeholder='随包商品，例如 清洁用品套装' maxlength={20} style={{ width: 316 }} {...status(i, 'name')} onChange={(v) => set(i, { name: String(v) })} />
            <Input className='part-quantity' value={r.quantity} prefixIcon={<span className='unit'>数量</span>} style={{ width: 100 }} {...status(i, 'quantity')} onChange={(v) => set(i, { quantity: String(v) })} />
            <Input className='part-unit' value={r.unit} prefixIcon={<span className='unit'>单买</span>} suffix='元' style={{ width: 244 }} status={unit.status} tips={unit.tips} onChange={(v) => set(i, { unit: String(v) })} />
            <Button variant='text' shape='square' icon={<DeleteIcon />} aria-label={`删除第 ${i + 1} 项`} onClick={() => props.onChange(rows.filter((_, j) => j !== i))} />
          </div>
        )
      })}
      {rows.length < 8 ? (
        <div className='rows__row'>
          <Button variant='dashed' icon={<AddIcon />} id='add-card-part' onClick={() => props.onChange([...rows, { type: 'card', lineId: '', title: '', uses: '3', validDays: '365', unit: '' }])}>
            添加服务卡
          </Button>
          <Button variant='dashed' icon={<AddIcon />} id='add-goods-part' onClick={() => props.onChange([...rows, { type: 'goods', name: '', quantity: '1', unit: '' }])}>
            添加随包商品
          </Button>
        </div>
      ) : null}
      {sum !== null && rows.length > 0 ? (
        <div className='muted' id='package-sum'>
          单买合计 {formatFen(sum)}
          {props.prices.flatMap((p) => (p === null ? [] : [p < sum ? `，售价 ${formatFen(p)} 省 ${formatFen(sum - p)}` : `，售价 ${formatFen(p)} 没有优惠`])).join('')}
        </div>
      ) : null}
    </div>
  )
}
