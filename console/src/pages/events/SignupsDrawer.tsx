import { Drawer, Table, Tag } from 'tdesign-react'
import { type EventViewT, type SignupStatus, signupStatusText } from '@contracts/event'
import type { OutputOf } from '@contracts/registry'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

type Attendee = OutputOf<'event.signups'>['attendees'][number]

const STATUS_THEMES: Record<SignupStatus, 'default' | 'primary' | 'success' | 'warning'> = {
  confirmed: 'primary',
  waitlisted: 'warning',
  checkedIn: 'success',
  cancelled: 'default',
  noShow: 'default'
}

const answerText = (a: Attendee, key: string) => {
  const v = a.answers[key]
  return v === undefined || v === '' ? '—' : String(v)
}

/** Who signed up for an event, who waits, and what they answered; the list leaves as CSV or Excel. */
export function SignupsDrawer({ event, onClose }: { event: EventViewT; onClose: () => void }) {
  const q = useQuery(() => api.event.signups({ eventId: event.id }), [event.id])
  const fields = event.fields
  const columns = [
    { colKey: 'name', title: '报名人', width: 110 },
    { colKey: 'householdLabel', title: '房屋', width: 130 },
    { colKey: 'phoneMasked', title: '手机', width: 130, cell: ({ row }: { row: Attendee }) => row.phoneMasked ?? '—' },
    { colKey: 'status', title: '状态', width: 100, cell: ({ row }: { row: Attendee }) => <Tag theme={STATUS_THEMES[row.status]} variant='light'>{signupStatusText(row)}</Tag> },
    ...fields.map((f) => ({ colKey: `answer-${f.key}`, title: f.label, ellipsis: true, cell: ({ row }: { row: Attendee }) => answerText(row, f.key) })),
    { colKey: 'createdAt', title: '报名时间', width: 150, cell: ({ row }: { row: Attendee }) => formatDateTime(row.createdAt) },
    { colKey: 'inviterName', title: '邀请管家', width: 100, cell: ({ row }: { row: Attendee }) => row.inviterName ?? '—' }
  ]
  const rowOf = (a: Attendee) => [a.name, a.householdLabel, a.phoneMasked ?? '', signupStatusText(a), ...fields.map((f) => answerText(a, f.key)), formatDateTime(a.createdAt), a.checkedInAt ? formatDateTime(a.checkedInAt) : '', a.inviterName ?? '']

  return (
    <Drawer visible size='1000px' header={`${event.title} · 报名名单`} footer={false} onClose={onClose}>
      <PageShell query={q}>
        {(d) => (
          <div className='stack'>
            <div className='stats'>
              <Stat label='已报名' value={`${d.event.confirmed} / ${d.event.capacity}`} small />
              <Stat label='已签到' value={`${d.attendees.filter((a) => a.status === 'checkedIn').length} 人`} small />
              <Stat label='候补' value={`${d.waitlist.length} 人`} small />
              <Stat label='已取消' value={`${d.cancelled} 人`} small />
            </div>
            <div className='section-head'>
              <h4 className='section-title'>报名 {d.attendees.length} 人</h4>
              <ExportButtons
                id='export-signups'
                fileName={`${event.title}-报名名单`}
                header={['报名人', '房屋', '手机', '状态', ...fields.map((f) => f.label), '报名时间', '签到时间', '邀请管家']}
                rows={() => [...d.attendees, ...d.waitlist].map(rowOf)}
              />
            </div>
            <Table className='signups-table' rowKey='signupId' data={d.attendees} size='small' empty='还没有人报名' columns={columns} />
            {d.waitlist.length ? (
              <>
                <h4 className='section-title'>候补 {d.waitlist.length} 人</h4>
                <Table className='waitlist-table' rowKey='signupId' data={d.waitlist} size='small' columns={columns} />
              </>
            ) : null}
          </div>
        )}
      </PageShell>
    </Drawer>
  )
}
