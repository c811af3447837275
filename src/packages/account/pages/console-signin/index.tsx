import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { api, goHome } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, Icon, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { CLAIM_ADMIN_PATH, CONSOLE_SESSIONS_PATH, signInIdOf } from '../../../../utils/console-link'
import '../../account.scss'

/**
 * Opened by scanning the office console's sign-in code: with the mini-program's scanner, with
 * WeChat's own (the code is a registered link, whose text arrives as `q`), or from the link
 * itself. WeChat has just said who is scanning; the staff member sees which computer asks and
 * with which roles it will act, and decides.
 */
export default function ConsoleSignInPage() {
  const { params } = useRouter()
  const id = signInIdOf(params)
  const q = useQuery(() => api.office.signInRequest({ id }), [id], { enabled: id !== '', reloadOnShow: false })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<'confirm' | 'reject' | null>(null)

  const decide = async (how: 'confirm' | 'reject') => {
    setBusy(how)
    const res = how === 'confirm' ? await api.office.confirmSignIn({ id }) : await api.office.rejectSignIn({ id })
    setBusy(null)
    if (!res.ok) {
      setError(res.error)
      void q.reload()
      return
    }
    setError(null)
    if (q.data) q.setData({ ...q.data, status: how === 'confirm' ? 'confirmed' : 'rejected' })
  }

  return (
    <PageShell id='console-signin' query={q}>
      {(req) => (
        <>
          <View className='console-hero'>
            <Icon name={req.status === 'confirmed' ? 'success' : 'scan'} size='xl' color='primary' />
            <Text className='console-hero__title'>{TITLE[req.status]}</Text>
            <Text className='console-hero__sub'>邻里物业管理后台</Text>
          </View>
          <Section>
            <KVList
              rows={[
                { label: '登录设备', value: req.device },
                { label: '请求时间', value: formatDateTime(req.createdAt) }
              ]}
            />
          </Section>
          {req.status === 'pending' && req.roles.length > 0 ? (
            <Section title='将以这些工作身份登录'>
              <View className='console-roles'>
                {req.roles.map((r) => (
                  <Chip key={`${r.communityName}-${r.roleLabel}`} text={`${r.communityName} · ${r.roleLabel}`} tone='info' />
                ))}
              </View>
              <Notice tone='warning'>请确认是你本人正在这台电脑前操作。别人发来的登录二维码不要扫，也不要确认。</Notice>
            </Section>
          ) : null}
          <Section>
            {error ? <Notice tone='danger'>{error.message}</Notice> : null}
            {req.status === 'pending' && req.roles.length === 0 ? (
              <>
                <Notice tone='warning'>只有物业工作人员可以登录管理后台。如果你是工作人员，请联系运营为你开通工作身份。</Notice>
                {req.setupOpen ? (
                  <Button id='console-signin-claim' fill='none' type='primary' onClick={() => void Taro.navigateTo({ url: `${CLAIM_ADMIN_PATH}?r=${id}` })}>
                    首次启用：我有初始化码
                  </Button>
                ) : null}
              </>
            ) : null}
            {req.status === 'expired' ? <Notice tone='warning'>二维码已过期，请在电脑上刷新后重新扫码。</Notice> : null}
            {req.status === 'confirmed' ? <Notice tone='success'>已确认，请回到电脑继续操作。不是你本人登录的话，请立即到“电脑端登录”让它退出。</Notice> : null}
            {req.status === 'pending' && req.roles.length > 0 ? (
              <ButtonRow>
                <Button id='console-signin-reject' fill='outline' disabled={busy !== null} loading={busy === 'reject'} onClick={() => void decide('reject')}>
                  取消登录
                </Button>
                <Button id='console-signin-confirm' type='primary' disabled={busy !== null} loading={busy === 'confirm'} onClick={() => void decide('confirm')}>
                  确认登录
                </Button>
              </ButtonRow>
            ) : (
              <ButtonRow>
                <Button id='console-signin-home' fill='outline' onClick={goHome}>
                  回到首页
                </Button>
                {req.status === 'confirmed' ? (
                  <Button id='console-signin-sessions' type='primary' onClick={() => void Taro.redirectTo({ url: CONSOLE_SESSIONS_PATH })}>
                    查看电脑端登录
                  </Button>
                ) : null}
              </ButtonRow>
            )}
          </Section>
        </>
      )}
    </PageShell>
  )
}

const TITLE = {
  pending: '电脑端请求登录',
  confirmed: '已确认登录',
  rejected: '已取消这次登录',
  expired: '二维码已过期'
} as const
