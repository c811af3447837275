import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Need } from '@contracts/insights-labels'
import { api, goHome, saveTextFile, useSession } from '../../../../client'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, type IconName, KVList, Notice, Price, Section, StatGrid } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDate, monthLabel } from '../../../../utils/time'
import { ProfileForm } from '../../components/ProfileForm'
import { profileRows } from '../../components/profile-rows'
import '../../profile.scss'

/** What each need means for the resident, in their words. */
const RECOMMEND: Record<Need, { icon: IconName; title: string; text: string }> = {
  save_money: { icon: 'coupon', title: '优惠与团购', text: '严选团购、会员券和积分活动会优先提醒你，花得更少。' },
  save_effort: { icon: 'delivery', title: '送货与上门服务', text: '送货到家、上门保洁和维修，不用自己跑腿搬运。' },
  peace_of_mind: { icon: 'success', title: '放心的品质服务', text: '评价高的师傅和有保障的服务会优先为你安排。' },
  save_time: { icon: 'time', title: '预约省时间', text: '按你方便的时段预约上门，配送和办理更快捷。' },
  save_hassle: { icon: 'service', title: '一站式办理', text: '缴费、报修、预约在一处搞定，管家帮你跟进到底。' }
}

const SAVED_AS = { downloaded: '已下载', shared: '已发送到聊天', copied: '已复制到剪贴板', cancelled: '' } as const


/** 我的档案: what the community holds about this household, with the right to see, export and delete it. */
export default function MyProfilePage() {
  const { params } = useRouter()
  const { me } = useSession()
  const householdId = params.householdId || (me?.current?.role === 'resident' ? (me.current.householdId ?? '') : '')
  const q = useQuery(() => api.insights.myProfile({ householdId }), [householdId], { enabled: householdId !== '' })
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState('')
  const [exported, setExported] = useState('')

  // Signed in, but neither the link nor the current identity names a household.
  if (!householdId && me) {
    return (
      <PageShell id='profile-mine'>
        <EmptyState title='还没有可查看的家庭档案' hint='绑定房屋，或在“我的”里切换到住户身份后再来查看' action={{ text: '回到首页', onClick: goHome }} />
      </PageShell>
    )
  }

  const doExport = async () => {
    setBusy('export')
    const r = await api.insights.exportProfile({ householdId })
    if (!r.ok) {
      setBusy('')
      return toastError(r.error)
    }
    const how = SAVED_AS[await saveTextFile(r.data.fileName, r.data.json, 'application/json')]
    setBusy('')
    if (!how) return
    setExported(`${how}：${r.data.fileName}`)
    void Taro.showToast({ title: how, icon: 'success' })
  }

  const doDelete = async () => {
    const sure = await Taro.showModal({
      title: '删除我的档案',
      content: '将删除本户档案、消费画像、流失评估和管家跟进内容，并停止画像分析。订单、缴费等交易记录依法保留。确定删除吗？',
      confirmText: '删除',
      confirmColor: '#e5484d'
    })
    if (!sure.confirm) return
    setBusy('delete')
    const r = await api.insights.deleteProfile({ householdId, confirm: true })
    setBusy('')
    if (!r.ok) return toastError(r.error)
    setEditing(false)
    void Taro.showToast({ title: '已删除', icon: 'success' })
    void q.reload()
  }

  const doRestore = async () => {
    setBusy('restore')
    const r = await api.insights.restoreAnalysis({ householdId })
    setBusy('')
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已重新开启', icon: 'success' })
    void q.reload()
  }

  const closeForm = (saved: boolean) => {
    setEditing(false)
    if (saved) void q.reload()
  }

  return (
    <PageShell id='profile-mine' query={q}>
      {({ profile, consumption, insight }) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{profile.label}</Text>
            <Text className='hero-sub'>本户档案只用于社区服务，你可以随时导出或删除</Text>
          </View>

          {insight.optedOut ? (
            <Section title='画像分析已关闭' id='profile-opted-out'>
              <Text className='pr-text'>你已删除本户档案，我们不再根据你的消费记录做分析和推荐，管家也看不到相关信息。</Text>
              <ButtonRow stacked>
                <Button id='profile-restore' type='primary' loading={busy === 'restore'} onClick={() => void doRestore()}>
                  重新开启
                </Button>
              </ButtonRow>
            </Section>
          ) : (
            <CellGroup title='我们为你推荐' id='profile-recs'>
              {insight.segments.length === 0 ? (
                <Cell icon='info' title='还没有推荐' desc='多使用社区服务和活动后，我们会在这里为你推荐更合适的服务。' />
              ) : null}
              {insight.segments.map((s) => (
                <Cell
                  key={s.need}
                  id={`rec-${s.need}`}
                  icon={RECOMMEND[s.need].icon}
                  title={RECOMMEND[s.need].title}
                  desc={
                    <View>
                      <Text className='pr-text'>{RECOMMEND[s.need].text}</Text>
                      {s.reason ? <Text className='pr-rec__why'>推荐依据：{s.reason}</Text> : null}
                    </View>
                  }
                />
              ))}
            </CellGroup>
          )}

          {!insight.optedOut ? (
            <Section
              title='家庭档案'
              id='profile-card'
              extra={
                !editing && profile.exists ? (
                  <Text className='link' id='profile-edit' onClick={() => setEditing(true)}>
                    编辑
                  </Text>
                ) : null
              }
            >
              {editing ? (
                <ProfileForm
                  by='resident'
                  initial={profile}
                  onSubmit={(fields) => api.insights.saveProfile({ householdId, consent: true, profile: fields })}
                  onClose={closeForm}
                />
              ) : profile.exists ? (
                <View id='profile-view'>
                  <KVList rows={profileRows(profile, { cars: true, memberSeparator: '；' })} />
                  <Text className='pr-source'>
                    {[profile.enteredBy === 'butler' ? '由网格管家代为登记' : '本人填写', profile.updatedAt ? `${formatDate(profile.updatedAt)} 更新` : ''].filter(Boolean).join(' · ')}
                  </Text>
                </View>
              ) : (
                <>
                  <Text className='pr-text'>填写家庭成员、车辆和宠物等信息后，管家上门和服务推荐会更贴心。全部选填。</Text>
                  <ButtonRow stacked>
                    <Button id='profile-fill' type='primary' onClick={() => setEditing(true)}>
                      填写档案
                    </Button>
                  </ButtonRow>
                </>
              )}
            </Section>
          ) : null}

          {profile.people.length > 0 ? (
            <Section title='绑定的家人' id='profile-people'>
              <KVList rows={profile.people.map((u) => ({ label: `${u.nickname}（${u.relation}）`, value: u.phone ?? '未留手机号' }))} />
            </Section>
          ) : null}

          {consumption ? (
            <Section title='我的消费' id='profile-consumption'>
              <StatGrid
                columns={3}
                items={[
                  { label: '订单', value: consumption.orders },
                  { label: '累计消费', value: <Price fen={consumption.spentFen} size='s' />, tone: 'primary' },
                  { label: '近半年活动', value: consumption.attended180 }
                ]}
              />
              {consumption.months.slice(0, 6).map((m) => (
                <Cell key={m.month} title={monthLabel(m.month)} desc={m.lines.map((l) => l.label).join('、')} extra={<Price fen={m.totalFen} size='s' />} />
              ))}
              {consumption.lastActivityAt ? <Text className='pr-source'>最近一次：{formatDate(consumption.lastActivityAt)}</Text> : null}
            </Section>
          ) : null}

          <Section title='我的数据' id='profile-privacy'>
            <Text className='pr-text'>导出包含本户档案、消费汇总、推荐依据、管家跟进记录，以及谁在何时查看过你的完整联系方式。</Text>
            {exported ? (
              <View id='profile-exported'>
                <Notice tone='success'>{exported}</Notice>
              </View>
            ) : null}
            <ButtonRow stacked>
              <Button id='profile-export' type='primary' fill='outline' loading={busy === 'export'} onClick={() => void doExport()}>
                导出我的数据
              </Button>
              {!insight.optedOut ? (
                <Button id='profile-delete' type='danger' fill='outline' loading={busy === 'delete'} onClick={() => void doDelete()}>
                  删除我的档案
                </Button>
              ) : null}
            </ButtonRow>
          </Section>
        </>
      )}
    </PageShell>
  )
}
