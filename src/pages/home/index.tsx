import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROLE_LABELS } from '@contracts/roles'
import { StateView } from '../../components/StateView'
import { refresh } from '../../services/session'
import { useSession } from '../../services/use-session'
import { ButlerHome } from './roles/butler'
import { NewcomerHome } from './roles/newcomer'
import { OperatorHome } from './roles/operator'
import { ResidentHome } from './roles/resident'
import { StaffHome } from './roles/staff'
import { ServiceHome } from './roles/service'
import './index.scss'

export default function HomePage() {
  const { me, loading, error } = useSession()
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  if (!me) {
    if (error?.code === 'AUTH.UNAUTHENTICATED' || error?.code === 'TRANSPORT.FAILED') {
      return (
        <View className='page'>
          <StateView error={error} onRetry={() => void Taro.reLaunch({ url: '/pages/login/index' })} />
        </View>
      )
    }
    return (
      <View className='page'>
        <StateView loading={loading} error={error} />
      </View>
    )
  }
  const ctx = me.current
  return (
    <View className='page home' id='home'>
      <View className='hero' id='home-hero'>
        <View className='row'>
          <Text className='hero-title'>{ctx ? ctx.communityName : '欢迎来到邻里'}</Text>
          {ctx ? (
            <Text
              className='home__switch'
              id='home-switch'
              onClick={() => void Taro.navigateTo({ url: '/packages/account/pages/switch/index' })}
            >
              {ROLE_LABELS[ctx.role]} · 切换
            </Text>
          ) : null}
        </View>
        <Text className='hero-sub'>
          {ctx?.role === 'resident' ? `${ctx.label} · 你好，${me.user.nickname}` : `你好，${me.user.nickname}`}
        </Text>
      </View>
      {!ctx ? <NewcomerHome /> : null}
      {ctx?.role === 'resident' ? <ResidentHome me={me} /> : null}
      {ctx?.role === 'butler' ? <ButlerHome /> : null}
      {ctx?.role === 'operator' ? <OperatorHome /> : null}
      {ctx?.role === 'staff' || ctx?.role === 'verifier' ? <StaffHome role={ctx.role} /> : null}
      {ctx?.role === 'worker' || ctx?.role === 'dispatcher' ? <ServiceHome role={ctx.role} /> : null}
    </View>
  )
}
