import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { scanText } from '../../../../services/scan'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { Chip, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { CONSOLE_SIGNIN_PATH, signInIdFromText } from '../../../../utils/console-link'
import '../../account.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** The staff member's signed-in computers: each can be signed out from here, at once. */
export default function ConsoleSessionsPage() {
  const q = useQuery(() => api.office.sessions({}), [])

  const signOut = async (id: string, device: string) => {
    const ok = await Taro.showModal({ title: '让这台电脑退出登录？', content: `${device}\n退出后，这台电脑需要重新扫码才能使用管理后台。`, confirmText: '退出登录' })
    if (!ok.confirm) return
    const res = await api.office.revokeSession({ id })
    if (!res.ok) return toastError(res.error)
    q.setData((prev) => ({ sessions: (prev?.sessions ?? []).filter((s) => s.id !== id) }))
    void Taro.showToast({ title: '已退出', icon: 'success' })
  }

  const scan = async () => {
    const text = await scanText()
    if (text === null) return
    const id = signInIdFromText(text)
    if (!id) return void Taro.showToast({ title: '这不是管理后台的登录二维码', icon: 'none' })
    void Taro.navigateTo({ url: `${CONSOLE_SIGNIN_PATH}?r=${encodeURIComponent(id)}` })
  }

  const scanButton = isWeapp ? (
    <Button id='console-scan' type='primary' block className='btn-block' onClick={() => void scan()}>
      扫码登录电脑端
    </Button>
  ) : null

  return (
    <PageShell
      id='console-sessions'
      query={q}
      empty={whenEmpty((d) => d.sessions, {
        title: '没有在电脑上登录',
        hint: '在电脑浏览器打开邻里物业管理后台，用微信扫一扫页面上的二维码即可登录',
        ...(isWeapp ? { action: { text: '扫码登录电脑端', onClick: () => void scan() } } : {})
      })}
    >
      {(d) => (
        <>
          <Section title='已登录的电脑'>
            {d.sessions.map((s) => (
              <View key={s.id} id={`console-session-${s.id}`} className='console-session'>
                <View className='console-session__main'>
                  <View className='console-session__head'>
                    <Text className='console-session__device'>{s.device}</Text>
                    {s.current ? <Chip text='当前' tone='primary' /> : null}
                  </View>
                  <Text className='muted'>{formatDateTime(s.createdAt)} 登录 · {formatDateTime(s.expiresAt)} 前有效</Text>
                </View>
                <Button id={`console-session-${s.id}-revoke`} size='small' fill='outline' type='danger' onClick={() => void signOut(s.id, s.device)}>
                  退出
                </Button>
              </View>
            ))}
            <Notice tone='info'>不认识的电脑请立即退出。登录 12 小时后自动失效。</Notice>
          </Section>
          {scanButton}
        </>
      )}
    </PageShell>
  )
}
