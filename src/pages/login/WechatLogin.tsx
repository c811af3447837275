import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { login } from '../../client'
import { toastError } from '../../services/result'
import { Button } from '../../ui/nut'

/** WeChat's one-tap sign-in, after the agreement is ticked. */
export function WechatLogin({ onSignedIn }: { onSignedIn: () => void }) {
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)

  const signIn = async () => {
    if (!agreed) {
      void Taro.showToast({ title: '请先阅读并同意用户协议', icon: 'none' })
      return
    }
    setBusy(true)
    const res = await login()
    setBusy(false)
    if (res.ok) onSignedIn()
    else toastError(res.error)
  }

  return (
    <View className='card login__wechat'>
      <Button id='wechat-login' type='primary' block loading={busy} onClick={() => void signIn()}>
        微信一键登录
      </Button>
      <View className='login__agree' id='agree' onClick={() => setAgreed(!agreed)}>
        <View className={`login__check ${agreed ? 'login__check--on' : ''}`} />
        <Text className='muted'>我已阅读并同意《用户服务协议》和《隐私政策》</Text>
      </View>
    </View>
  )
}
