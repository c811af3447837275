import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Context } from '@contracts/user'
import { ROLE_LABELS } from '@contracts/roles'
import { HOME_PATH, refreshMe, returnTo, sameContext, switchContext, useSession } from '../../../../client'
import { toastError } from '../../../../services/result'
import { Chip, Section } from '../../../../ui/kit'
import { PageShell, whenEmpty } from '../../../../ui/shell'
import '../../account.scss'

/** Choosing the community and role to act in; a link that needed one comes back here after. */
export default function SwitchPage() {
  const { params } = useRouter()
  const { me, loading, error } = useSession()
  const query = { data: me, error, loading, reload: () => refreshMe().then(() => undefined) }
  const pick = async (c: Context) => {
    const res = await switchContext(c)
    if (res.ok) returnTo(params.redirect, HOME_PATH)
    else toastError(res.error)
  }
  return (
    <PageShell
      id='switch-page'
      query={query}
      empty={whenEmpty((m) => m.contexts, { title: '你还没有任何社区身份', hint: '业主请用房屋码绑定房屋；家人或租户可申请加入', action: { text: '去绑定房屋', onClick: () => void Taro.redirectTo({ url: '/packages/household/pages/bind/index' }) } })}
    >
      {(me) => {
        const communities = [...new Map(me.contexts.map((c) => [c.communityId, c.communityName])).entries()]
        return (
          <>
            {params.redirect ? <Text className='switch__why'>请选择要进入的社区和身份，选好后回到刚才的页面</Text> : null}
            {communities.map(([id, name]) => (
              <Section key={id} title={name}>
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
                        {on ? <Chip text='当前' tone='primary' /> : <Text className='muted'>切换</Text>}
                      </View>
                    )
                  })}
              </Section>
            ))}
          </>
        )
      }}
    </PageShell>
  )
}
