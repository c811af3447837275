import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { PRAISE_MAX, hasContact } from '@contracts/praise-labels'
import { api } from '../../../../client'
import { newRequestId } from '../../../../services/payment'
import { fieldError } from '../../../../services/result'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { Cell, CellGroup, Chip, Field, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { shanghai } from '../../../../utils/time'
import { serviceLink } from '../../types'
import '../../service.scss'

const CONTACT = '表扬信中不能包含链接或电话'

/** A letter of thanks (表扬信) to the worker of a done booking; the office approves it before it is shown. */
export default function ThankPage() {
  const { params } = useRouter()
  const bookingId = params.bookingId ?? ''
  const communityId = params.communityId
  const q = useQuery(() => api.booking.get({ bookingId }), [bookingId], { enabled: bookingId !== '' })
  const [text, setText] = useState('')
  const [requestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [refused, setRefused] = useState<ApiError | null>(null)
  const [sent, setSent] = useState(false)

  const submit = async () => {
    setBusy(true)
    const r = await api.booking.thank({ bookingId, text, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setRefused(r.error)
    setRefused(null)
    setSent(true)
  }
  // Said as the resident types, before the server says it again.
  const textError = text && hasContact(text) ? CONTACT : fieldError(refused, 'text')
  const honor = () => void Taro.navigateTo({ url: serviceLink('honor', {}, communityId) })

  return (
    <PageShell id='thank-page' query={q}>
      {({ booking: b }) => (
        <>
          <Section title='这次服务'>
            <KVList
              rows={[
                { label: '服务项目', value: b.lineName },
                { label: '服务时间', value: shanghai(b.slotStart).format('M月D日 HH:mm') },
                { label: '服务师傅', value: b.worker?.name ?? '' }
              ]}
            />
          </Section>
          {sent ? (
            <Section title='表扬信已提交' id='thank-sent' extra={<Chip text='待审核' tone='accent' />}>
              <Text className='sv-text'>{text}</Text>
              <Notice tone='success'>谢谢你的认可！物业审核后，表扬信会计入{b.worker?.name ?? '师傅'}的口碑，也是评选光荣榜的依据。</Notice>
            </Section>
          ) : b.canThank ? (
            <Section title={`写给${b.worker?.name ?? '师傅'}的表扬信`} id='thank-form'>
              <Field label='表扬信' required error={textError} hint={`${PRAISE_MAX} 字以内，请勿填写电话或链接`}>
                <TextArea id='thank-text' value={text} maxLength={PRAISE_MAX} placeholder='说说师傅哪里让你满意，比如准时、细致、热心' onChange={(v: string) => setText(v)} />
              </Field>
              {refused && !fieldError(refused, 'text') ? <Notice tone='danger'>{refused.message}</Notice> : null}
              <Button id='thank-submit' className='btn-block' block type='primary' loading={busy} disabled={text.trim().length < 2 || textError !== undefined} onClick={() => void submit()}>
                提交表扬信
              </Button>
            </Section>
          ) : (
            <Notice tone='info'>{b.status === 'done' ? '这次服务已经写过表扬信了，谢谢你的认可。' : '服务完成后才能写表扬信。'}</Notice>
          )}
          <CellGroup>
            <Cell id='go-honor' icon='thumb' title='社区光荣榜' desc='每月表彰服务之星和金牌管家' onClick={honor} />
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
