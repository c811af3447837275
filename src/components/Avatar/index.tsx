import { Image, Text, View } from '@tarojs/components'
import './index.scss'

/** A photo when the user set one, else the first character of their name on a brand circle. */
export function Avatar({ name, url, size = 96 }: { name: string; url?: string; size?: number }) {
  const style = { width: `${size}px`, height: `${size}px` }
  if (url) return <Image className='avatar' style={style} src={url} mode='aspectFill' />
  return (
    <View className='avatar avatar--text' style={style}>
      <Text>{name.slice(0, 1) || '邻'}</Text>
    </View>
  )
}
