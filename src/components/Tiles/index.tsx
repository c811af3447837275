import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export interface Tile {
  key: string
  title: string
  /** One character drawn in the tile's badge. */
  glyph: string
  tone: 'green' | 'orange' | 'blue' | 'purple'
  url: string
  hint?: string
}

/** The feature grid on role homes; a feature adds its tile when its pages exist. */
export function Tiles({ tiles }: { tiles: Tile[] }) {
  return (
    <View className='tiles'>
      {tiles.map((t) => (
        <View key={t.key} id={`tile-${t.key}`} className='tile' onClick={() => void Taro.navigateTo({ url: t.url })}>
          <View className={`tile__glyph tile__glyph--${t.tone}`}>
            <Text>{t.glyph}</Text>
          </View>
          <Text className='tile__title'>{t.title}</Text>
          {t.hint ? <Text className='tile__hint'>{t.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
