import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { CodeEntry } from '../../../../components/CodeEntry'
import { scanTicketCode } from '../../../../services/event'
import { Cell, CellGroup, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import '../../event.scss'

type Done = OutputOf<'event.checkIn'>

/** The verifier scans the resident's QR code or types the 6-character code under it. */
export default function CheckinPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.event.get({ id }), [id], { enabled: id !== '' })
  const [done, setDone] = useState<Done[]>([])
  const [error, setError] = useState('')

  const submit = async (value: string) => {
    if (!value.trim()) {
      setError('请输入居民报出的 6 位核销码')
      return false
    }
    const r = await api.event.checkIn({ eventId: id, code: value.trim() })
    if (!r.ok) {
      setError(r.error.message)
      return false
    }
    setDone((prev) => [r.data, ...prev])
    setError('')
    void Taro.showToast({ title: '签到成功', icon: 'success' })
    // The confirmed and checked-in counts in the header follow.
    void q.reload()
    return true
  }

  return (
    <PageShell id='checkin-page' query={q}>
      {({ event }) => (
        <>
          <Section title={event.title} extra={`已确认 ${event.confirmed}/${event.capacity}`}>
            <EventMeta e={event} />
          </Section>
          <Section title='核销签到'>
            <CodeEntry
              id='checkin'
              text={{ label: '居民报出的 6 位核销码', hint: process.env.TARO_ENV === 'weapp' ? '也可以扫描居民电子票上的二维码' : undefined, placeholder: '例如 7KQ2MX', scan: '扫码核销', submit: '核销签到' }}
              error={error || undefined}
              maxLength={200}
              normalize={(v) => v.toUpperCase()}
              scan={scanTicketCode}
              submit={submit}
            />
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
