import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { FOLLOW_CHANNEL_LABELS } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { ButtonRow, Cell, CellGroup, Chip, KVList, type KVRow, Notice, Price, Section, StatGrid } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { ProfileForm } from '../../../profile/components/ProfileForm'
import { profileRows } from '../../../profile/components/profile-rows'
import { FollowUpForm } from '../../components/FollowUpForm'
import { monthLabel } from '../../format'
import { householdHistoryLink } from '../../links'
import '../../butler.scss'

type HouseholdFile = OutputOf<'insights.household'>
type Profile = HouseholdFile['profile']

/** Months of spend shown before 查看更多: the latest quarter. */
const MONTHS_SHOWN = 3

/** A reason and the points it adds to the churn score. */
function Reason({ label, points }: { label: string; points: number }) {
  return (
    <View className='bt-reason'>
      <Text className='bt-reason__label'>{label}</Text>
      <Text className='bt-reason__pts'>+{points}</Text>
    </View>
  )
}

/**
 * 住户档案 for the butler: contacts masked unless today's task about this household needs them
 * (each reveal is logged), consumption, churn score with its reasons, needs, and follow-ups.
 */
export default function HouseholdPage() {
  const { params } = useRouter()
  const householdId = decodeURIComponent(params.householdId ?? '')
  const [revealedAt, setRevealedAt] = useState<number | null>(null)
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [allMonths, setAllMonths] = useState(false)
  // A reveal holds for this visit: a reload of the rest keeps the unmasked contacts.
  const revealed = useRef<Profile | null>(null)
  const q = useQuery(
    async () => {
      const r = await api.insights.household({ householdId })
      const shown = revealed.current
      if (!r.ok || !shown) return r
      return { ok: true as const, data: { ...r.data, profile: { ...r.data.profile, people: shown.people, cars: shown.cars, masked: false } } }
    },
    [householdId],
    { enabled: householdId !== '' }
  )
  const taskParam = decodeURIComponent(params.taskId ?? '')

  const doReveal = async (data: HouseholdFile, taskId: string) => {
    setBusy(true)
    const r = await api.insights.reveal({ householdId, taskId })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    revealed.current = r.data.profile
    setRevealedAt(Date.now())
    q.setData({ ...data, profile: r.data.profile })
  }

  const closeForm = (saved: boolean) => {
    setEditing(false)
    if (saved) void q.reload()
  }

  return (
    <PageShell id='household-page' query={q}>
      {(data) => {
        const { profile, consumption, insight, openCase } = data
        const taskId = taskParam && data.revealTaskIds.includes(taskParam) ? taskParam : data.revealTaskIds[0]
        const contacts: KVRow[] = profile.people.map((u) => ({ label: `${u.nickname}（${u.relation}）`, value: u.phone ?? '未留手机号', id: `person-${u.userId}` }))
        if (profile.cars.length > 0) contacts.push({ label: '车辆', value: profile.cars.map((c) => c.plate).join('、'), id: 'hh-cars' })
        const months = consumption ? (allMonths ? consumption.months : consumption.months.slice(0, MONTHS_SHOWN)) : []
        return (
          <>
            <Section
              title={
                <Text className='bt-title' id='hh-label'>
                  {profile.label}
                </Text>
              }
              extra={
                insight.atRisk || insight.optedOut ? (
                  <View className='bt-badges'>
                    {insight.atRisk ? <Chip text='流失预警' tone='danger' /> : null}
                    {insight.optedOut ? <Chip text='已关闭画像' tone='muted' /> : null}
                  </View>
                ) : undefined
              }
            >
              <Text className='bt-subtitle'>联系人</Text>
              {contacts.length === 0 ? <Text className='bt-meta'>还没有住户绑定这套房屋</Text> : <KVList rows={contacts} />}
              {profile.masked ? (
                taskId ? (
                  <>
                    <ButtonRow stacked>
                      <Button id='hh-reveal' fill='outline' type='primary' loading={busy} onClick={() => void doReveal(data, taskId)}>
                        查看完整联系方式
                      </Button>
                    </ButtonRow>
                    <Text className='bt-meta'>仅用于今日任务；每次查看都会留痕，住户可导出查看记录</Text>
                  </>
                ) : (
                  <Notice tone='info' id='hh-masked-note'>
                    电话和车牌已脱敏，今日任务涉及该户时可查看
                  </Notice>
                )
              ) : (
                <Notice tone='success' id='hh-revealed'>
                  已显示完整联系方式{revealedAt ? `（${formatDateTime(revealedAt)} 查看，已留痕）` : ''}，仅限本次任务使用
                </Notice>
              )}
            </Section>

            <CellGroup>
              <Cell
                id='hh-history'
                icon='bill'
                title='户档案'
                desc='账单欠费、工单、预约、快递、门禁与跟进记录'
                onClick={() => void Taro.navigateTo({ url: householdHistoryLink(householdId, params.communityId) })}
              />
            </CellGroup>

            <Section
              id='hh-profile'
              title='基础档案'
              extra={
                !editing && !insight.optedOut ? (
                  <Text className='link' id='hh-edit' onClick={() => setEditing(true)}>
                    {profile.exists ? '编辑' : '代为登记'}
                  </Text>
                ) : undefined
              }
            >
              {editing ? (
                <ProfileForm
                  by='butler'
                  initial={profile}
                  onSubmit={(fields) => api.insights.butlerSaveProfile({ householdId, consent: true, profile: fields })}
                  onClose={closeForm}
                />
              ) : profile.exists ? (
                <>
                  <KVList rows={profileRows(profile, { cars: false, memberSeparator: '\n' })} />
                  <Text className='bt-meta'>
                    {profile.enteredBy === 'butler' ? '管家代为登记' : '住户本人填写'}
                    {profile.updatedAt ? `，${formatDate(profile.updatedAt)} 更新` : ''}
                  </Text>
                </>
              ) : (
                <Text className='bt-meta'>{insight.optedOut ? '住户已删除档案并关闭画像分析，需住户本人重新开启' : '尚未登记。上门或电话时征得住户同意后可代为登记。'}</Text>
              )}
            </Section>

            <Section id='hh-consumption' title='消费情况'>
              {consumption ? (
                <>
                  <StatGrid
                    items={[
                      { label: '订单', value: consumption.orders },
                      { label: '累计消费', value: <Price fen={consumption.spentFen} size='m' /> },
                      { label: '近半年参加活动', value: consumption.attended180 }
                    ]}
                  />
                  <KVList rows={[{ label: '最近活跃', value: consumption.lastActivityAt ? formatDate(consumption.lastActivityAt) : '暂无' }]} />
                  {consumption.months.length === 0 ? <Text className='bt-meta'>近 12 个月没有消费</Text> : null}
                  {months.map((m) => (
                    <View key={m.month} className='bt-month'>
                      <View className='bt-title-row'>
                        <Text className='bt-hh__label'>{monthLabel(m.month)}</Text>
                        <Price fen={m.totalFen} size='s' />
                      </View>
                      {m.lines.map((l) => (
                        <View key={l.line} className='bt-month__line'>
                          <Text>{l.label}</Text>
                          <Text>{formatFen(l.fen)}</Text>
                        </View>
                      ))}
                    </View>
                  ))}
                  {consumption.months.length > MONTHS_SHOWN ? (
                    <Text className='link bt-toggle' id='hh-months-toggle' onClick={() => setAllMonths(!allMonths)}>
                      {allMonths ? '收起' : `查看近 ${consumption.months.length} 个月`}
                    </Text>
                  ) : null}
                </>
              ) : (
                <Text className='bt-meta'>{insight.optedOut ? '住户已关闭画像分析' : '暂无消费记录'}</Text>
              )}
            </Section>

            <Section id='hh-parcels' title='快递代收'>
              <StatGrid
                items={[
                  { label: '本月', value: data.parcels.thisMonth, id: 'hh-parcels-month' },
                  { label: '近三个月', value: data.parcels.lastThreeMonths },
                  { label: '在架待取', value: data.parcels.waiting, tone: data.parcels.waiting ? 'accent' : 'default' }
                ]}
              />
            </Section>

            {data.parking.spaces + data.parking.plates.length > 0 ? (
              <Section id='hh-parking' title='车辆与车位'>
                <KVList
                  rows={[
                    { label: '车位', value: `${data.parking.spaces} 个` },
                    { label: '登记车牌', value: data.parking.plates.join('、') || '未登记', id: 'hh-parking-plates' },
                    { label: '月卡', value: data.parking.monthlyUntil ? `有效至 ${formatDate(data.parking.monthlyUntil)}` : '无', id: 'hh-parking-card' },
                    { label: '近30天入场', value: `${data.parking.entries30d} 次`, id: 'hh-parking-entries' }
                  ]}
                />
              </Section>
            ) : null}

            {!insight.optedOut ? (
              <Section id='hh-churn' title='流失预警' extra={openCase ? <Chip text={openCase.statusLabel} tone='accent' /> : undefined}>
                <View className='bt-scoreline'>
                  <Text className={`bt-score ${insight.atRisk ? 'bt-score--risk' : ''}`} id='hh-score'>
                    {insight.score ?? '—'}
                  </Text>
                  <Text className='bt-meta'>{insight.scoredAt ? `${formatDate(insight.scoredAt)} 评估，分越高越可能流失` : '尚未评估'}</Text>
                </View>
                {insight.reasons.length === 0 ? <Text className='bt-meta'>没有流失迹象</Text> : null}
                {insight.reasons.map((r) => (
                  <Reason key={r.code} label={r.label} points={r.points} />
                ))}
              </Section>
            ) : null}

            {insight.segments.length > 0 ? (
              <Section id='hh-needs' title='住户需求'>
                {insight.segments.map((s) => (
                  <View key={s.need} className='bt-need'>
                    <Chip text={s.label} tone='info' />
                    <Text className='bt-need__why'>{s.because}</Text>
                  </View>
                ))}
              </Section>
            ) : null}

            <Section id='hh-followups' title='跟进记录'>
              {data.followUps.length === 0 ? <Text className='bt-meta'>还没有跟进记录</Text> : null}
              {data.followUps.map((f, i) => (
                <View key={`${f.at}-${i}`} className='bt-log'>
                  <View className='bt-log__head'>
                    <Chip text={FOLLOW_CHANNEL_LABELS[f.channel]} tone='primary' />
                    <Text className='bt-count'>
                      {f.butlerName}，{formatDateTime(f.at)}
                    </Text>
                  </View>
                  <Text className='bt-text'>{f.note}</Text>
                </View>
              ))}
              <FollowUpForm householdId={householdId} idPrefix='hh-follow' onDone={() => void q.reload()} />
            </Section>
          </>
        )
      }}
    </PageShell>
  )
}
