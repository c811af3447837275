import { useState } from 'react'
import { formatOrderCode } from '@contracts/order'
import { api } from '../../../../client'
import { CodeEntry } from '../../../../components/CodeEntry'
import { scanOrderCode } from '../../../../services/order'
import { formatDateTime } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Section } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import type { Delivered } from '../../../presale/types'
import '../../../presale/presale.scss'

/** Pickup point verification: the resident shows the order code; scan it (WeChat) or type it. */
export default function VerifyPage() {
  const [done, setDone] = useState<Delivered[]>([])
  const [message, setMessage] = useState('')

  const verify = async (value: string) => {
    if (!value.trim()) {
      setMessage('请输入住户出示的 8 位订单码')
      return false
    }
    const r = await api.order.verifyPickup({ code: value })
    if (!r.ok) {
      setMessage(r.error.message)
      return false
    }
    setMessage('')
    setDone((prev) => [r.data, ...prev])
    return true
  }

  return (
    <PageShell id='presale-verify'>
      <Section title='自提核销'>
        <CodeEntry
          id='verify'
          text={{ label: '订单码', hint: '住户在“我的订单”中出示订单码；核销后订单即完成交付，同一订单码只能核销一次', placeholder: '8 位订单码，如 K7QF-2M9X', scan: '扫码核销', submit: '核销' }}
          error={message || undefined}
          maxLength={9}
          scan={scanOrderCode}
          submit={verify}
        />
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
