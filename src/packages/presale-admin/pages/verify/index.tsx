import { useState } from 'react'
import { formatOrderCode } from '@contracts/order'
import { api } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { scanOrderCode } from '../../../../services/order'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Chip, Field, Section } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import type { Delivered } from '../../../presale/types'
import '../../../presale/presale.scss'

/** Pickup point verification: the resident shows the order code; scan it (WeChat) or type it. */
export default function VerifyPage() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Delivered[]>([])
  const [message, setMessage] = useState('')

  const verify = async (value: string) => {
    if (!value.trim()) return setMessage('请输入住户出示的 8 位订单码')
    setBusy(true)
    const r = await api.order.verifyPickup({ code: value })
    setBusy(false)
    if (!r.ok) return setMessage(r.error.message)
    setMessage('')
    setCode('')
    setDone([r.data, ...done])
  }
  const scan = async () => {
    const value = await scanOrderCode()
    if (value) await verify(value)
  }

  return (
    <PageShell id='presale-verify'>
      <Section title='自提核销'>
        <Field label='订单码' id='verify' error={message || undefined} hint='住户在“我的订单”中出示订单码；核销后订单即完成交付，同一订单码只能核销一次'>
          <TextBox id='verify-code' value={code} maxLength={9} placeholder='8 位订单码，如 K7QF-2M9X' onChange={(v) => setCode(v)} />
        </Field>
        <ButtonRow>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button id='verify-scan' fill='outline' type='primary' onClick={() => void scan()}>
              扫码核销
            </Button>
          ) : null}
          <Button id='verify-submit' type='primary' loading={busy} onClick={() => void verify(code)}>
            核销
          </Button>
        </ButtonRow>
      </Section>
      {done.length ? (
        <CellGroup title='本次已核销' id='verify-done'>
          {done.map((d) => (
            <Cell
              key={d.orderId}
              thumb={d.productPhoto}
              icon='store'
              title={`${d.householdLabel} · ${d.productName} ${d.skuName} ×${d.quantity}`}
              desc={`${formatOrderCode(d.code)} · ${formatDateTime(d.deliveredAt)}`}
              extra={<Chip text='已核销' tone='primary' />}
            />
          ))}
        </CellGroup>
      ) : null}
    </PageShell>
  )
}
