import { View } from '@tarojs/components'
import { Icon } from '../../../ui/kit'

/** The picker's choice mark: an empty ring, or a filled one with a tick. */
export function Radio({ on }: { on: boolean }) {
  return <View className={`mb-radio${on ? ' mb-radio--on' : ''}`}>{on ? <Icon name='check' size='xs' color='white' /> : null}</View>
}
