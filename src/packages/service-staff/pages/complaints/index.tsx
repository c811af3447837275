import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { StateView } from '../../../../components/StateView'
import { type Complaint, respondComplaint, staffComplaints } from '../../../../services/booking'
import { toastError } from '../../../../services/result'
import { photoSrc } from '../../../../services/upload'
import { Button } from '../../../../ui/nut'
import { formatDateTime } from '../../../../utils/time'
import '../../../service/service.scss'

/**
 * Complaint tickets: the community's for dispatchers and operators, their grid's for a butler (the
 * server scopes the list). Accept (受理), resolve with a response; response times and photos shown.
 */
export default function StaffComplaintsPage() {
  const [data, setData] = useState<{ complaints: Complaint[]; avgResponseMinutes: number | null } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const load = async () => {
    const r = await staffComplaints()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  const respond = async (c: Complaint, status: 'processing' | 'resolved') => {
    const r = await respondComplaint({ complaintId: c.id, status, response: texts[c.id] ?? '' })
    if (r.ok) void load()
    else toastError(r.error)
  }
  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  return (
    <View className='page' id='staff-complaints'>
      <View className='card'>
        <View className='row'>
          <View className='stat'><Text className='stat-value'>{data.complaints.filter((c) => c.status === 'open').length}</Text><Text className='stat-label'>待受理</Text></View>
          <View className='stat'><Text className='stat-value'>{data.avgResponseMinutes ?? '-'}</Text><Text className='stat-label'>平均响应（分钟）</Text></View>
        </View>
      </View>
      {data.complaints.map((c) => (
        <View key={c.id} id={`sc-${c.id}`} className='card'>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{c.categoryLabel} · {c.householdLabel}</Text>
            <Text className={`badge ${c.status === 'open' ? 'badge--accent' : ''}`}>{c.statusLabel}</Text>
          </View>
          <Text className='sv-meta'>{c.text}</Text>
          <PhotoStrip id={`sc-photos-${c.id}`} ids={c.photos} srcOf={photoSrc} />
          <Text className='sv-meta'>{formatDateTime(c.createdAt)}{c.responseMinutes !== null ? ` · ${c.responseMinutes} 分钟响应` : ''}</Text>
          {c.response ? <Text className='sv-meta'>回复：{c.response}</Text> : null}
          {c.rating ? <Text className='sv-meta'>住户评价：{'★'.repeat(c.rating.score)}</Text> : null}
          {c.status === 'open' || c.status === 'processing' ? (
            <View>
              <Input className='sv-input' style={{ marginTop: '16px' }} value={texts[c.id] ?? ''} placeholder='处理说明' onInput={(e) => setTexts({ ...texts, [c.id]: e.detail.value })} />
              <View className='sv-actions'>
                {c.status === 'open' ? <Button size='small' fill='outline' onClick={() => void respond(c, 'processing')}>受理</Button> : null}
                <Button size='small' type='primary' onClick={() => void respond(c, 'resolved')}>办结</Button>
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
