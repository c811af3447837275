import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { AGE_BAND_LABELS, FOLLOW_CHANNEL_LABELS, PET_LABELS } from '@contracts/insights-labels'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type HouseholdFile, type Profile, butlerSaveProfile, household, reveal } from '../../../../services/insights'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { formatFen } from '../../../../utils/money'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { ProfileForm } from '../../../profile/components/ProfileForm'
import { FollowUpForm } from '../../components/FollowUpForm'
import { monthLabel } from '../../format'
import '../../butler.scss'

/** Months of spend shown before 查看更多: the latest quarter. */
const MONTHS_SHOWN = 3

function Kv({ k, v, id }: { k: string; v: string; id?: string }) {
  return (
    <View className='bt-kv' id={id}>
      <Text className='bt-kv__k'>{k}</Text>
      <Text className='bt-kv__v'>{v}</Text>
    </View>
  )
}

function profileSummary(p: Profile): { k: string; v: string }[] {
  const out: { k: string; v: string }[] = []
  out.push({ k: '面积', v: p.areaCm2 === null ? '未填写' : `${p.areaCm2 / 100} 平方米` })
  out.push({
    k: '家庭成员',
    v: p.members.length
      ? p.members.map((m) => [m.name || '成员', m.ageBand ? AGE_BAND_LABELS[m.ageBand] : '', m.occupation].filter(Boolean).join(' · ')).join('；')
      : '未填写'
  })
  out.push({ k: '宠物', v: p.pets.length ? p.pets.map((x) => `${PET_LABELS[x.kind]} ${x.count} 只`).join('、') : '无' })
  if (p.note) out.push({ k: '备注', v: p.note })
  return out
}

/**
 * 住户档案 for the butler: contacts masked unless today's task about this household needs them
 * (each reveal is logged), consumption, churn score with its reasons, needs, and follow-ups.
 */
export default function HouseholdPage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? ''
  const [data, setData] = useState<HouseholdFile | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [revealedAt, setRevealedAt] = useState<number | null>(null)
  const [editing, setEditing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [allMonths, setAllMonths] = useState(false)

  const load = async () => {
    const r = await household(householdId)
    if (r.ok) {
      // A reveal holds for this visit: keep the unmasked contacts across a reload of the rest.
      setData((prev) => (prev && revealedAt && !prev.profile.masked ? { ...r.data, profile: { ...r.data.profile, people: prev.profile.people, cars: prev.profile.cars, masked: false } } : r.data))
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())

  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const { profile, consumption, insight, openCase } = data
  const taskId = params.taskId && data.revealTaskIds.includes(decodeURIComponent(params.taskId)) ? decodeURIComponent(params.taskId) : data.revealTaskIds[0]

  const doReveal = async () => {
    if (!taskId) return
    setBusy(true)
    const r = await reveal(householdId, taskId)
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setRevealedAt(Date.now())
    setData({ ...data, profile: r.data.profile })
  }

  const save = async (fields: Parameters<typeof butlerSaveProfile>[1]) => {
    const r = await butlerSaveProfile(householdId, fields)
    if (!r.ok) return r.error
    setEditing(false)
    void Taro.showToast({ title: '档案已保存', icon: 'success' })
    void load()
    return null
  }

  return (
    <View className='page' id='household-page'>
      <View className='card'>
        <View className='bt-title-row'>
          <Text className='bt-title' id='hh-label'>
            {profile.label}
          </Text>
          {insight.atRisk ? <Text className='badge bt-badge--danger'>流失预警</Text> : null}
          {insight.optedOut ? <Text className='badge bt-badge--mute'>已关闭画像</Text> : null}
        </View>
        <Text className='section-title'>联系人</Text>
        {profile.people.length === 0 ? <Text className='muted'>还没有住户绑定这套房屋</Text> : null}
        {profile.people.map((u) => (
          <Kv key={u.userId} id={`person-${u.userId}`} k={`${u.nickname} · ${u.relation}`} v={u.phone ?? '未留手机号'} />
        ))}
        {profile.cars.length > 0 ? <Kv id='hh-cars' k='车辆' v={profile.cars.map((c) => c.plate).join('、')} /> : null}
        {profile.masked ? (
          taskId ? (
            <View style={{ marginTop: Taro.pxTransform(24) }}>
              <Button id='hh-reveal' block fill='outline' type='primary' loading={busy} onClick={() => void doReveal()}>
                查看完整联系方式
              </Button>
              <Text className='muted' style={{ display: 'block', marginTop: Taro.pxTransform(8) }}>
                仅用于今日任务；每次查看都会留痕，住户可导出查看记录
              </Text>
            </View>
          ) : (
            <Text className='bt-notice' id='hh-masked-note'>
              电话和车牌已脱敏，今日任务涉及该户时可查看
            </Text>
          )
        ) : (
          <Text className='bt-notice bt-notice--ok' id='hh-revealed'>
            已显示完整联系方式{revealedAt ? `（${formatDateTime(revealedAt)} 查看，已留痕）` : ''}，仅限本次任务使用
          </Text>
        )}
      </View>

      <View className='card' id='hh-profile'>
        <View className='row'>
          <Text className='section-title' style={{ margin: 0 }}>
            基础档案
          </Text>
          {!editing && !insight.optedOut ? (
            <Text className='link' id='hh-edit' onClick={() => setEditing(true)}>
              {profile.exists ? '编辑' : '代为登记'}
            </Text>
          ) : null}
        </View>
        {editing ? (
          <View style={{ marginTop: Taro.pxTransform(16) }}>
            <ProfileForm
              initial={profile}
              idPrefix='hh-pf'
              consentLabel='住户已同意登记'
              consentText='请先向住户说明：登记的家庭成员、面积、车辆与宠物信息仅用于社区服务；住户可在「我的档案」中随时查看、导出或删除。'
              onSubmit={save}
              onCancel={() => setEditing(false)}
            />
          </View>
        ) : profile.exists ? (
          <View style={{ marginTop: Taro.pxTransform(8) }}>
            {profileSummary(profile).map((r) => (
              <Kv key={r.k} k={r.k} v={r.v} />
            ))}
            <Text className='muted'>
              {profile.enteredBy === 'butler' ? '管家代为登记' : '住户本人填写'}
              {profile.updatedAt ? ` · ${formatDate(profile.updatedAt)} 更新` : ''}
            </Text>
          </View>
        ) : (
          <Text className='muted' style={{ display: 'block', marginTop: Taro.pxTransform(16) }}>
            {insight.optedOut ? '住户已删除档案并关闭画像分析，需住户本人重新开启' : '尚未登记。上门或电话时征得住户同意后可代为登记。'}
          </Text>
        )}
      </View>

      <View className='card' id='hh-consumption'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          消费情况
        </Text>
        {consumption ? (
          <View>
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
            <Kv k='最近活跃' v={consumption.lastActivityAt ? formatDate(consumption.lastActivityAt) : '暂无'} />
            {consumption.months.length === 0 ? <Text className='muted'>近 12 个月没有消费</Text> : null}
            {(allMonths ? consumption.months : consumption.months.slice(0, MONTHS_SHOWN)).map((m) => (
              <View key={m.month} className='bt-month'>
                <View className='row'>
                  <Text>{monthLabel(m.month)}</Text>
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
              <Text className='link' id='hh-months-toggle' style={{ display: 'block', textAlign: 'center', marginTop: Taro.pxTransform(16) }} onClick={() => setAllMonths(!allMonths)}>
                {allMonths ? '收起' : `查看近 ${consumption.months.length} 个月`}
              </Text>
            ) : null}
          </View>
        ) : (
          <Text className='muted'>{insight.optedOut ? '住户已关闭画像分析' : '暂无消费记录'}</Text>
        )}
      </View>

      {!insight.optedOut ? (
        <View className='card' id='hh-churn'>
          <View className='row'>
            <Text className='section-title' style={{ margin: 0 }}>
              流失预警
            </Text>
            {openCase ? <Text className='badge badge--accent'>{openCase.statusLabel}</Text> : null}
          </View>
          <View className='row' style={{ marginTop: Taro.pxTransform(16) }}>
            <Text className={`bt-score ${insight.atRisk ? 'bt-score--risk' : ''}`} id='hh-score'>
              {insight.score ?? '—'}
            </Text>
            <Text className='muted'>{insight.scoredAt ? `${formatDate(insight.scoredAt)} 评估 · 分越高越可能流失` : '尚未评估'}</Text>
          </View>
          {insight.reasons.length === 0 ? <Text className='muted'>没有流失迹象</Text> : null}
          {insight.reasons.map((r) => (
            <View key={r.code} className='bt-reason'>
              <Text>{r.label}</Text>
              <Text className='bt-reason__pts'>+{r.points}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {insight.segments.length > 0 ? (
        <View className='card' id='hh-needs'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            住户需求
          </Text>
          {insight.segments.map((s) => (
            <View key={s.need} className='bt-reason'>
              <Text className='badge badge--info'>{s.label}</Text>
              <Text className='muted' style={{ flex: 1, textAlign: 'right' }}>
                {s.because}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card' id='hh-followups'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          跟进记录
        </Text>
        {data.followUps.length === 0 ? <Text className='muted'>还没有跟进记录</Text> : null}
        {data.followUps.map((f, i) => (
          <View key={`${f.at}-${i}`} className='bt-log'>
            <View className='row'>
              <Text className='badge'>{FOLLOW_CHANNEL_LABELS[f.channel]}</Text>
              <Text className='muted'>
                {f.butlerName} · {formatDateTime(f.at)}
              </Text>
            </View>
            <Text className='bt-meta'>{f.note}</Text>
          </View>
        ))}
        <FollowUpForm householdId={householdId} idPrefix='hh-follow' onDone={() => void load()} />
      </View>
    </View>
  )
}
