import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, Field, KVList, Section, StatGrid } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { shanghai } from '../../../../utils/time'
import { ChipChoice } from '../../../service/components/ChipChoice'
import type { Board, Booking } from '../../types'
import '../../../service/service.scss'

/** The dispatcher's board: jobs waiting for a worker first, then assigned ones; 派单 / 替换 with a reason. */
export default function BoardPage() {
  const q = useQuery(() => api.booking.board({}), [])
  const [open, setOpen] = useState('')
  const [worker, setWorker] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (b: Booking) => {
    setBusy(true)
    const r = await api.booking.reassign({ bookingId: b.id, workerId: worker, reason })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setOpen('')
    setReason('')
    void q.reload()
  }

  const row = (data: Board, b: Booking) => (
    <Section
      key={b.id}
      id={`board-${b.id}`}
      title={b.kind === 'repair' ? `报修：${b.lineName}` : b.lineName}
      extra={<Chip text={b.statusLabel} tone={b.worker ? 'primary' : 'accent'} />}
    >
      <KVList
        rows={[
          { label: '上门时间', value: `${shanghai(b.slotStart).format('M月D日 HH:mm')}-${shanghai(b.slotEnd).format('HH:mm')}` },
          { label: '房屋', value: b.householdLabel },
          { label: '师傅', value: b.worker ? b.worker.name : '未派单' },
          ...(b.reassignments.length > 0 ? [{ label: '替换记录', value: `已替换 ${b.reassignments.length} 次` }] : [])
        ]}
      />
      {open === b.id ? (
        <View className='sv-reassign'>
          <Field label={b.worker ? '换成哪位师傅' : '派给哪位师傅'} required>
            <ChipChoice
              id='pick'
              value={worker}
              options={data.workers.filter((w) => w.id !== b.worker?.id).map((w) => ({ value: w.id, label: w.name }))}
              onChange={setWorker}
            />
          </Field>
          <Field label='原因' required>
            <Input id='reassign-reason' className='sv-input' value={reason} placeholder='例如：师傅临时请假' onInput={(e) => setReason(e.detail.value)} />
          </Field>
          <ButtonRow>
            <Button fill='outline' onClick={() => setOpen('')}>
              取消
            </Button>
            <Button id='reassign-submit' type='primary' loading={busy} disabled={!worker} onClick={() => void submit(b)}>
              {b.worker ? '确认替换' : '确认派单'}
            </Button>
          </ButtonRow>
        </View>
      ) : b.status === 'held' || b.status === 'confirmed' ? (
        <ButtonRow>
          <Button id={`reassign-${b.id}`} type='primary' fill='outline' onClick={() => (setOpen(b.id), setWorker(''))}>
            {b.worker ? '替换师傅' : '派单'}
          </Button>
        </ButtonRow>
      ) : null}
    </Section>
  )

  return (
    <PageShell
      id='board-page'
      query={q}
      empty={(d) =>
        d.unassigned.length === 0 && d.assigned.length === 0 ? { title: '近 7 天没有预约', hint: '住户预约保洁或报修后，工单会出现在这里等待派单' } : null
      }
    >
      {(d) => (
        <>
          <Section>
            <StatGrid
              columns={3}
              items={[
                { label: '待派单', value: d.unassigned.length, id: 'board-unassigned', tone: d.unassigned.length > 0 ? 'accent' : 'default' },
                { label: '已派单', value: d.assigned.length },
                { label: '在岗师傅', value: d.workers.length, tone: 'primary' }
              ]}
            />
          </Section>
          <Text className='sv-day'>待派单</Text>
          {d.unassigned.length === 0 ? <EmptyState title='没有待派的工单' hint='新预约进来后会先出现在这里' /> : null}
          {d.unassigned.map((b) => row(d, b))}
          <Text className='sv-day'>已派单（近 7 天）</Text>
          {d.assigned.map((b) => row(d, b))}
        </>
      )}
    </PageShell>
  )
}
