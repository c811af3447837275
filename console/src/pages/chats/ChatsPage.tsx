import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Card, MessagePlugin, Radio, Tag, Textarea } from 'tdesign-react'
import { DELIVERY_LABELS, type ChatViewT } from '@contracts/desk-chat'
import { formatDateTime, whenText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { navigate } from '../../router'
import { useConsole } from '../../shell/console-context'
import { EmptyState, PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { type FormHousehold, WorkOrderForm } from '../desk/WorkOrderForm'
import { newRequestId } from '../../../../src/client/core/request-id'


/**
 * 微信客服 and the mini-program's own chat in one inbox: conversations waiting for an answer
 * first; a reply goes through WeChat while its 48-hour window is open, to the resident's
 * mini-program messages after; a conversation becomes a work order without retyping it.
 */
export function ChatsPage() {
  const { community } = useConsole()
  const [view, setView] = useState<'unanswered' | 'all'>('unanswered')
  const [chatId, setChatId] = useState<string | null>(null)
  const list = useQuery(() => api.desk.chats({ view }), [community.id, view])
  usePoll(list.reload, 20_000)
  return (
    <div className='chats'>
      <Card bordered={false} title='会话' className='chats__list'>
        <Radio.Group variant='default-filled' value={view} onChange={(v) => setView(v === 'all' ? 'all' : 'unanswered')}>
          <Radio.Button value='unanswered'>待回复</Radio.Button>
          <Radio.Button value='all'>全部</Radio.Button>
        </Radio.Group>
        <PageShell query={list} empty={(d) => (d.chats.length === 0 ? { title: view === 'unanswered' ? '没有待回复的消息' : '还没有住户发来消息', hint: '住户在小程序点「联系客服」发来的消息会出现在这里' } : null)}>
          {(d) => (
            <ul className='chat-list'>
              {d.chats.map((c) => (
                <li key={c.id}>
                  <button type='button' className={`chat-item${c.id === chatId ? ' chat-item--on' : ''}`} onClick={() => setChatId(c.id)}>
                    <span className='chat-item__who'>
                      <strong>{c.householdLabel}</strong> {c.residentName}
                      {c.unanswered ? <Tag size='small' theme='danger' variant='light'>待回复</Tag> : null}
                    </span>
                    <span className='chat-item__text'>{c.lastText}</span>
                    <span className='muted'>{whenText(c.lastAt, Date.now())}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </PageShell>
      </Card>
      {chatId ? <Thread key={chatId} chatId={chatId} onChanged={() => void list.reload()} /> : <EmptyState title='选择一个会话' hint='左侧列出住户发来的消息，待回复的在前' />}
    </div>
  )
}

function Thread({ chatId, onChanged }: { chatId: string; onChanged: () => void }) {
  const q = useQuery(() => api.desk.chat({ chatId }), [chatId])
  usePoll(q.reload, 10_000)
  const [text, setText] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [making, setMaking] = useState(false)
  const end = useRef<HTMLDivElement>(null)
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' })
  }, [q.data?.messages.length])

  const send = async () => {
    setBusy(true)
    const r = await api.desk.reply({ chatId, text, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error.fields?.[0]?.message ?? r.error.message)
    setError('')
    setText('')
    setRequestId(newRequestId())
    if (r.data.message.delivery === 'inbox') void MessagePlugin.info('已超过微信 48 小时回复时限，回复已发到住户的小程序消息')
    void q.reload()
    onChanged()
  }

  return (
    <PageShell query={q}>
      {({ chat, messages }) => (
        <Card bordered={false} className='chats__thread' title={`${chat.householdLabel} · ${chat.residentName}`} actions={<ThreadActions chat={chat} onMake={() => setMaking(true)} />}>
          <div className='thread' id='chat-thread'>
            {messages.map((m) =>
              m.dir === 'note' || m.kind === 'event' ? (
                <div key={m.id} className='thread__note'>
                  {m.kind === 'event' ? `${m.byName}${m.text} · ${formatDateTime(m.at)}` : m.text}
                </div>
              ) : (
                <div key={m.id} className={`bubble bubble--${m.dir}`}>
                  <div className='bubble__body'>{m.imageUrl ? <img src={m.imageUrl} alt='住户发来的图片' className='bubble__img' /> : m.text}</div>
                  <div className='bubble__meta'>
                    {m.byName} · {formatDateTime(m.at)}
                    {m.dir === 'out' && DELIVERY_LABELS[m.delivery] ? ` · ${DELIVERY_LABELS[m.delivery]}` : ''}
                  </div>
                </div>
              )
            )}
            <div ref={end} />
          </div>
          {making && chat.householdId ? (
            <div className='thread__form'>
              <WorkOrderForm
                household={hitOf(chat)}
                channel='wechat'
                text={messages.filter((m) => m.dir === 'in' && m.kind === 'text').slice(-3).map((m) => m.text).join('；')}
                chatId={chat.id}
                onCancel={() => setMaking(false)}
                onCreated={(wo) => {
                  setMaking(false)
                  void MessagePlugin.success(`已转为工单 ${wo.no}`)
                  void q.reload()
                  onChanged()
                }}
              />
            </div>
          ) : (
            <div className='thread__reply'>
              {chat.wechatOpenUntil !== null && chat.wechatOpenUntil < Date.now() ? <Alert theme='warning' message='已超过微信 48 小时回复时限，回复会发到住户的小程序消息' /> : null}
              <Textarea name='chat-reply' value={text} maxlength={500} autosize={{ minRows: 2, maxRows: 5 }} placeholder='回复住户' onChange={(v) => setText(String(v))} />
              {error ? <div className='field-error'>{error}</div> : null}
              <div className='form-actions'>
                <Button id='chat-send' theme='primary' loading={busy} disabled={!text.trim()} onClick={() => void send()}>
                  发送
                </Button>
              </div>
            </div>
          )}
        </Card>
      )}
    </PageShell>
  )
}

function ThreadActions({ chat, onMake }: { chat: ChatViewT; onMake: () => void }) {
  return (
    <span className='cell-inline'>
      {chat.householdId ? (
        <Button variant='text' theme='primary' onClick={() => navigate(`/household/${chat.householdId ?? ''}`)}>
          户档案
        </Button>
      ) : null}
      {chat.workOrder ? (
        <Tag theme='success' variant='light'>
          已转工单 {chat.workOrder.no}
        </Tag>
      ) : chat.householdId ? (
        <Button id='chat-to-work-order' variant='outline' onClick={onMake}>
          转为工单
        </Button>
      ) : null}
    </span>
  )
}

/** The conversation's household as the work-order form takes it. */
function hitOf(chat: ChatViewT): FormHousehold {
  return { householdId: chat.householdId ?? '', label: chat.householdLabel, butlerName: null }
}

/** Residents write while the clerk watches: the open list and thread look again every so often. */
function usePoll(reload: () => Promise<void>, ms: number) {
  useEffect(() => {
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') void reload()
    }, ms)
    return () => window.clearInterval(t)
  }, [reload, ms])
}
