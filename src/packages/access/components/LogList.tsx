import { Text, View } from '@tarojs/components'
import type { LogEntryT } from '@contracts/access'
import { formatDateTime } from '../../../utils/time'
import { Chip } from '../../../ui/kit'
import { EmptyState } from '../../../ui/shell'

/** Entry rows, shared by the household's and the gate's logs: where, who and when, and the outcome. */
export function LogList(props: { entries: LogEntryT[]; empty: string; hint?: string }) {
  if (props.entries.length === 0) return <EmptyState title={props.empty} {...(props.hint ? { hint: props.hint } : {})} />
  return (
    <View>
      {props.entries.map((e) => (
        <View key={e.id} className='entry' id={`entry-${e.id}`}>
          <View className='entry__main'>
            <Text>{e.doorName || e.gateName || '未登记的设备'}</Text>
            <Text className='entry__time'>{[e.who, formatDateTime(e.at)].filter(Boolean).join(' · ')}</Text>
          </View>
          <Chip text={e.reasonText} tone={e.decision === 'open' ? 'primary' : 'danger'} />
        </View>
      ))}
    </View>
  )
}
