import { Text, View } from '@tarojs/components'
import type { Context } from '@contracts/user'
import { ROLE_LABELS } from '@contracts/roles'
import { StateView } from '../../../../components/StateView'
import { toastError } from '../../../../services/result'
import { goHome, switchContext } from '../../../../services/session'
import { useSession } from '../../../../services/use-session'
import '../../account.scss'

function sameContext(a: Context | null | undefined, b: Context): boolean {
  return !!a && a.communityId === b.communityId && a.role === b.role && a.householdId === b.householdId
}

export default function SwitchPage() {
  const { me, loading, error } = useSession()
  if (!me) return <View className='page'>{<StateView loading={loading} error={error} />}</View>
  if (me.contexts.length === 0) {
    return (
      <View className='page'>
        <StateView empty='你还没有任何社区身份，请先绑定房屋' />
      </View>
    )
  }
  const communities = [...new Map(me.contexts.map((c) => [c.communityId, c.communityName])).entries()]
  const pick = async (c: Context) => {
    const res = await switchContext(c)
    if (res.ok) goHome()
    else toastError(res.error)
  }
  return (
    <View className='page' id='switch-page'>
      {communities.map(([id, name]) => (
        <View key={id} className='card'>
          <Text className='section-title'>{name}</Text>
          {me.contexts
            .filter((c) => c.communityId === id)
            .map((c) => {
              const on = sameContext(me.current, c)
              return (
                <View
                  key={`${c.role}-${c.householdId ?? ''}`}
                  id={`ctx-${c.communityId}-${c.role}-${c.householdId ?? 'staff'}`}
                  className={`ctx ${on ? 'ctx--on' : ''}`}
                  onClick={() => void pick(c)}
                >
                  <View className='ctx__main'>
                    <Text className='ctx__role'>{ROLE_LABELS[c.role]}</Text>
                    <Text className='muted'>{c.label}</Text>
                  </View>
                  <Text className={on ? 'badge' : 'muted'}>{on ? '当前' : '切换'}</Text>
                </View>
              )
            })}
        </View>
      ))}
    </View>
  )
}
