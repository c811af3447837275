import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { HONOR_KINDS, HONOR_KIND_LABELS } from '@contracts/selling-labels'
import { api } from '../../../../client'
import { Avatar } from '../../../../components/Avatar'
import { ShareButton } from '../../../../components/ShareSheet'
import { Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { formatDate, monthLabel } from '../../../../utils/time'
import { ChipChoice } from '../../components/ChipChoice'
import { type HonorRoll, serviceLink } from '../../types'
import '../../service.scss'

const title = (roll: HonorRoll | null) => (roll ? `${monthLabel(roll.month)}社区光荣榜` : '社区光荣榜')

/**
 * 光荣榜: the workers and butlers the office honoured this month, with why, as published. A share
 * card opens the same month in the same community.
 */
export default function HonorPage() {
  const { params } = useRouter()
  const communityId = params.communityId
  const [month, setMonth] = useState<string | undefined>(params.month || undefined)
  const q = useQuery(() => api.selling.honorRoll(month ? { month } : {}), [month])
  const roll = q.data?.roll ?? null
  const path = serviceLink('honor', { month: roll?.month }, communityId)

  useShareAppMessage(() => ({ title: title(roll), path }))
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] })
  }, [])

  return (
    <PageShell
      id='honor-page'
      query={q}
      empty={(d) => (d.roll ? null : { title: d.months.length ? '这个月的光荣榜还没有发布' : '光荣榜还没有发布', hint: '物业每月评选服务之星和金牌管家，发布后会显示在这里' })}
    >
      {(d) => {
        const r = d.roll
        if (!r) return null
        return (
          <>
            <View className='sv-honor-head'>
              <Text className='sv-honor-head__title'>{title(r)}</Text>
              {r.publishedAt !== null ? <Text className='sv-meta'>{formatDate(r.publishedAt)} 发布 · 感谢每一位用心服务的人</Text> : null}
            </View>
            {d.months.length > 1 ? (
              <ChipChoice<string> id='honor-month' value={r.month} options={d.months.map((m) => ({ value: m, label: monthLabel(m) }))} onChange={setMonth} spaced />
            ) : null}
            {HONOR_KINDS.map((kind) => {
              const people = r.entries.filter((e) => e.kind === kind)
              if (people.length === 0) return null
              return (
                <Section key={kind} title={HONOR_KIND_LABELS[kind]} id={`honor-${kind}`}>
                  {people.map((e) => (
                    <View key={e.refId} className='sv-honoree' id={`honoree-${e.refId}`}>
                      <Avatar name={e.name} url={e.photo ?? undefined} size={88} />
                      <View className='sv-honoree__body'>
                        <Text className='sv-line__name'>{e.name}</Text>
                        <Text className='sv-meta'>{e.reason}</Text>
                      </View>
                    </View>
                  ))}
                </Section>
              )
            })}
            <ShareButton id='honor-share' text='分享光荣榜' fill='outline' content={{ title: title(r), path, description: `${r.entries.length} 位上榜，感谢他们的用心服务` }} />
          </>
        )
      }}
    </PageShell>
  )
}
