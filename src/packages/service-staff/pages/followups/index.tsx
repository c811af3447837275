import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, KVList, Section } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { NoteField } from '../../components/NoteField'
import type { FollowUp } from '../../types'
import '../../../service/service.scss'

/** The butler's follow-ups of low ratings in their grid. */
export default function FollowUpsPage() {
  const q = useQuery(() => api.booking.followUps({ status: 'open' }), [])
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState('')
  const close = async (f: FollowUp) => {
    setBusy(f.id)
    const r = await api.booking.closeFollowUp({ followUpId: f.id, note: notes[f.id] ?? '' })
    setBusy('')
    if (!r.ok) return toastError(r.error)
    q.setData((prev) => ({ followUps: (prev?.followUps ?? []).filter((x) => x.id !== f.id) }))
    void Taro.showToast({ title: '已完成回访', icon: 'success' })
  }
  return (
    <PageShell
      id='followups-page'
      query={q}
      empty={whenEmpty((d) => d.followUps, { title: '没有待回访的评价', hint: '住户给出低分评价后，会在这里提醒你上门或电话回访' })}
    >
      {(d) => (
        <>
          {d.followUps.map((f) => (
            <Section key={f.id} id={`followup-${f.bookingId}`} title={f.householdLabel} extra={<Chip text={`${f.avg.toFixed(1)} 分`} tone='danger' />}>
              <KVList
                rows={[
                  { label: '服务', value: f.lineName },
                  { label: '师傅', value: f.workerName },
                  { label: '评价时间', value: formatDateTime(f.createdAt) }
                ]}
              />
              {f.comment ? <Text className='sv-quote-text'>“{f.comment}”</Text> : null}
              <NoteField label='回访结果' required id={`followup-note-${f.id}`} value={notes[f.id] ?? ''} placeholder='例如：已电话致歉，下次改派其他师傅' onChange={(v) => setNotes({ ...notes, [f.id]: v })} />
              <ButtonRow>
                <Button id={`followup-close-${f.id}`} type='primary' loading={busy === f.id} onClick={() => void close(f)}>
                  完成回访
                </Button>
              </ButtonRow>
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
