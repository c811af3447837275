import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { TextBox } from '../../../../components/TextBox'
import { ButtonRow, Cell, CellGroup, Field, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import '../../event.scss'

type Done = OutputOf<'event.checkIn'>

/** The verifier scans the resident's QR code or types the 6-character code under it. */
export default function CheckinPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.event.get({ id }), [id], { enabled: id !== '' })
  const [code, setCode] = useState('')
  const [done, setDone] = useState<Done[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (value: string) => {
    if (!value.trim()) return setError('请输入居民报出的 6 位核销码')
    setBusy(true)
    const r = await api.event.checkIn({ eventId: id, code: value.trim() })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setDone((prev) => [r.data, ...prev])
    setError('')
    setCode('')
    void Taro.showToast({ title: '签到成功', icon: 'success' })
    // The confirmed and checked-in counts in the header follow.
    void q.reload()
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(res.result)
    } catch {
      // Cancelled: nothing to do.
    }
  }

  return (
    <PageShell id='checkin-page' query={q}>
      {({ event }) => (
        <>
          <Section title={event.title} extra={`已确认 ${event.confirmed}/${event.capacity}`}>
            <EventMeta e={event} />
          </Section>
          <Section title='核销签到'>
            <Field id='checkin' label='居民报出的 6 位核销码' error={error || undefined} hint={process.env.TARO_ENV === 'weapp' ? '也可以扫描居民电子票上的二维码' : undefined}>
              <TextBox id='checkin-code' value={code} maxLength={200} placeholder='例如 7KQ2MX' onChange={(v) => setCode(v.toUpperCase())} />
            </Field>
            <ButtonRow>
              {process.env.TARO_ENV === 'weapp' ? (
                <Button fill='outline' type='primary' id='checkin-scan' onClick={() => void scan()}>
                  扫码核销
                </Button>
              ) : null}
              <Button type='primary' id='checkin-submit' loading={busy} onClick={() => void submit(code)}>
                核销签到
              </Button>
            </ButtonRow>
          </Section>
          {done.length ? (
            <CellGroup title='本次已签到' id='checkin-done'>
              {done.map((d) => (
                <Cell
                  key={d.signupId}
                  id={`checked-${d.signupId}`}
                  icon='success'
                  title={`${d.name} · ${d.householdLabel}`}
                  desc={d.rewardText ? `已发放 ${d.rewardText}` : undefined}
                  extra={formatDateTime(d.checkedInAt).slice(11)}
                />
              ))}
            </CellGroup>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
