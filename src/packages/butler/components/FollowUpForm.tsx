import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FOLLOW_CHANNELS, FOLLOW_CHANNEL_LABELS, type FollowChannel } from '@contracts/insights-labels'
import { logFollowUp, newRequestId } from '../../../services/insights'
import { fieldError, toastError } from '../../../services/result'
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
    const r = await logFollowUp({ householdId: props.householdId, channel, note: note.trim(), clientRequestId: requestId })
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
      <View className='bt-chips bt-chips--tight'>
        {FOLLOW_CHANNELS.map((c) => (
          <Text key={c} id={`${p}-channel-${c}`} className={`bt-chip ${channel === c ? 'bt-chip--on' : ''}`} onClick={() => setChannel(c)}>
            {FOLLOW_CHANNEL_LABELS[c]}
          </Text>
        ))}
      </View>
      <Textarea
        id={`${p}-note`}
        className='bt-input'
        value={note}
        maxlength={300}
        placeholder='跟进情况，例如：电话沟通，近期出差，下周回来后再约上门'
        onInput={(e) => {
          setNote(e.detail.value)
          if (noteError) setNoteError('')
        }}
      />
      {noteError ? <Text className='field-error'>{noteError}</Text> : null}
      <View className='bt-actions'>
        {props.onCancel ? (
          <Button size='small' fill='outline' onClick={props.onCancel}>
            取消
          </Button>
        ) : null}
        <Button id={`${p}-submit`} size='small' type='primary' loading={busy} onClick={() => void submit()}>
          记录跟进
        </Button>
      </View>
    </View>
  )
}
