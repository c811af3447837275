import { Text, View } from '@tarojs/components'
import { setElderMode, useElderMode } from '../shell/elder'
import { Icon } from './Icon'
import './ElderSwitch.scss'

/** The 长辈模式 switch for 我的: the whole row toggles it, and every page follows at once. */
export function ElderSwitch({ id = 'elder-switch' }: { id?: string }) {
  const on = useElderMode()
  return (
    <View id={id} className='kit-elder' hoverClass='kit-cell--pressed' onClick={() => setElderMode(!on)}>
      <View className='kit-elder__icon'>
        <Icon name='elder' size='m' />
      </View>
      <View className='kit-elder__body'>
        <Text className='kit-elder__title'>长辈模式</Text>
        <Text className='kit-elder__desc'>{on ? '已开启：字更大，按钮更大，颜色更清楚' : '开启后字更大，按钮更大，颜色更清楚'}</Text>
      </View>
      <View id={`${id}-state`} className={`kit-switch${on ? ' kit-switch--on' : ''}`}>
        <View className='kit-switch__knob' />
        <Text className='kit-switch__text'>{on ? '开' : '关'}</Text>
      </View>
    </View>
  )
}
