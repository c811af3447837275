import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../../client'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { TextBox } from '../../../../components/TextBox'
import { toastError } from '../../../../services/result'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { formatDateTime } from '../../../../utils/time'
import { ButtonRow, Chip, Field, KVList, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { WorkOrderTimers } from '../../../service/components/WorkOrderTimers'
import type { WorkOrder } from '../../types'
import '../../../service/service.scss'

const STEP_TEXT = { accept: '响应工单', arrive: '已到场', finish: '完成工单' } as const
const TICK_MS = 30_000

/**
 * One work order for the worker or butler it was handed to: what happened and where, its SLA
 * timers, and the one next step (answer, arrive, finish) with a note and a photo of the result.
 */
export default function WorkOrderPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.desk.workOrder({ workOrderId: id }), [id], { enabled: id !== '' })
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(t)
  }, [])

  const step = async (w: WorkOrder) => {
    if (!w.can.step) return
    setBusy(true)
    const r = await api.desk.step({ workOrderId: w.id, step: w.can.step, note, photo: photos[0] ?? null })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setNote('')
    setPhotos([])
    q.setData({ workOrder: r.data.workOrder })
  }

  return (
    <PageShell id='work-order-page' query={q}>
      {({ workOrder: w }) => (
        <>
          <Section title={`${w.typeLabel} · ${w.householdLabel}`} extra={<Chip id='wo-status' text={w.breached && w.can.step ? '已超时' : w.statusLabel} tone={w.breached && w.can.step ? 'danger' : w.can.step ? 'primary' : 'muted'} />}>
            <Text className='sv-quote' id='wo-text'>
              {w.text}
            </Text>
            <PhotoStrip id='wo-photos' ids={w.photos} srcOf={photoSrc} />
            <KVList
              rows={[
                { label: '工单号', value: w.no },
                { label: '来源', value: w.channelLabel },
                { label: '联系人', value: [w.contactName, w.contactPhoneMasked].filter(Boolean).join(' ') || '—' },
                { label: '登记时间', value: formatDateTime(w.createdAt) }
              ]}
            />
          </Section>
          <Section title='时限'>
            <WorkOrderTimers stages={w.stages} now={now} />
          </Section>
          {w.can.step ? (
            <Section title={STEP_TEXT[w.can.step]} id='wo-step'>
              <Field label='备注'>
                <TextBox id='wo-note' value={note} maxLength={200} multiline placeholder={w.can.step === 'finish' ? '做了什么，住户还要注意什么' : '选填'} onChange={setNote} />
              </Field>
              {w.can.step === 'finish' ? (
                <Field label='完工照片'>
                  <PhotoPicker id='wo-photo' value={photos} onChange={setPhotos} upload={uploadPhoto} srcOf={photoSrc} max={1} onBusyChange={setUploading} />
                </Field>
              ) : null}
              <ButtonRow stacked>
                <Button id='wo-step-go' block type='primary' loading={busy} disabled={uploading} onClick={() => void step(w)}>
                  {STEP_TEXT[w.can.step]}
                </Button>
              </ButtonRow>
            </Section>
          ) : w.status === 'open' || w.status === 'accepted' || w.status === 'arrived' ? (
            <Notice>这张工单随住户的预约或投诉更新，请在对应页面处理。</Notice>
          ) : null}
          {w.visit ? (
            <Notice tone='success' id='wo-visit'>
              {w.visit.by === 'rating' ? '住户评价' : '客服回访'}：{w.visit.score ?? '—'} 分{w.visit.note ? `，${w.visit.note}` : ''}
            </Notice>
          ) : null}
          <Section title='处理记录'>
            <View className='sv-history'>
              {[...w.history].reverse().map((e, i) => (
                <View key={i}>
                  <Text className='sv-meta'>
                    {formatDateTime(e.at)} · {e.action} {e.byName}
                  </Text>
                  {e.note ? <Text className='sv-meta'>{e.note}</Text> : null}
                </View>
              ))}
            </View>
          </Section>
        </>
      )}
    </PageShell>
  )
}
