import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { rewardText } from '@contracts/event'
import { api, useSession } from '../../../../client'
import { useInvitation } from '../../../../components/Invitation'
import { ShareButton } from '../../../../components/ShareSheet'
import { recordVisit } from '../../../../services/event'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { ActionBar, ButtonRow, Chip, Img, KVList, type KVRow, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { PHASE_LABELS, STATUS_TONES, kindLabel, signupStatusText, when } from '../../format'
import { eventLink } from '../../links'
import type { EventView } from '../../types'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })

function rules(e: EventView): KVRow[] {
  const rows: KVRow[] = [
    { label: '名额', value: `已报 ${e.confirmed}/${e.capacity}${e.waiting ? `，候补 ${e.waiting} 人` : ''}`, id: 'detail-seats' },
    { label: '报名时间', value: `${formatDateTime(e.signupOpensAt)} 至\n${formatDateTime(e.signupClosesAt)}` },
    { label: '每户席位', value: `本社区住户，每户最多 ${e.seatsPerHousehold} 席` },
    { label: '取消规则', value: e.cancelHoursBefore > 0 ? `开始前 ${e.cancelHoursBefore} 小时可取消` : '开始前均可取消' }
  ]
  if (e.rewards.attendance) rows.push({ label: '签到奖励', value: <Chip text={rewardText(e.rewards.attendance)} tone='accent' /> })
  if (e.rewards.feedback) rows.push({ label: '评价奖励', value: <Chip text={rewardText(e.rewards.feedback)} tone='accent' /> })
  return rows
}

/**
 * One event. Opened from a butler's card (`inv`) or a poster's mini-program code (`scene`), the
 * invitation is recorded first and names the event and its community, so the link works from
 * cold whoever opens it.
 */
export default function EventDetailPage() {
  const { me } = useSession()
  const invitation = useInvitation(recordVisit, (v) => v.eventId)
  const inviter = invitation.inviter
  const [share, setShare] = useState<{ path: string } | null>(null)

  const q = useQuery(
    async () => {
      const t = await invitation.resolve()
      if (!t.ok) return t
      const { id, communityId } = t.data
      return api.event.get({ id }, communityId ? { communityId } : {})
    },
    [],
    { enabled: invitation.linked }
  )
  const role = me?.current?.role

  useShareAppMessage(() => {
    const e = q.data?.event
    return {
      title: e ? `${e.title} · ${formatDateTime(e.startAt)}` : '社区活动',
      path: share?.path ?? (e ? eventLink('detail', e.communityId, { id: e.id }) : eventLink('list', undefined))
    }
  })

  const prepareShare = async (eventId: string) => {
    const r = await api.event.shareInvite({ eventId })
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path })
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] })
  }

  const cancel = async (signupId: string) => {
    const sure = await Taro.showModal({ title: '取消报名', content: '取消后席位将让给候补的邻居，确定取消吗？' })
    if (!sure.confirm) return
    const r = await api.event.cancel({ signupId })
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已取消', icon: 'success' })
    await q.reload()
  }

  return (
    <PageShell id='event-detail' query={q}>
      {(data) => {
        const e = data.event
        const canSignUp = role === 'resident' && e.phase === 'open'
        return (
          <>
            {e.cover ? <Img src={e.cover} size='cover' icon='event' className='ev-detail__cover' lazy={false} /> : null}
            <View className='hero'>
              <View className='ev-hero__chips'>
                <Text className='ev-hero__chip'>{kindLabel(e)}</Text>
                <Text className='ev-hero__chip'>{PHASE_LABELS[e.phase]}</Text>
              </View>
              <Text className='hero-title ev-hero__title'>{e.title}</Text>
              <EventMeta e={e} light />
            </View>
            {inviter ? (
              <Notice tone='success' id='detail-inviter'>
                管家 {inviter} 邀请你参加这场活动
              </Notice>
            ) : null}

            {data.mine.map((s) => (
              <Section key={s.id} id={`my-signup-${s.id}`} title='我的报名' extra={<Chip id='my-status' text={signupStatusText(s)} tone={STATUS_TONES[s.status]} />}>
                <Text className='ev-text'>{s.householdLabel}</Text>
                {s.status === 'waitlisted' ? <Text className='ev-hint'>有人取消时按候补顺序自动递补，递补成功会通知你。</Text> : null}
                <ButtonRow>
                  {s.cancelUntil ? (
                    <Button fill='outline' id={`cancel-${s.id}`} onClick={() => void cancel(s.id)}>
                      取消报名
                    </Button>
                  ) : null}
                  {s.status === 'confirmed' || s.status === 'checkedIn' ? (
                    <Button type='primary' id={`ticket-${s.id}`} onClick={() => go(eventLink('ticket', e.communityId, { id: s.id }))}>
                      电子票
                    </Button>
                  ) : null}
                  {s.status === 'checkedIn' && !s.feedbackGiven && (e.phase === 'ongoing' || e.phase === 'ended') ? (
                    <Button type='primary' fill='outline' id={`feedback-${s.id}`} onClick={() => go(eventLink('feedback', e.communityId, { id: e.id }))}>
                      评价活动
                    </Button>
                  ) : null}
                </ButtonRow>
              </Section>
            ))}

            <Section title='活动介绍'>
              <Text className='ev-desc'>{e.description || '暂无介绍'}</Text>
            </Section>
            <Section title='报名须知'>
              <KVList rows={rules(e)} />
            </Section>

            {role === 'butler' ? (
              <Section title='邀请邻居参加' id='butler-share'>
                <Text className='ev-hint'>生成你的专属邀请卡片发到业主群，邻居从卡片报名会记在你名下。</Text>
                <ButtonRow stacked>
                  {!share ? (
                    <Button id='share-prepare' type='primary' onClick={() => void prepareShare(e.id)}>
                      生成我的邀请
                    </Button>
                  ) : (
                    <ShareButton
                      id='share-send'
                      text='分享到微信群'
                      content={{ title: e.title, path: share.path, description: `${when(e)}，${e.venue}`, image: e.cover }}
                    />
                  )}
                  <Button id='share-poster' fill='outline' type='primary' onClick={() => go(eventLink('poster', e.communityId, { id: e.id }))}>
                    生成海报（朋友圈 / 张贴）
                  </Button>
                </ButtonRow>
              </Section>
            ) : null}

            {canSignUp ? (
              <ActionBar>
                <Button id='go-signup' type='primary' onClick={() => go(eventLink('signup', e.communityId, { id: e.id }))}>
                  {e.confirmed >= e.capacity ? '名额已满，加入候补' : '立即报名'}
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
