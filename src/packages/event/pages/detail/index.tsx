import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { rewardText } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type EventDetail, cancelSignup, getEvent, recordVisit, shareInvite } from '../../../../services/event'
import { toastError } from '../../../../services/result'
import { currentMe, ensureSession } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { PHASE_LABELS, kindLabel, statusLabel, when } from '../../format'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })

export default function EventDetailPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [data, setData] = useState<EventDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [share, setShare] = useState<{ path: string; token: string } | null>(null)
  const [visited, setVisited] = useState(false)
  const role = currentMe()?.current?.role

  const load = async (eventId: string, communityId?: string) => {
    const r = await getEvent(eventId, communityId)
    if (r.ok) setData(r.data)
    else setError(r.error)
  }

  useDidShow(() => {
    void ensureSession().then(async (s) => {
      if (!s.ok) return setError(s.error)
      // A butler's card carries `inv`; a poster's mini-program code carries the same token as `scene`.
      const token = params.inv ?? (params.scene ? decodeURIComponent(params.scene) : '')
      if (token && !visited) {
        setVisited(true)
        const v = await recordVisit(token)
        if (v.ok) {
          setId(v.data.eventId)
          return load(v.data.eventId, v.data.communityId)
        }
        // An expired or unknown invitation must say so, not spin forever.
        if (!id) return setError(v.error)
      }
      if (id) await load(id)
    })
  })

  useShareAppMessage(() => ({
    title: data ? `${data.event.title} · ${formatDateTime(data.event.startAt)}` : '社区活动',
    path: share?.path ?? `${EVENT_PKG}/detail/index?id=${id}`
  }))

  const prepareShare = async () => {
    const r = await shareInvite(id)
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path, token: r.data.token })
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true } as never)
  }

  const cancel = async (signupId: string) => {
    const sure = await Taro.showModal({ title: '取消报名', content: '取消后席位将让给候补的邻居，确定取消吗？' })
    if (!sure.confirm) return
    const r = await cancelSignup(signupId)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已取消', icon: 'success' })
    await load(id)
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const e = data.event
  const h5Link = share && process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${share.path}` : ''
  return (
    <View className='page' id='event-detail'>
      {e.cover ? <Image src={e.cover} mode='aspectFill' style={{ width: '100%', height: '360px', borderRadius: '20px', marginBottom: '24px' }} /> : null}
      <View className='hero'>
        <Text className='badge' style={{ background: 'rgba(255,255,255,0.2)', color: '#fff' }}>
          {kindLabel(e)} · {PHASE_LABELS[e.phase]}
        </Text>
        <Text className='hero-title' style={{ marginTop: '16px' }}>
          {e.title}
        </Text>
        <Text className='hero-sub'>时间 {when(e)}</Text>
        <Text className='hero-sub'>地点 {e.venue}</Text>
      </View>

      {data.mine.map((s) => (
        <View key={s.id} className='card' id={`my-signup-${s.id}`}>
          <View className='row'>
            <Text className='section-title' style={{ margin: 0 }}>
              我的报名 · {s.householdLabel}
            </Text>
            <Text className={`ev-status ev-status--${s.status}`} id='my-status'>
              {s.status === 'waitlisted' && s.position ? `候补第 ${s.position} 位` : statusLabel(s.status)}
            </Text>
          </View>
          {s.status === 'waitlisted' ? <Text className='muted'>有人取消时按候补顺序自动递补，递补成功会通知你。</Text> : null}
          <View className='ev-row-actions'>
            {s.cancelUntil ? (
              <Button size='small' fill='outline' id={`cancel-${s.id}`} onClick={() => void cancel(s.id)}>
                取消报名
              </Button>
            ) : null}
            {s.status === 'confirmed' || s.status === 'checkedIn' ? (
              <Button size='small' type='primary' id={`ticket-${s.id}`} onClick={() => go(`${EVENT_PKG}/ticket/index?id=${encodeURIComponent(s.id)}`)}>
                电子票
              </Button>
            ) : null}
            {s.status === 'checkedIn' && !s.feedbackGiven && (e.phase === 'ongoing' || e.phase === 'ended') ? (
              <Button size='small' type='primary' fill='outline' onClick={() => go(`${EVENT_PKG}/feedback/index?id=${e.id}`)}>
                评价活动
              </Button>
            ) : null}
          </View>
        </View>
      ))}

      <View className='card'>
        <Text className='section-title'>活动介绍</Text>
        <Text className='ev-desc'>{e.description || '暂无介绍'}</Text>
      </View>
      <View className='card'>
        <Text className='section-title'>报名须知</Text>
        <View className='list-item'>
          <Text>名额</Text>
          <Text className='muted'>
            已报 {e.confirmed}/{e.capacity}
            {e.waiting ? ` · 候补 ${e.waiting}` : ''}
          </Text>
        </View>
        <View className='list-item'>
          <Text>报名时间</Text>
          <Text className='muted'>
            {formatDateTime(e.signupOpensAt)} 至 {formatDateTime(e.signupClosesAt)}
          </Text>
        </View>
        <View className='list-item'>
          <Text>每户席位</Text>
          <Text className='muted'>本社区住户，每户最多 {e.seatsPerHousehold} 席</Text>
        </View>
        <View className='list-item'>
          <Text>取消规则</Text>
          <Text className='muted'>{e.cancelHoursBefore > 0 ? `开始前 ${e.cancelHoursBefore} 小时可取消` : '开始前均可取消'}</Text>
        </View>
        {e.rewards.attendance ? (
          <View className='list-item'>
            <Text>签到奖励</Text>
            <Text className='badge badge--accent'>{rewardText(e.rewards.attendance)}</Text>
          </View>
        ) : null}
        {e.rewards.feedback ? (
          <View className='list-item'>
            <Text>评价奖励</Text>
            <Text className='badge badge--accent'>{rewardText(e.rewards.feedback)}</Text>
          </View>
        ) : null}
      </View>

      {role === 'resident' && e.phase === 'open' ? (
        <Button id='go-signup' block type='primary' className='btn-block' onClick={() => go(`${EVENT_PKG}/signup/index?id=${e.id}`)}>
          {e.confirmed >= e.capacity ? '名额已满，加入候补' : '立即报名'}
        </Button>
      ) : null}

      {role === 'butler' ? (
        <View className='card' id='butler-share'>
          <Text className='section-title'>邀请邻居参加</Text>
          {!share ? (
            <Button id='share-prepare' block type='primary' onClick={() => void prepareShare()}>
              生成我的邀请
            </Button>
          ) : process.env.TARO_ENV === 'weapp' ? (
            <Button block type='primary' openType='share'>
              分享到微信群
            </Button>
          ) : (
            <View>
              <Text className='ev-token' id='share-link'>
                {h5Link}
              </Text>
              <Button className='btn-block' block type='primary' onClick={() => void Taro.setClipboardData({ data: h5Link })}>
                复制邀请链接
              </Button>
            </View>
          )}
          <Button className='btn-block' block fill='outline' type='primary' onClick={() => go(`${EVENT_PKG}/poster/index?id=${e.id}`)}>
            生成海报（朋友圈 / 张贴）
          </Button>
        </View>
      ) : null}
    </View>
  )
}
