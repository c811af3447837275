import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { fieldError } from '../../../../services/result'
import { api, applyMe, currentMe } from '../../../../client'
import { Field, Section } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
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
    const res = await api.user.updateProfile({ nickname, ...(phone ? { phone } : {}) })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    applyMe(res.data)
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 500)
  }

  return (
    <PageShell id='profile-page'>
      <Section>
        <Field label='昵称' required error={fieldError(error, 'nickname')}>
          <Input id='profile-nickname' value={nickname} maxLength={32} onChange={(v: string) => setNickname(v)} />
        </Field>
        <Field label='手机号' hint={me?.user.phoneMasked ? `当前 ${me.user.phoneMasked}，填写新号码即可更换` : '用于物业与管家联系你'} error={fieldError(error, 'phone')}>
          <Input id='profile-phone' type='number' value={phone} maxLength={11} placeholder='11 位手机号' onChange={(v: string) => setPhone(v)} />
        </Field>
        <Button id='profile-save' className='btn-block' type='primary' block loading={busy} onClick={() => void save()}>
          保存
        </Button>
      </Section>
    </PageShell>
  )
}
