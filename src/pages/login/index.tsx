import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { HOME_PATH, returnTo } from '../../client'
import { PageShell } from '../../ui/shell'
import { DemoPersonas } from './DemoPersonas'
import { WechatLogin } from './WechatLogin'
import './index.scss'

export default function LoginPage() {
  const { params } = useRouter()
  // After signing in: the link that sent the person here, or the home tab.
  const signedIn = () => returnTo(params.redirect, HOME_PATH)

  return (
    <PageShell className='login' id='login'>
      <View className='login__brand'>
        <View className='login__logo'>
          <Text>邻</Text>
        </View>
        <Text className='login__title'>邻里 · 社区生活服务</Text>
        <Text className='login__sub'>缴费、通行、严选预售、上门服务，一个小程序就够了</Text>
      </View>
      {/* Written out, not a variable: the bundler drops the other build's half and all it imports. */}
      {process.env.TARO_ENV === 'h5' ? <DemoPersonas switching={Boolean(params.switch)} onSignedIn={signedIn} /> : <WechatLogin onSignedIn={signedIn} />}
    </PageShell>
  )
}
