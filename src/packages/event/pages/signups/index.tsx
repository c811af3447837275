import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { RATING_DIMENSIONS, RATING_LABELS } from '@contracts/event'
import type { OutputOf } from '@contracts/registry'
import { api, currentMe, useSession } from '../../../../client'
import { SAVED_TEXT, saveCsv } from '../../../../services/csv'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { ButtonRow, Cell, CellGroup, Chip, KVList, Section, Segmented, StatGrid } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { STATUS_TONES, statusLabel } from '../../format'
import { eventLink } from '../../links'
import '../../event.scss'

type Signups = OutputOf<'event.signups'>
type Summary = OutputOf<'event.feedbackSummary'>
type Attendee = Signups['attendees'][number]
const go = (url: string) => void Taro.navigateTo({ url })

/** When they signed up, how to reach them, who invited them, and what they answered. */
function AttendeeLines({ a, fields }: { a: Attendee; fields: Signups['event']['fields'] }) {
  const answers = fields.filter((f) => a.answers[f.key] !== undefined).map((f) => `${f.label}：${a.answers[f.key]}`)
  return (
    <>
      <Text className='ev-line'>
        {[`${formatDateTime(a.createdAt)} 报名`, a.phoneMasked, a.inviterName ? `邀请人 ${a.inviterName}` : null].filter(Boolean).join(' · ')}
      </Text>
      {answers.length ? <Text className='ev-line'>{answers.join('；')}</Text> : null}
    </>
  )
}

/** Staff and verifiers: who signed up, the waitlist, check-ins; staff also see the feedback and export. */
export default function SignupsPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const { me } = useSession()
  const [tab, setTab] = useState<'attendees' | 'waitlist'>('attendees')
  const [exporting, setExporting] = useState(false)
  const q = useQuery(
    async () => {
      const r = await api.event.signups({ eventId: id })
      if (!r.ok) return r
      let summary: Summary | null = null
      // Read after the first call, which waited for the session: a cold link knows the role by now.
      const staff = currentMe()?.current?.role === 'staff'
      if (staff && (r.data.event.phase === 'ongoing' || r.data.event.phase === 'ended')) {
        const s = await api.event.feedbackSummary({ eventId: id })
        if (s.ok) summary = s.data
      }
      return { ok: true as const, data: { ...r.data, summary } satisfies Signups & { summary: Summary | null } }
    },
    [id],
    { enabled: id !== '' }
  )
  const staff = me?.current?.role === 'staff'

  const download = async () => {
    setExporting(true)
    const r = await api.event.exportAttendees({ eventId: id })
    if (!r.ok) {
      setExporting(false)
      return toastError(r.error)
    }
    const saved = await saveCsv(r.data.filename, r.data.csv)
    setExporting(false)
    if (saved !== 'cancelled') void Taro.showToast({ title: `${SAVED_TEXT[saved]} ${r.data.rows} 条`, icon: 'none' })
  }

  return (
    <PageShell id='signups-page' query={q}>
      {(data) => {
        const e = data.event
        const summary = data.summary
        const list = tab === 'attendees' ? data.attendees : data.waitlist
        const checked = data.attendees.filter((a) => a.status === 'checkedIn').length
        return (
          <>
            <Section title={e.title}>
              <EventMeta e={e} />
              <StatGrid
                columns={4}
                items={[
                  { label: '已确认', value: `${e.confirmed}/${e.capacity}`, id: 'signups-confirmed' },
                  { label: '候补', value: data.waitlist.length, tone: data.waitlist.length ? 'accent' : 'default' },
                  { label: '已签到', value: checked, tone: 'primary' },
                  { label: '已取消', value: data.cancelled }
                ]}
              />
              <ButtonRow stacked>
                <Button type='primary' id='signups-checkin' onClick={() => go(eventLink('checkin', e.communityId, { id: e.id }))}>
                  签到核销
                </Button>
              </ButtonRow>
              {staff ? (
                <ButtonRow>
                  <Button fill='outline' id='signups-edit' onClick={() => go(eventLink('edit', e.communityId, { id: e.id }))}>
                    编辑活动
                  </Button>
                  <Button fill='outline' type='primary' id='signups-export' loading={exporting} onClick={() => void download()}>
                    导出名单
                  </Button>
                </ButtonRow>
              ) : null}
            </Section>

            {summary ? (
              <Section title='活动反馈' extra={`${summary.responses}/${summary.attended} 人评价`} id='feedback-summary'>
                <KVList rows={RATING_DIMENSIONS.map((d) => ({ label: RATING_LABELS[d], value: <Chip text={`${summary.averages[d].toFixed(1)} 分`} tone='accent' /> }))} />
                {summary.comments.slice(0, 5).map((c) => (
                  <View key={`${c.authorName}-${c.createdAt}`} className='ev-quote'>
                    <Text className='ev-quote__text'>“{c.text}”</Text>
                    <Text className='ev-hint'>{c.authorName}</Text>
                  </View>
                ))}
                <ButtonRow stacked>
                  <Button fill='outline' type='primary' id='signups-ideas' onClick={() => go(eventLink('ideas', e.communityId))}>
                    查看新服务创意墙
                  </Button>
                </ButtonRow>
              </Section>
            ) : null}

            <Segmented<'attendees' | 'waitlist'>
              id='tab'
              value={tab}
              options={[
                { value: 'attendees', label: `报名 ${data.attendees.length}` },
                { value: 'waitlist', label: `候补 ${data.waitlist.length}` }
              ]}
              onChange={setTab}
            />
            <CellGroup id='signups-list'>
              {list.length === 0 ? <Cell title={tab === 'attendees' ? '还没有人报名' : '没有候补的住户'} desc={tab === 'attendees' ? '分享活动后，报名会出现在这里' : '满员后报名的住户会在这里排队'} /> : null}
              {list.map((a) => (
                <Cell
                  key={a.signupId}
                  id={`attendee-${a.signupId}`}
                  title={`${a.position ? `${a.position}. ` : ''}${a.name} · ${a.householdLabel}`}
                  desc={<AttendeeLines a={a} fields={e.fields} />}
                  extra={<Chip text={statusLabel(a.status)} tone={STATUS_TONES[a.status]} />}
                />
              ))}
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
