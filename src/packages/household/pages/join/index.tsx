import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api, goHome } from '../../../../client'
import { Icon, Notice } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../household.scss'

type Buildings = OutputOf<'user.listBuildings'>['buildings']

export default function JoinPage() {
  const q = useQuery(() => api.user.listCommunities(), [])
  const [communityId, setCommunityId] = useState('')
  const [buildings, setBuildings] = useState<Buildings>([])
  const [buildingId, setBuildingId] = useState('')
  const [householdId, setHouseholdId] = useState('')
  const [relation, setRelation] = useState<'family' | 'tenant'>('family')
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [sent, setSent] = useState(false)
  const [busy, setBusy] = useState(false)

  const pickCommunity = (id: string) => {
    setCommunityId(id)
    setBuildingId('')
    setHouseholdId('')
    void api.user.listBuildings({ communityId: id }, { communityId: id }).then((r) => (r.ok ? setBuildings(r.data.buildings) : setError(r.error)))
  }

  const submit = async () => {
    setBusy(true)
    const res = await api.user.requestJoin({ householdId, relation, note }, { communityId })
    setBusy(false)
    if (res.ok) setSent(true)
    else setError(res.error)
  }

  if (sent) {
    return (
      <PageShell>
        <View className='card done' id='join-sent'>
          <View className='done__mark'>
            <Icon name='success' size='xl' color='white' />
          </View>
          <Text className='section-title'>申请已提交</Text>
          <Text className='muted'>网格管家核实后会通过申请，结果将出现在消息中</Text>
          <Button className='btn-block' type='primary' block onClick={goHome}>
            返回首页
          </Button>
        </View>
      </PageShell>
    )
  }
  const building = buildings.find((b) => b.id === buildingId)
  return (
    <PageShell id='join-page' query={q}>
      {({ communities }) => (
        <View className='card'>
          <Text className='step'>1. 选择社区</Text>
          <View className='choice-list'>
            {communities.map((c) => (
              <Text key={c.id} className={`choice ${c.id === communityId ? 'choice--on' : ''}`} onClick={() => pickCommunity(c.id)}>
                {c.name}
              </Text>
            ))}
          </View>
          {communityId ? <Text className='step'>2. 选择楼栋</Text> : null}
          <View className='choice-list'>
            {buildings.map((b) => (
              <Text
                key={b.id}
                className={`choice ${b.id === buildingId ? 'choice--on' : ''}`}
                onClick={() => {
                  setBuildingId(b.id)
                  setHouseholdId('')
                }}
              >
                {b.name}
              </Text>
            ))}
          </View>
          {building ? <Text className='step'>3. 选择房号</Text> : null}
          <View className='choice-list'>
            {(building?.households ?? []).map((h) => (
              <Text key={h.id} className={`choice ${h.id === householdId ? 'choice--on' : ''}`} onClick={() => setHouseholdId(h.id)}>
                {h.room}
              </Text>
            ))}
          </View>
          {householdId ? (
            <View>
              <Text className='step'>4. 你的身份</Text>
              <View className='choice-list'>
                <Text className={`choice ${relation === 'family' ? 'choice--on' : ''}`} onClick={() => setRelation('family')}>
                  家庭成员
                </Text>
                <Text className={`choice ${relation === 'tenant' ? 'choice--on' : ''}`} onClick={() => setRelation('tenant')}>
                  租户
                </Text>
              </View>
              <Text className='step'>备注（选填）</Text>
              <TextArea value={note} maxLength={100} placeholder='例如：业主王先生的女儿' onChange={(v: string) => setNote(v)} />
              {error ? <Notice tone='danger'>{error.message}</Notice> : null}
              <Button id='join-submit' className='btn-block' type='primary' block loading={busy} onClick={() => void submit()}>
                提交申请
              </Button>
            </View>
          ) : null}
        </View>
      )}
    </PageShell>
  )
}
