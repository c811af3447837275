import { useState } from 'react'
import { Alert, Button, Card, Input } from 'tdesign-react'
import { COURIER_LABELS } from '@contracts/parcel-labels'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'

/**
 * Pickup at the desk: the code the resident reads out, or their QR read by a USB scanner (which
 * types the QR's text and Enter into the box). A parcel leaves once; a second try says who and when.
 */
export function PickupCard({ onPicked }: { onPicked: () => void }) {
  const [code, setCode] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const pick = async () => {
    setBusy(true)
    const r = await api.parcel.pickup({ code })
    setBusy(false)
    if (!r.ok) return setResult({ ok: false, text: r.error.fields?.[0]?.message ?? r.error.message })
    const p = r.data
    setResult({ ok: true, text: `已取件：${p.householdLabel} · ${COURIER_LABELS[p.courier]} ${p.trackingNo} · 货架 ${p.shelf} · ${p.pickedAt ? formatDateTime(p.pickedAt) : ''}` })
    setCode('')
    onPicked()
  }

  return (
    <Card bordered={false} title='取件核销' subtitle='输入住户报的 6 位取件码，或用扫码枪扫住户「我的快递」中的二维码。'>
      <div className='cell-inline'>
        <Input className='parcel-code' value={code} onChange={(v) => setCode(String(v))} onEnter={() => void pick()} placeholder='取件码或扫码' style={{ width: 320 }} />
        <Button id='parcel-pickup' theme='primary' loading={busy} onClick={() => void pick()}>
          确认取件
        </Button>
      </div>
      {result ? (
        <div id='parcel-pickup-result' style={{ marginTop: 12 }}>
          <Alert theme={result.ok ? 'success' : 'error'} message={result.text} />
        </div>
      ) : null}
    </Card>
  )
}
