import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Icon, type IconName } from '../../ui/kit'
import './index.scss'

export interface Tile {
  key: string
  title: string
  icon: IconName
  tone: 'green' | 'orange' | 'blue' | 'purple'
  url: string
  hint?: string
}

/** The feature grid on role homes; a feature adds its tile when its pages exist. */
export function Tiles({ tiles }: { tiles: Tile[] }) {
  return (
    <View className='tiles'>
      {tiles.map((t) => (
        <View key={t.key} id={`tile-${t.key}`} className='tile' hoverClass='tile--pressed' onClick={() => void Taro.navigateTo({ url: t.url })}>
          <View className={`tile__icon tile__icon--${t.tone}`}>
            <Icon name={t.icon} size='l' />
          </View>
          <Text className='tile__title'>{t.title}</Text>
          {t.hint ? <Text className='tile__hint'>{t.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
