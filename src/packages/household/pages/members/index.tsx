import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { RELATION_LABELS } from '@contracts/roles'
import { Avatar } from '../../../../components/Avatar'
import { StateView } from '../../../../components/StateView'
import { householdMembers } from '../../../../services/household'
import { currentMe } from '../../../../services/session'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../household.scss'

type Members = OutputOf<'user.householdMembers'>

export default function MembersPage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? ''
  const communityId = params.communityId ?? ''
  const [data, setData] = useState<Members | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  useDidShow(() => {
    void householdMembers(householdId, communityId).then((r) => (r.ok ? setData(r.data) : setError(r.error)))
  })

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const mine = currentMe()?.households.find((h) => h.householdId === householdId)
  return (
    <View className='page' id='members-page'>
      <View className='hero'>
        <Text className='hero-title'>{data.householdLabel}</Text>
        <Text className='hero-sub'>{data.members.length} 位成员</Text>
      </View>
      <View className='card'>
        {data.members.map((m) => (
          <View key={m.userId} className='list-item'>
            <View className='row'>
              <Avatar name={m.nickname} size={72} />
              <View style={{ marginLeft: '16px', display: 'flex', flexDirection: 'column' }}>
                <Text>
                  {m.nickname}
                  {m.isMe ? '（我）' : ''}
                </Text>
                <Text className='muted'>{formatDate(m.since)} 加入</Text>
              </View>
            </View>
            <Text className='badge'>{RELATION_LABELS[m.relation]}</Text>
          </View>
        ))}
      </View>
      {mine?.relation === 'owner' ? (
        <Button
          block
          type='primary'
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/household/pages/invite/index?householdId=${householdId}&communityId=${communityId}` })
          }
        >
          邀请家人或租户
        </Button>
      ) : null}
    </View>
  )
}
