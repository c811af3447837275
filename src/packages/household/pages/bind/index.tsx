import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { HouseholdCode } from '@contracts/user'
import { fieldError } from '../../../../services/result'
import { ME_PATH, api, applyMe, returnTo } from '../../../../client'
import { Notice, Section } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../household.scss'

/** Shows the code as residents see it on paper: XXXX-XXXX. */
function pretty(raw: string): string {
  const s = raw.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 8)
  return s.length > 4 ? `${s.slice(0, 4)}-${s.slice(4)}` : s
}

export default function BindPage() {
  const { params } = useRouter()
  // A code slip's QR code opens this page with its code filled in.
  const [code, setCode] = useState(() => pretty(params.code ?? ''))
  const [error, setError] = useState<ApiError | null>(null)
  const [localError, setLocalError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    // Same schema as the function: a malformed code never leaves the phone.
    const parsed = HouseholdCode.safeParse(code)
    if (!parsed.success) {
      setLocalError(parsed.error.issues[0]?.message ?? '房屋码格式不正确')
      return
    }
    setLocalError('')
    setBusy(true)
    const res = await api.user.bindHousehold({ code })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    setError(null)
    applyMe(res.data)
    const home = res.data.current
    void Taro.showToast({ title: '绑定成功', icon: 'success' })
    // Sent here by a link that needed a household: go on to it.
    setTimeout(() => returnTo(params.redirect, ME_PATH), 600)
    if (home) Taro.setStorageSync('linli.lastBound', home.householdId)
  }

  // The server's message says more than the field's (e.g. how many attempts are left today).
  const message = localError || error?.message || fieldError(error, 'code') || ''
  return (
    <PageShell id='bind-page'>
      <View className='hero'>
        <Text className='hero-title'>业主绑定房屋</Text>
        <Text className='hero-sub'>房屋码印在物业发放的《入住通知书》上，也可向网格管家索取</Text>
      </View>
      <View className='card'>
        <Text className='field-label'>房屋码</Text>
        <View className='code-input'>
          <Input
            id='bind-code'
            placeholder='例如 7KQ2-M9XD'
            value={code}
            maxLength={9}
            clearable
            onChange={(v: string) => {
              setCode(pretty(v))
              setLocalError('')
              setError(null)
            }}
          />
        </View>
        {message ? (
          <Text className='field-error' id='bind-error'>
            {message}
          </Text>
        ) : null}
        <Button id='bind-submit' className='btn-block' type='primary' block loading={busy} onClick={() => void submit()}>
          绑定
        </Button>
      </View>
      <Section title='不是业主？'>
        <Notice tone='info'>家庭成员或租户可以请业主在「邀请家人」中发送邀请，或申请加入房屋，由网格管家审核。</Notice>
        <Button
          className='btn-block'
          fill='outline'
          type='primary'
          block
          onClick={() => void Taro.redirectTo({ url: '/packages/household/pages/join/index' })}
        >
          申请加入房屋
        </Button>
      </Section>
    </PageShell>
  )
}
