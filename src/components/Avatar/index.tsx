import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

/** A photo when the user set one, else the first character of their name on a brand circle. */
export function Avatar({ name, url, size = 96 }: { name: string; url?: string; size?: number }) {
  // Inline styles skip the px transform that stylesheets get; convert the 750-design size here.
  const side = Taro.pxTransform(size)
  const style = { width: side, height: side }
  if (url) return <Image className='avatar' style={style} src={url} mode='aspectFill' />
  return (
    <View className='avatar avatar--text' style={style}>
      <Text>{name.slice(0, 1) || '邻'}</Text>
    </View>
  )
}
