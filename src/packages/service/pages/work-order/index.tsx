import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { toastError } from '../../../../services/result'
import { photoSrc } from '../../../../services/upload'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { Chip, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { ContactButton } from '../../../../components/ContactButton'
import { Stars } from '../../components/Stars'
import { WorkOrderTimers } from '../../components/WorkOrderTimers'
import '../../service.scss'

/**
 * A work order the office logged for the resident's home (a call, a visit to the front desk, a
 * message): who has it, how far it is against the promised times, and a rating once it is done,
 * which is the return visit.
 */
export default function ResidentWorkOrderPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.desk.residentWorkOrder({ workOrderId: id }), [id], { enabled: id !== '' })
  const [score, setScore] = useState(5)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const now = Date.now()

  const rate = async () => {
    setBusy(true)
    const r = await api.desk.rateWorkOrder({ workOrderId: id, score, comment })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    q.setData({ workOrder: r.data.workOrder })
  }

  return (
    <PageShell id='resident-work-order-page' query={q}>
      {({ workOrder: w }) => (
        <>
          <Section title={`${w.typeLabel}工单`} extra={<Chip id='wo-status' text={w.statusLabel} tone={w.status === 'visited' || w.status === 'done' ? 'muted' : 'primary'} />}>
            <Text className='sv-quote'>{w.text}</Text>
            <PhotoStrip id='wo-photos' ids={w.photos} srcOf={photoSrc} />
            <KVList
              rows={[
                { label: '工单号', value: w.no },
                { label: '房屋', value: w.householdLabel },
                { label: '处理人', value: w.assignee?.name ?? '正在安排' },
                { label: '登记时间', value: formatDateTime(w.createdAt) }
              ]}
            />
          </Section>
          <Section title='处理进度'>
            <WorkOrderTimers stages={w.stages} now={now} />
          </Section>
          {w.can.rate ? (
            <Section title='评价这次处理' id='wo-rate'>
              <View className='sv-rate-row'>
                <Stars id='wo-score' value={score} onChange={setScore} />
              </View>
              <TextArea id='wo-comment' value={comment} maxLength={200} placeholder='说说处理得怎么样（选填）' onChange={(v: string) => setComment(v)} />
              <Button id='wo-rate-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void rate()}>
                提交评价
              </Button>
            </Section>
          ) : null}
          {w.visit ? (
            <Notice tone='success' id='wo-visited'>
              {w.visit.by === 'rating' ? '你的评价' : '客服回访'}：{w.visit.score ?? '—'} 分{w.visit.note ? `，${w.visit.note}` : ''}。感谢反馈！
            </Notice>
          ) : null}
          <ContactButton id='wo-contact' text='对处理有疑问？联系客服' />
        </>
      )}
    </PageShell>
  )
}
