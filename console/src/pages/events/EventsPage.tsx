import { useState } from 'react'
import { Button, Card, MessagePlugin, Radio, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS, type EventPhase, type EventViewT } from '@contracts/event'
import { formatDateTime, timeRangeText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { useQuery } from '../../shell/use-query'
import { KitDialog } from '../selling/KitDialog'
import { EventDialog } from './EventDialog'
import { SignupsDrawer } from './SignupsDrawer'

const PHASE_THEMES: Record<EventPhase, 'default' | 'primary' | 'success' | 'warning'> = { upcoming: 'default', open: 'success', closed: 'warning', ongoing: 'primary', ended: 'default' }

/** Events and service experience sessions: the programme, covers, seats and who signed up. */
export function EventsPage() {
  const { community } = useConsole()
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const events = useQuery(() => api.event.list({ when }), [community.id, when])
  const options = useQuery(() => api.event.editorOptions({}), [community.id])
  const [editing, setEditing] = useState<{ event: EventViewT | null } | null>(null)
  const [signups, setSignups] = useState<EventViewT | null>(null)
  const [kitFor, setKitFor] = useState<EventViewT | null>(null)

  return (
    <div className='stack'>
      <PageShell query={events}>
        {(d) => (
          <Card
            bordered={false}
            title={when === 'upcoming' ? `即将举办 ${d.events.length} 场` : `已结束 ${d.events.length} 场`}
            subtitle='住户在小程序「活动」中报名；管家把邀请分享到微信群，现场扫码签到。'
            actions={
              <Space size={8}>
                <Radio.Group variant='default-filled' value={when} onChange={(v) => setWhen(v === 'past' ? 'past' : 'upcoming')}>
                  <Radio.Button value='upcoming'>即将举办</Radio.Button>
                  <Radio.Button value='past'>已结束</Radio.Button>
                </Radio.Group>
                <ExportButtons
                  id='export-events'
                  fileName={`${community.name}-活动`}
                  header={['活动', '类型', '开始', '结束', '地点', '名额', '已报名', '候补', '状态']}
                  rows={() => d.events.map((e) => [e.title, EVENT_KIND_LABELS[e.kind], formatDateTime(e.startAt), formatDateTime(e.endAt), e.venue, e.capacity, e.confirmed, e.waiting, EVENT_PHASE_LABELS[e.phase]])}
                />
                <Button id='event-new' theme='primary' icon={<AddIcon />} disabled={!options.data} onClick={() => setEditing({ event: null })}>
                  新建活动
                </Button>
              </Space>
            }
          >
            <Table
              className='events-table'
              rowKey='id'
              data={d.events}
              empty={when === 'upcoming' ? '还没有安排活动' : '还没有结束的活动'}
              columns={[
                {
                  colKey: 'title',
                  title: '活动',
                  cell: ({ row }) => (
                    <span className='cell-media'>
                      <PhotoThumb id={row.cover} size={44} alt={row.title} />
                      <span className='cell-media__text'>
                        <div>{row.title}</div>
                        <div className='muted'>{EVENT_KIND_LABELS[row.kind]} · {row.venue}</div>
                      </span>
                    </span>
                  )
                },
                { colKey: 'startAt', title: '时间', width: 220, cell: ({ row }) => timeRangeText(row.startAt, row.endAt) },
                { colKey: 'confirmed', title: '报名 / 名额', align: 'right', width: 110, cell: ({ row }) => `${row.confirmed} / ${row.capacity}` },
                { colKey: 'waiting', title: '候补', align: 'right', width: 70, cell: ({ row }) => (row.waiting ? `${row.waiting} 人` : '—') },
                { colKey: 'phase', title: '状态', width: 100, cell: ({ row }) => <Tag theme={PHASE_THEMES[row.phase]} variant='light'>{EVENT_PHASE_LABELS[row.phase]}</Tag> },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 240,
                  cell: ({ row }) => (
                    <Space size={0}>
                      {row.phase !== 'ended' ? (
                        <Button variant='text' theme='primary' disabled={!options.data} onClick={() => setEditing({ event: row })}>
                          修改
                        </Button>
                      ) : null}
                      <Button className='event-signups' variant='text' theme='primary' onClick={() => setSignups(row)}>
                        报名名单
                      </Button>
                      {row.phase !== 'ended' ? (
                        <Button className='event-kit' variant='text' theme='primary' onClick={() => setKitFor(row)}>
                          话术工具包
                        </Button>
                      ) : null}
                    </Space>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {editing && options.data ? (
        <EventDialog
          event={editing.event}
          options={options.data}
          onClose={(saved) => {
            setEditing(null)
            if (saved) {
              void MessagePlugin.success(`已保存${saved}`)
              void events.reload()
            }
          }}
        />
      ) : null}
      {signups ? <SignupsDrawer event={signups} onClose={() => setSignups(null)} /> : null}
      {kitFor ? (
        <KitDialog
          kind='event'
          refId={kitFor.id}
          title={kitFor.title}
          onClose={(saved) => {
            setKitFor(null)
            if (saved) void MessagePlugin.success(`已保存${saved}`)
          }}
        />
      ) : null}
    </div>
  )
}
