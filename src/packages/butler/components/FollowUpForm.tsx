import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FOLLOW_CHANNELS, FOLLOW_CHANNEL_LABELS, type FollowChannel } from '@contracts/insights-labels'
import { api } from '../../../client'
import { newRequestId } from '../../../services/request-id'
import { fieldError, toastError } from '../../../services/result'
import { ButtonRow, Field, Segmented } from '../../../ui/kit'
import { Button } from '../../../ui/nut'

/**
 * One follow-up of a household (上门 / 电话 / 微信 and what was said). A retried tap sends the
 * same request id, so it is logged once; a new id is taken after each success.
 */
export function FollowUpForm(props: { householdId: string; idPrefix: string; onDone: () => void; onCancel?: () => void }) {
  const [channel, setChannel] = useState<FollowChannel>('visit')
  const [note, setNote] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [noteError, setNoteError] = useState('')

  const submit = async () => {
    if (note.trim().length < 2) return setNoteError('请写下跟进情况（至少 2 个字）')
    setBusy(true)
    const r = await api.insights.logFollowUp({ householdId: props.householdId, channel, note: note.trim(), clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      const field = fieldError(r.error, 'note')
      if (field) setNoteError(field)
      else toastError(r.error)
      return
    }
    setNoteError('')
    setNote('')
    setRequestId(newRequestId())
    void Taro.showToast({ title: '已记录跟进', icon: 'success' })
    props.onDone()
  }

  const p = props.idPrefix
  return (
    <View className='bt-form' id={`${p}-form`}>
      <Segmented<FollowChannel> id={`${p}-channel`} value={channel} options={FOLLOW_CHANNELS.map((c) => ({ value: c, label: FOLLOW_CHANNEL_LABELS[c] }))} onChange={setChannel} />
      <Field id={`${p}-field`} label='跟进情况' error={noteError || undefined}>
        <Textarea
          id={`${p}-note`}
          className='bt-input'
          value={note}
          maxlength={300}
          placeholder='例如：电话沟通，近期出差，下周回来后再约上门'
          onInput={(e) => {
            setNote(e.detail.value)
            if (noteError) setNoteError('')
          }}
        />
      </Field>
      <ButtonRow>
        {props.onCancel ? (
          <Button fill='outline' id={`${p}-cancel`} onClick={props.onCancel}>
            取消
          </Button>
        ) : null}
        <Button id={`${p}-submit`} type='primary' loading={busy} onClick={() => void submit()}>
          记录跟进
        </Button>
      </ButtonRow>
    </View>
  )
}
