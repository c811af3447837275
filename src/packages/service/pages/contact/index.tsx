import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../../client'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Notice } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import '../../service.scss'

/**
 * Writing to the property's 客服 from the mini-program itself (where WeChat's own customer-service
 * session is not at hand): the message reaches the same desk, and the answers show here and in 消息.
 */
export default function ContactPage() {
  const q = useQuery(() => api.desk.myChat({}), [])
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(() => newRequestId())
  const [busy, setBusy] = useState(false)

  const send = async () => {
    setBusy(true)
    const r = await api.desk.sendChat({ text, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setText('')
    setRequestId(newRequestId())
    q.setData({ messages: r.data.messages })
  }

  return (
    <PageShell id='contact-page' query={q}>
      {({ messages }) => (
        <>
          <Notice>客服工作时间 8:00-20:00，一般 30 分钟内回复；紧急报修（漏水、停电、电梯困人）请直接拨打物业电话。</Notice>
          {messages.length === 0 ? (
            <EmptyState title='有什么可以帮你？' hint='报修、投诉、缴费和快递问题都可以在这里留言' />
          ) : (
            <View className='sv-chat' id='chat-messages'>
              {messages.map((m) => (
                <View key={m.id} className={`sv-bubble sv-bubble--${m.dir === 'in' ? 'in' : 'out'}`}>
                  <Text className='sv-bubble__body'>{m.text}</Text>
                  <Text className='sv-meta'>
                    {m.dir === 'in' ? '我' : m.byName} · {formatDateTime(m.at)}
                  </Text>
                </View>
              ))}
            </View>
          )}
          <TextArea id='chat-text' value={text} maxLength={500} placeholder='写下你的问题' onChange={(v: string) => setText(v)} />
          <ButtonRow>
            <Button id='chat-send' type='primary' block loading={busy} disabled={!text.trim()} onClick={() => void send()}>
              发送
            </Button>
          </ButtonRow>
        </>
      )}
    </PageShell>
  )
}
