import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { api, goHome, refreshMe } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { fieldError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Field, Icon, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { CONSOLE_SIGNIN_PATH, signInIdOf } from '../../../../utils/console-link'
import '../../account.scss'

/**
 * A property company's first day: whoever holds the setup code (初始化码, printed when the
 * system was installed) becomes the company administrator, who then signs in to the office
 * console and creates the communities. Reached from a console sign-in refused for want of a work
 * role; with `r`, it leads back to that sign-in.
 */
export default function ClaimAdminPage() {
  const { params } = useRouter()
  const signIn = signInIdOf({ r: params.r })
  const q = useQuery(() => api.user.me(), [], { reloadOnShow: false })
  const [code, setCode] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const claim = async () => {
    setBusy(true)
    const res = await api.office.claimAdmin({ code })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    setError(null)
    const me = await refreshMe()
    if (me.ok) q.setData(me.data)
  }

  return (
    <PageShell id='claim-admin' query={q}>
      {(me) => (
        <>
          <View className='console-hero'>
            <Icon name={me.admin ? 'success' : 'setting'} size='xl' color='primary' />
            <Text className='console-hero__title'>{me.admin ? '你已是物业公司管理员' : '成为物业公司管理员'}</Text>
            <Text className='console-hero__sub'>邻里物业管理后台 · 首次启用</Text>
          </View>
          {me.admin ? (
            <Section>
              <Notice tone='success'>管理员可以在电脑端创建社区、导入楼栋与房屋、邀请员工。</Notice>
              <ButtonRow>
                <Button id='claim-admin-home' fill='outline' onClick={goHome}>
                  回到首页
                </Button>
                {signIn ? (
                  <Button id='claim-admin-continue' type='primary' onClick={() => void Taro.redirectTo({ url: `${CONSOLE_SIGNIN_PATH}?r=${signIn}` })}>
                    继续电脑端登录
                  </Button>
                ) : null}
              </ButtonRow>
            </Section>
          ) : (
            <Section>
              <Field id='claim-admin-field' label='初始化码' error={fieldError(error, 'code')} hint='系统安装时生成的 12 位初始化码，只能使用一次'>
                <TextBox id='claim-admin-code' value={code} maxLength={16} placeholder='例如 K7M2-P9QX-R4TW' onChange={setCode} />
              </Field>
              {error && !fieldError(error, 'code') ? <Notice tone='danger'>{error.message}</Notice> : null}
              <Notice tone='warning'>初始化码只交给物业公司负责人。成为管理员后，请在电脑端为其他同事开通工作身份。</Notice>
              <ButtonRow>
                <Button id='claim-admin-submit' type='primary' block loading={busy} disabled={busy || code.trim() === ''} onClick={() => void claim()}>
                  确认成为管理员
                </Button>
              </ButtonRow>
            </Section>
          )}
        </>
      )}
    </PageShell>
  )
}
