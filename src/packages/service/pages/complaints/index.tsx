import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import { api, currentMe } from '../../../../client'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { newRequestId } from '../../../../services/payment'
import { fieldError, toastError } from '../../../../services/result'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { Chip, Field, Icon, KVList, type KVRow, Notice, Section } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime, minutesText } from '../../../../utils/time'
import { ChipChoice } from '../../components/ChipChoice'
import type { Complaint } from '../../types'
import '../../service.scss'

const TONE: Record<Complaint['status'], 'accent' | 'info' | 'primary' | 'muted'> = { open: 'accent', processing: 'info', resolved: 'primary', closed: 'muted' }

function details(c: Complaint): KVRow[] {
  const rows: KVRow[] = [{ label: '提交时间', value: formatDateTime(c.createdAt) }]
  if (c.responseMinutes !== null) rows.push({ label: '响应用时', value: minutesText(c.responseMinutes) })
  if (c.response) rows.push({ label: '物业回复', value: c.response })
  return rows
}

/** Complaints (投诉): a ticket with a category and a status; the resident rates how it was handled. */
export default function ComplaintsPage() {
  const q = useQuery(() => api.booking.myComplaints({}), [])
  const [category, setCategory] = useState<ComplaintCategory>('environment')
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  // The last refused submission, shown at its field.
  const [refused, setRefused] = useState<ApiError | null>(null)

  const submit = async () => {
    const householdId = currentMe()?.current?.householdId ?? ''
    setBusy(true)
    const r = await api.booking.complain({ householdId, category, text, photos, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setRefused(r.error)
    setRefused(null)
    setText('')
    setPhotos([])
    setRequestId(newRequestId())
    void q.reload()
  }
  const rate = async (id: string, score: number) => {
    const r = await api.booking.rateComplaint({ complaintId: id, score })
    if (r.ok) void q.reload()
    else toastError(r.error)
  }
  const textError = fieldError(refused, 'text')

  return (
    <PageShell id='complaints-page' query={q}>
      {(d) => (
        <>
          <Section title='我要投诉'>
            <Field label='问题类型'>
              <ChipChoice<ComplaintCategory> id='cat' value={category} options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: COMPLAINT_CATEGORY_LABELS[c] }))} onChange={setCategory} />
            </Field>
            <Field label='问题描述' required error={textError ?? undefined}>
              <TextArea id='complaint-text' value={text} maxLength={500} placeholder='请描述问题发生的时间、地点和情况' onChange={(v: string) => setText(v)} />
            </Field>
            <Field label='照片' hint='最多 6 张，可选'>
              <PhotoPicker id='complaint-photos' max={6} value={photos} onChange={setPhotos} onBusyChange={setUploading} upload={uploadPhoto} srcOf={photoSrc} />
            </Field>
            {refused && !textError ? <Notice tone='danger'>{refused.message}</Notice> : null}
            <Button id='complaint-submit' className='btn-block' block type='primary' loading={busy} disabled={uploading} onClick={() => void submit()}>
              {uploading ? '照片上传中…' : '提交'}
            </Button>
          </Section>

          <Text className='sv-day'>我的投诉</Text>
          {d.complaints.length === 0 ? <EmptyState title='还没有提交过投诉' hint='提交后物业会尽快受理，处理进度和回复会显示在这里' /> : null}
          {d.complaints.map((c) => (
            <Section key={c.id} id={`complaint-${c.id}`} title={c.categoryLabel} extra={<Chip text={c.statusLabel} tone={TONE[c.status]} />}>
              <Text className='sv-text'>{c.text}</Text>
              {c.photos.length > 0 ? <PhotoStrip id={`complaint-photos-${c.id}`} ids={c.photos} srcOf={photoSrc} small /> : null}
              <KVList rows={details(c)} />
              {c.rating ? (
                <View className='sv-rate-row'>
                  <Text className='sv-label'>我的评价</Text>
                  <View className='sv-stars'>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <View key={n} className={`sv-star ${c.rating && c.rating.score >= n ? 'sv-star--on' : ''}`}>
                        <Icon name={c.rating && c.rating.score >= n ? 'points' : 'star'} size='s' />
                      </View>
                    ))}
                  </View>
                </View>
              ) : c.status === 'resolved' ? (
                <View className='sv-rate-row'>
                  <Text className='sv-label'>评价处理结果</Text>
                  <View className='sv-stars'>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <View key={n} id={`crate-${c.id}-${n}`} className='sv-star' onClick={() => void rate(c.id, n)}>
                        <Icon name='star' size='l' />
                      </View>
                    ))}
                  </View>
                </View>
              ) : null}
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
