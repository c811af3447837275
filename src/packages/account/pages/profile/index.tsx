import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { updateProfile } from '../../../../services/household'
import { fieldError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../account.scss'

export default function ProfilePage() {
  const me = currentMe()
  const [nickname, setNickname] = useState(me?.user.nickname ?? '')
  const [phone, setPhone] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    setBusy(true)
    const res = await updateProfile({ nickname, ...(phone ? { phone } : {}) })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 500)
  }

  return (
    <View className='page' id='profile-page'>
      <View className='card'>
        <View className='form-row'>
          <Text className='form-row__label'>昵称</Text>
          <Input id='profile-nickname' value={nickname} maxLength={32} onChange={(v: string) => setNickname(v)} />
          {fieldError(error, 'nickname') ? <Text className='field-error'>{fieldError(error, 'nickname')}</Text> : null}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>手机号 {me?.user.phoneMasked ? `（当前 ${me.user.phoneMasked}）` : ''}</Text>
          <Input id='profile-phone' type='number' value={phone} maxLength={11} placeholder='用于物业与管家联系你' onChange={(v: string) => setPhone(v)} />
          {fieldError(error, 'phone') ? <Text className='field-error'>{fieldError(error, 'phone')}</Text> : null}
        </View>
        <Button id='profile-save' className='btn-block' type='primary' block loading={busy} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
