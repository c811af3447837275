import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { RELATION_LABELS } from '@contracts/roles'
import { Avatar } from '../../../../components/Avatar'
import { api, currentMe } from '../../../../client'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { Chip, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../household.scss'

export default function MembersPage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? ''
  const communityId = params.communityId ?? ''
  const q = useQuery(() => api.user.householdMembers({ householdId }, communityId ? { communityId } : {}), [householdId, communityId], {
    enabled: householdId !== ''
  })
  const mine = currentMe()?.households.find((h) => h.householdId === householdId)
  return (
    <PageShell id='members-page' query={q}>
      {(data) => (
        <>
          <View className='hero'>
            <View className='hero-title'>{data.householdLabel}</View>
            <View className='hero-sub'>{data.members.length} 位成员</View>
          </View>
          <Section>
            {data.members.map((m) => (
              <View key={m.userId} className='member'>
                <Avatar name={m.nickname} size={80} />
                <View className='member__who'>
                  <View className='member__name'>
                    {m.nickname}
                    {m.isMe ? '（我）' : ''}
                  </View>
                  <View className='muted'>{formatDate(m.since)} 加入</View>
                </View>
                <Chip text={RELATION_LABELS[m.relation]} tone='primary' />
              </View>
            ))}
          </Section>
          {mine?.relation === 'owner' ? (
            <Button
              block
              type='primary'
              id='members-invite'
              onClick={() => void Taro.navigateTo({ url: `/packages/household/pages/invite/index?householdId=${householdId}&communityId=${communityId}` })}
            >
              邀请家人或租户
            </Button>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
