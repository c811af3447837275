import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../../client'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { toastError } from '../../../../services/result'
import { photoSrc } from '../../../../services/upload'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, KVList, type KVRow, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { formatDateTime, minutesText } from '../../../../utils/time'
import { NoteField } from '../../components/NoteField'
import type { Complaint } from '../../types'
import '../../../service/service.scss'

const TONE: Record<Complaint['status'], 'accent' | 'info' | 'primary' | 'muted'> = { open: 'accent', processing: 'info', resolved: 'primary', closed: 'muted' }

function details(c: Complaint): KVRow[] {
  const rows: KVRow[] = [{ label: '提交时间', value: formatDateTime(c.createdAt) }]
  if (c.responseMinutes !== null) rows.push({ label: '响应用时', value: minutesText(c.responseMinutes) })
  if (c.response) rows.push({ label: '回复', value: c.response })
  if (c.rating) rows.push({ label: '住户评价', value: `${c.rating.score} 分（满分 5 分）` })
  return rows
}

/**
 * Complaint tickets: the community's for dispatchers and operators, their grid's for a butler (the
 * server scopes the list). Accept (受理), resolve with a response; response times and photos shown.
 */
export default function StaffComplaintsPage() {
  const q = useQuery(() => api.booking.complaints({}), [])
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState('')
  const respond = async (c: Complaint, status: 'processing' | 'resolved') => {
    setBusy(`${c.id}-${status}`)
    const r = await api.booking.respond({ complaintId: c.id, status, response: texts[c.id] ?? '' })
    setBusy('')
    if (r.ok) void q.reload()
    else toastError(r.error)
  }
  return (
    <PageShell
      id='staff-complaints'
      query={q}
      empty={whenEmpty((d) => d.complaints, { title: '暂时没有投诉', hint: '住户提交投诉后会通知你，受理和办结都在这里处理' })}
    >
      {(d) => (
        <>
          <Section>
            <StatGrid
              items={[
                { label: '待受理', value: d.complaints.filter((c) => c.status === 'open').length, tone: 'accent' },
                { label: '平均响应', value: d.avgResponseMinutes === null ? '暂无' : minutesText(d.avgResponseMinutes) }
              ]}
            />
          </Section>
          {d.complaints.map((c) => (
            <Section key={c.id} id={`sc-${c.id}`} title={`${c.categoryLabel} · ${c.householdLabel}`} extra={<Chip text={c.statusLabel} tone={TONE[c.status]} />}>
              <Text className='sv-text'>{c.text}</Text>
              {c.photos.length > 0 ? <PhotoStrip id={`sc-photos-${c.id}`} ids={c.photos} srcOf={photoSrc} /> : null}
              <KVList rows={details(c)} />
              {c.status === 'open' || c.status === 'processing' ? (
                <View>
                  <NoteField label='处理说明' id={`sc-note-${c.id}`} value={texts[c.id] ?? ''} placeholder='写给住户看的处理情况' onChange={(v) => setTexts({ ...texts, [c.id]: v })} />
                  <ButtonRow>
                    {c.status === 'open' ? (
                      <Button id={`sc-accept-${c.id}`} fill='outline' type='primary' loading={busy === `${c.id}-processing`} onClick={() => void respond(c, 'processing')}>
                        受理
                      </Button>
                    ) : null}
                    <Button id={`sc-resolve-${c.id}`} type='primary' loading={busy === `${c.id}-resolved`} onClick={() => void respond(c, 'resolved')}>
                      办结
                    </Button>
                  </ButtonRow>
                </View>
              ) : null}
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
