import { useState } from 'react'
import { Alert, Form, Input, InputNumber, Switch, TimePicker } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { LotViewT } from '@contracts/parking'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

/** A typical city rule to start a new lot from; the operator changes what differs. */
const STARTING: LotViewT['rule'] = {
  freeMinutes: 15,
  firstHourFen: 500,
  perHourFen: 300,
  dailyCapFen: 4000,
  night: { start: '22:00', end: '07:00', perHourFen: 100, capFen: 500 },
  longStayCapFen: null
}

/** Money fields are typed in yuan as the price board says them; empty means no cap where a cap is optional. */
interface Draft {
  name: string
  capacity: number
  graceMinutes: number
  platesPerSpace: number
  monthly: string
  freeMinutes: number
  firstHour: string
  perHour: string
  dailyCap: string
  longStayCap: string
  night: boolean
  nightStart: string
  nightEnd: string
  nightPerHour: string
  nightCap: string
}

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : yuanInput(fen))

function draftOf(lot: LotViewT | null): Draft {
  const r = lot?.rule ?? STARTING
  const n = r.night ?? STARTING.night
  return {
    name: lot?.name ?? '',
    capacity: lot?.capacity ?? 0,
    graceMinutes: lot?.graceMinutes ?? 15,
    platesPerSpace: lot?.platesPerSpace ?? 2,
    monthly: yuan(lot ? lot.monthlyFen : null),
    freeMinutes: r.freeMinutes,
    firstHour: yuan(r.firstHourFen),
    perHour: yuan(r.perHourFen),
    dailyCap: yuan(r.dailyCapFen),
    longStayCap: yuan(r.longStayCapFen),
    night: r.night !== null,
    nightStart: n?.start ?? '22:00',
    nightEnd: n?.end ?? '07:00',
    nightPerHour: yuan(n?.perHourFen),
    nightCap: yuan(n?.capFen)
  }
}

/**
 * 停车场设置 (operators): the lot's name and spaces, the grace period after paying, plates per
 * space, the monthly card's price, and the temporary-parking fee rule the pure function prices.
 * The barriers stay as they are: doors are registered with the gates (门禁与自提点).
 */
export function LotDialog({ lot, onClose }: { lot: LotViewT | null; onClose: (saved: boolean) => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(lot))
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }))
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v))

  const submit = async () => {
    const wrong: Record<string, string> = {}
    // A required price must be read; an optional cap may be left empty (no cap).
    const price = (path: string, text: string): number => {
      const fen = parseYuan(text)
      if (fen === null) wrong[path] = '请填写金额（元），最多两位小数'
      return fen ?? 0
    }
    const cap = (path: string, text: string): number | null => {
      if (text.trim() === '') return null
      const fen = parseYuan(text)
      if (fen === null) wrong[path] = '请填写金额（元），不封顶请留空'
      return fen
    }
    const input = {
      ...(lot ? { lotId: lot.id } : {}),
      name: d.name,
      capacity: d.capacity,
      graceMinutes: d.graceMinutes,
      platesPerSpace: d.platesPerSpace,
      monthlyFen: cap('monthlyFen', d.monthly),
      barriers: lot?.barriers ?? [],
      rule: {
        freeMinutes: d.freeMinutes,
        firstHourFen: price('rule.firstHourFen', d.firstHour),
        perHourFen: price('rule.perHourFen', d.perHour),
        dailyCapFen: cap('rule.dailyCapFen', d.dailyCap),
        longStayCapFen: cap('rule.longStayCapFen', d.longStayCap),
        night: d.night ? { start: d.nightStart, end: d.nightEnd, perHourFen: price('rule.night.perHourFen', d.nightPerHour), capFen: cap('rule.night.capFen', d.nightCap) } : null
      }
    }
    setLocal(wrong)
    if (Object.keys(wrong).length) return
    setBusy(true)
    const res = await api.parking.saveLot(input)
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const status = (path: string) => (local[path] ? { status: 'error' as const, tips: local[path] } : fieldStatus(error, path))
  const formError = formLevelError(error)
  const yuanBox = (id: string, value: string, onChange: (v: string) => void, placeholder = '') => (
    <Input name={id} style={{ width: 180 }} value={value} suffix='元' placeholder={placeholder} onChange={(v) => onChange(String(v))} />
  )

  return (
    <FormDialog header={lot ? `停车场设置 · ${lot.name}` : '新建停车场'} width={720} saveId='lot-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={150} colon={false}>
        <Form.FormItem label='停车场名称' name='name' initialData={d.name} requiredMark {...status('name')}>
          <Input name='lot-name' value={d.name} maxlength={30} placeholder='例如：地下车库' onChange={(v) => set({ name: String(v) })} />
        </Form.FormItem>
        <Form.FormItem label='临停车位数' name='capacity' initialData={d.capacity} {...status('capacity')} help='可供临时停车的车位数，用于显示余位'>
          <InputNumber theme='normal' style={{ width: 180 }} min={0} max={20000} value={d.capacity} suffix='个' onChange={(v) => set({ capacity: num(v) })} />
        </Form.FormItem>
        <Form.FormItem label='免费时长' name='freeMinutes' initialData={d.freeMinutes} {...status('rule.freeMinutes')} help='停车不超过这些分钟不收费；超过则从入场起计费'>
          <InputNumber theme='normal' style={{ width: 180 }} min={0} max={240} value={d.freeMinutes} suffix='分钟' onChange={(v) => set({ freeMinutes: num(v) })} />
        </Form.FormItem>
        <Form.FormItem label='首小时' name='firstHour' initialData={d.firstHour} requiredMark {...status('rule.firstHourFen')}>
          {yuanBox('lot-first-hour', d.firstHour, (v) => set({ firstHour: v }))}
        </Form.FormItem>
        <Form.FormItem label='之后每小时' name='perHour' initialData={d.perHour} requiredMark {...status('rule.perHourFen')} help='不足一小时按一小时计'>
          {yuanBox('lot-per-hour', d.perHour, (v) => set({ perHour: v }))}
        </Form.FormItem>
        <Form.FormItem label='24 小时封顶' name='dailyCap' initialData={d.dailyCap} {...status('rule.dailyCapFen')} help='从入场起每 24 小时最多收取；留空不封顶'>
          {yuanBox('lot-daily-cap', d.dailyCap, (v) => set({ dailyCap: v }), '不封顶')}
        </Form.FormItem>
        <Form.FormItem label='超过一天每 24 小时' name='longStayCap' initialData={d.longStayCap} {...status('rule.longStayCapFen')} help='停车超过一天后每 24 小时的封顶（包天）；留空按 24 小时封顶'>
          {yuanBox('lot-long-cap', d.longStayCap, (v) => set({ longStayCap: v }), '同 24 小时封顶')}
        </Form.FormItem>
        <Form.FormItem label='夜间费率' name='night' initialData={d.night}>
          <Switch value={d.night} onChange={(v) => set({ night: Boolean(v) })} />
        </Form.FormItem>
        {d.night ? (
          <>
            <Form.FormItem label='夜间时段' name='nightWindow' initialData={[d.nightStart, d.nightEnd]} {...status('rule.night.end')} help='在此时段内开始的每小时按夜间价格计；可跨零点，如 22:00 至次日 07:00'>
              <TimePicker.TimeRangePicker
                format='HH:mm'
                steps={[1, 30]}
                allowInput
                value={[d.nightStart, d.nightEnd]}
                onChange={(v) => set({ nightStart: String(v[0] ?? ''), nightEnd: String(v[1] ?? '') })}
              />
            </Form.FormItem>
            <Form.FormItem label='夜间每小时' name='nightPerHour' initialData={d.nightPerHour} requiredMark {...status('rule.night.perHourFen')}>
              {yuanBox('lot-night-hour', d.nightPerHour, (v) => set({ nightPerHour: v }))}
            </Form.FormItem>
            <Form.FormItem label='每晚封顶' name='nightCap' initialData={d.nightCap} {...status('rule.night.capFen')} help='一个夜间时段内最多收取；留空不封顶'>
              {yuanBox('lot-night-cap', d.nightCap, (v) => set({ nightCap: v }), '不封顶')}
            </Form.FormItem>
          </>
        ) : null}
        <Form.FormItem label='缴费后离场时限' name='graceMinutes' initialData={d.graceMinutes} {...status('graceMinutes')} help='缴费后在此时间内出场不再收费，超时需补缴'>
          <InputNumber theme='normal' style={{ width: 180 }} min={0} max={60} value={d.graceMinutes} suffix='分钟' onChange={(v) => set({ graceMinutes: num(v) })} />
        </Form.FormItem>
        <Form.FormItem label='每车位可登记车牌' name='platesPerSpace' initialData={d.platesPerSpace} {...status('platesPerSpace')}>
          <InputNumber theme='normal' style={{ width: 180 }} min={1} max={5} value={d.platesPerSpace} suffix='个' onChange={(v) => set({ platesPerSpace: num(v) })} />
        </Form.FormItem>
        <Form.FormItem label='月卡每月价格' name='monthly' initialData={d.monthly} {...status('monthlyFen')} help='留空则住户不能在线办理月卡'>
          {yuanBox('lot-monthly', d.monthly, (v) => set({ monthly: v }), '不开放月卡')}
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
