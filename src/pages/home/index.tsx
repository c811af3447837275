import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS } from '@contracts/roles'
import { refreshMe, useSession } from '../../client'
import { refreshBadge } from '../../services/badge'
import { Icon } from '../../ui/kit'
import { PageShell } from '../../ui/shell'
import { ButlerHome } from './roles/butler'
import { NewcomerHome } from './roles/newcomer'
import { OperatorHome } from './roles/operator'
import { ResidentHome } from './roles/resident'
import { ServiceHome } from './roles/service'
import { StaffHome } from './roles/staff'
import './index.scss'

export default function HomePage() {
  const { me, loading, error } = useSession()
  useDidShow(() => void refreshBadge())
  usePullDownRefresh(() => {
    void refreshMe().finally(() => Taro.stopPullDownRefresh())
  })
  const query = { data: me, error, loading, reload: () => refreshMe().then(() => undefined) }
  return (
    <PageShell id='home' className='home' query={query}>
      {(me) => {
        const ctx = me.current
        return (
          <>
            <View className='hero' id='home-hero'>
              <View className='home__top'>
                <Text className='hero-title'>{ctx ? ctx.communityName : '欢迎来到邻里'}</Text>
                {ctx ? (
                  <View className='home__switch' id='home-switch' onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/switch/index' })}>
                    <Icon name='switch' size='xs' color='white' />
                    <Text>{ROLE_LABELS[ctx.role]} · 切换</Text>
                  </View>
                ) : null}
              </View>
              <Text className='hero-sub'>{ctx?.role === 'resident' ? `${ctx.label} · 你好，${me.user.nickname}` : `你好，${me.user.nickname}`}</Text>
            </View>
            {!ctx ? <NewcomerHome /> : null}
            {ctx?.role === 'resident' ? <ResidentHome me={me} /> : null}
            {ctx?.role === 'butler' ? <ButlerHome /> : null}
            {ctx?.role === 'operator' ? <OperatorHome /> : null}
            {ctx?.role === 'staff' || ctx?.role === 'verifier' || ctx?.role === 'finance' || ctx?.role === 'service' ? <StaffHome role={ctx.role} /> : null}
            {ctx?.role === 'worker' || ctx?.role === 'dispatcher' ? <ServiceHome role={ctx.role} /> : null}
          </>
        )
      }}
    </PageShell>
  )
}
