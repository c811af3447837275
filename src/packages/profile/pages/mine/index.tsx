import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { AGE_BAND_LABELS, type Need, PET_LABELS } from '@contracts/insights-labels'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type MyProfile, type ProfileFields, deleteProfile, exportProfile, myProfile, restoreAnalysis, saveProfile } from '../../../../services/insights'
import { toastError } from '../../../../services/result'
import { useSession } from '../../../../services/use-session'
import { Button } from '../../../../ui/nut'
import { formatDate } from '../../../../utils/time'
import { ProfileForm } from '../../components/ProfileForm'
import '../../profile.scss'

/** What each need means for the resident, in their words. */
const RECOMMEND: Record<Need, { glyph: string; title: string; text: string }> = {
  save_money: { glyph: '惠', title: '优惠与团购', text: '严选团购、会员券和积分活动会优先提醒你，花得更少。' },
  save_effort: { glyph: '送', title: '送货与上门服务', text: '送货到家、上门保洁和维修，不用自己跑腿搬运。' },
  peace_of_mind: { glyph: '安', title: '放心的品质服务', text: '评价高的师傅和有保障的服务会优先为你安排。' },
  save_time: { glyph: '快', title: '预约省时间', text: '按你方便的时段预约上门，配送和办理更快捷。' },
  save_hassle: { glyph: '便', title: '一站式办理', text: '缴费、报修、预约在一处搞定，管家帮你跟进到底。' }
}

const CONSENT_TEXT = [
  '我们收集：家庭成员的称呼、年龄段和职业（均为选填），房屋面积，车牌号，宠物情况和备注。',
  '用途：为你推荐合适的社区服务和活动，方便网格管家为你服务；管家看到的电话和车牌默认脱敏，只有执行当天任务时才能查看完整信息，并会留下记录。',
  '你的权利：可以随时在本页查看、导出或删除这些数据；删除后我们将停止根据你的消费记录进行分析。'
].join('\n')

function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

function Kv({ k, v }: { k: string; v: string }) {
  return (
    <View className='pr-kv'>
      <Text className='pr-kv__k'>{k}</Text>
      <Text className='pr-kv__v'>{v}</Text>
    </View>
  )
}

/** 我的档案: what the community holds about this household, with the right to see, export and delete it. */
export default function MyProfilePage() {
  const { params } = useRouter()
  const { me, error: sessionError } = useSession()
  const householdId = params.householdId || (me?.current?.role === 'resident' ? (me.current.householdId ?? '') : '')
  const [data, setData] = useState<MyProfile | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState('')
  const [exported, setExported] = useState('')

  const load = async (id = householdId) => {
    if (!id) return
    const r = await myProfile(id)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  // Loads once the household is known (the session may arrive after the page opened).
  useEffect(() => {
    if (householdId) void load(householdId)
  }, [householdId])

  if (!householdId && me) {
    return (
      <View className='page'>
        <StateView empty='请先绑定房屋，或切换到住户身份后查看档案' />
      </View>
    )
  }
  if (!data) return <View className='page'><StateView loading={!error && !sessionError} error={error ?? sessionError} onRetry={() => void load()} /></View>

  const { profile, consumption, insight } = data

  const save = async (fields: ProfileFields) => {
    const r = await saveProfile(householdId, fields)
    if (!r.ok) return r.error
    setEditing(false)
    void Taro.showToast({ title: '档案已保存', icon: 'success' })
    void load()
    return null
  }

  const doExport = async () => {
    setBusy('export')
    const r = await exportProfile(householdId)
    setBusy('')
    if (!r.ok) return toastError(r.error)
    const how = { downloaded: '已下载', shared: '已发送到聊天', copied: '已复制到剪贴板', cancelled: '' }[r.data.savedAs]
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
    const r = await deleteProfile(householdId)
    setBusy('')
    if (!r.ok) return toastError(r.error)
    setEditing(false)
    void Taro.showToast({ title: '已删除', icon: 'success' })
    void load()
  }

  const doRestore = async () => {
    setBusy('restore')
    const r = await restoreAnalysis(householdId)
    setBusy('')
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已重新开启', icon: 'success' })
    void load()
  }

  return (
    <View className='page' id='profile-mine'>
      <View className='hero'>
        <Text className='hero-title'>{profile.label}</Text>
        <Text className='hero-sub'>本户档案只用于社区服务，你可以随时导出或删除</Text>
      </View>

      {insight.optedOut ? (
        <View className='card' id='profile-opted-out'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            画像分析已关闭
          </Text>
          <Text className='pr-text'>你已删除本户档案，我们不再根据你的消费记录做分析和推荐，管家也看不到相关信息。</Text>
          <View className='pr-actions'>
            <Button id='profile-restore' block type='primary' loading={busy === 'restore'} onClick={() => void doRestore()}>
              重新开启
            </Button>
          </View>
        </View>
      ) : (
        <View className='card' id='profile-recs'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            我们为你推荐
          </Text>
          {insight.segments.length === 0 ? (
            <Text className='pr-text'>多使用社区服务和活动后，我们会在这里为你推荐更合适的服务。</Text>
          ) : null}
          {insight.segments.map((s) => (
            <View key={s.need} className='pr-rec' id={`rec-${s.need}`}>
              <Text className='pr-rec__glyph'>{RECOMMEND[s.need].glyph}</Text>
              <View className='pr-rec__main'>
                <Text className='pr-rec__title'>{RECOMMEND[s.need].title}</Text>
                <Text className='pr-rec__text'>{RECOMMEND[s.need].text}</Text>
                <Text className='pr-rec__why'>推荐依据：{s.because}</Text>
              </View>
            </View>
          ))}
        </View>
      )}

      {!insight.optedOut ? (
        <View className='card' id='profile-card'>
          <View className='row'>
            <Text className='section-title' style={{ margin: 0 }}>
              家庭档案
            </Text>
            {!editing && profile.exists ? (
              <Text className='link' id='profile-edit' onClick={() => setEditing(true)}>
                编辑
              </Text>
            ) : null}
          </View>
          {editing ? (
            <View style={{ marginTop: Taro.pxTransform(16) }}>
              <ProfileForm
                initial={profile}
                idPrefix='pf'
                consentText={CONSENT_TEXT}
                consentLabel='我已阅读并同意以上个人信息收集说明'
                onSubmit={save}
                onCancel={() => setEditing(false)}
              />
            </View>
          ) : profile.exists ? (
            <View style={{ marginTop: Taro.pxTransform(8) }} id='profile-view'>
              <Kv k='面积' v={profile.areaCm2 === null ? '未填写' : `${profile.areaCm2 / 100} 平方米`} />
              <Kv
                k='家庭成员'
                v={
                  profile.members.length
                    ? profile.members.map((m) => [m.name || '成员', m.ageBand ? AGE_BAND_LABELS[m.ageBand] : '', m.occupation].filter(Boolean).join(' · ')).join('；')
                    : '未填写'
                }
              />
              <Kv k='车辆' v={profile.cars.length ? profile.cars.map((c) => c.plate).join('、') : '无'} />
              <Kv k='宠物' v={profile.pets.length ? profile.pets.map((x) => `${PET_LABELS[x.kind]} ${x.count} 只`).join('、') : '无'} />
              {profile.note ? <Kv k='备注' v={profile.note} /> : null}
              <Text className='muted'>
                {profile.enteredBy === 'butler' ? '由网格管家代为登记' : '本人填写'}
                {profile.updatedAt ? ` · ${formatDate(profile.updatedAt)} 更新` : ''}
              </Text>
            </View>
          ) : (
            <View>
              <Text className='pr-text' style={{ marginTop: Taro.pxTransform(16) }}>
                填写家庭成员、车辆和宠物等信息后，管家上门和服务推荐会更贴心。全部选填。
              </Text>
              <View className='pr-actions'>
                <Button id='profile-fill' block type='primary' onClick={() => setEditing(true)}>
                  填写档案
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}

      {profile.people.length > 0 ? (
        <View className='card' id='profile-people'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            绑定的家人
          </Text>
          {profile.people.map((u) => (
            <Kv key={u.userId} k={`${u.nickname} · ${u.relation}`} v={u.phone ?? '未留手机号'} />
          ))}
        </View>
      ) : null}

      {consumption ? (
        <View className='card' id='profile-consumption'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            我的消费
          </Text>
          <View className='row'>
            <View className='stat'>
              <Text className='stat-value'>{consumption.orders}</Text>
              <Text className='stat-label'>订单</Text>
            </View>
            <View className='stat'>
              <Price fen={consumption.spentFen} size='m' />
              <Text className='stat-label'>累计消费</Text>
            </View>
            <View className='stat'>
              <Text className='stat-value'>{consumption.attended180}</Text>
              <Text className='stat-label'>近半年参加活动</Text>
            </View>
          </View>
          <View style={{ height: Taro.pxTransform(16) }} />
          {consumption.months.slice(0, 6).map((m) => (
            <View key={m.month} className='pr-month'>
              <View>
                <Text>{monthLabel(m.month)}</Text>
                <Text className='pr-month__lines'>{m.lines.map((l) => l.label).join('、')}</Text>
              </View>
              <Price fen={m.totalFen} size='s' />
            </View>
          ))}
          {consumption.lastActivityAt ? <Text className='muted'>最近一次：{formatDate(consumption.lastActivityAt)}</Text> : null}
        </View>
      ) : null}

      <View className='card' id='profile-privacy'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          我的数据
        </Text>
        <Text className='pr-text'>
          导出包含本户档案、消费汇总、推荐依据、管家跟进记录，以及谁在何时查看过你的完整联系方式。
        </Text>
        <View className='pr-actions'>
          <Button id='profile-export' block type='primary' fill='outline' loading={busy === 'export'} onClick={() => void doExport()}>
            导出我的数据
          </Button>
          {exported ? (
            <Text className='pr-done' id='profile-exported'>
              {exported}
            </Text>
          ) : null}
          {!insight.optedOut ? (
            <View className={`pr-danger ${busy === 'delete' ? 'pr-danger--busy' : ''}`} id='profile-delete' onClick={() => busy !== 'delete' && void doDelete()}>
              <Text>{busy === 'delete' ? '正在删除…' : '删除我的档案'}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </View>
  )
}
