import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, type ComplaintCategory } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { StateView } from '../../../../components/StateView'
import { type Complaint, complain, myComplaints, rateComplaint } from '../../../../services/booking'
import { newRequestId } from '../../../../services/payment'
import { fieldError, toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { formatDateTime } from '../../../../utils/time'
import '../../service.scss'

/** Complaints (投诉): a ticket with a category and a status; the resident rates how it was handled. */
export default function ComplaintsPage() {
  const householdId = currentMe()?.current?.householdId ?? ''
  const [list, setList] = useState<Complaint[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [category, setCategory] = useState<ComplaintCategory>('environment')
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const load = async () => {
    const r = await myComplaints()
    if (r.ok) setList(r.data.complaints)
    else setError(r.error)
  }
  useDidShow(() => void load())
  const submit = async () => {
    setBusy(true)
    const r = await complain({ householdId, category, text, photos, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setText('')
    setPhotos([])
    setRequestId(newRequestId())
    void load()
  }
  const rate = async (id: string, score: number) => {
    const r = await rateComplaint({ complaintId: id, score })
    if (r.ok) void load()
    else toastError(r.error)
  }
  return (
    <View className='page' id='complaints-page'>
      <View className='card'>
        <Text className='section-title'>我要投诉</Text>
        <View className='sv-choice' style={{ marginBottom: '16px' }}>
          {COMPLAINT_CATEGORIES.map((c) => (
            <Text key={c} id={`cat-${c}`} className={`sv-chip ${category === c ? 'sv-chip--on' : ''}`} onClick={() => setCategory(c)}>
              {COMPLAINT_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        <TextArea id='complaint-text' value={text} maxLength={500} placeholder='请描述问题发生的时间、地点和情况' onChange={(v: string) => setText(v)} />
        <PhotoPicker id='complaint-photos' max={6} value={photos} onChange={setPhotos} onBusyChange={setUploading} upload={uploadPhoto} srcOf={photoSrc} />
        {fieldError(error, 'text') ? <Text className='field-error'>{fieldError(error, 'text')}</Text> : error ? <Text className='field-error'>{error.message}</Text> : null}
        <Button id='complaint-submit' className='btn-block' block type='primary' loading={busy} disabled={uploading} onClick={() => void submit()}>
          {uploading ? '照片上传中…' : '提交'}
        </Button>
      </View>
      {!list ? <StateView loading /> : null}
      {list?.map((c) => (
        <View key={c.id} id={`complaint-${c.id}`} className='card'>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{c.categoryLabel}</Text>
            <Text className={`badge ${c.status === 'open' ? 'badge--accent' : ''}`}>{c.statusLabel}</Text>
          </View>
          <Text className='sv-meta'>{c.text}</Text>
          <PhotoStrip id={`complaint-photos-${c.id}`} ids={c.photos} srcOf={photoSrc} small />
          <Text className='sv-meta'>{formatDateTime(c.createdAt)}{c.responseMinutes !== null ? ` · ${c.responseMinutes} 分钟内响应` : ''}</Text>
          {c.response ? <Text className='sv-meta'>物业回复：{c.response}</Text> : null}
          {c.status === 'resolved' ? (
            <View className='sv-rate-row' style={{ marginTop: '16px' }}>
              <Text className='sv-label'>评价处理结果</Text>
              <View className='sv-stars'>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Text key={n} id={`crate-${c.id}-${n}`} className='sv-star' onClick={() => void rate(c.id, n)}>★</Text>
                ))}
              </View>
            </View>
          ) : null}
          {c.rating ? <Text className='sv-meta'>我的评价：{'★'.repeat(c.rating.score)}</Text> : null}
        </View>
      ))}
    </View>
  )
}
