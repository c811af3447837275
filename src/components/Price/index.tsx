import { Text } from '@tarojs/components'
import { splitFen } from '../../utils/money'
import './index.scss'

export interface PriceProps {
  /** Amount in whole fen. */
  fen: number
  size?: 's' | 'm' | 'l'
  /** Struck-through original price. */
  original?: boolean
  className?: string
}

/** The one way money is shown: integer fen in, ¥ yuan.cents out. */
export function Price({ fen, size = 'm', original = false, className = '' }: PriceProps) {
  const { sign, yuan, cents } = splitFen(fen)
  return (
    <Text className={`price price--${size} ${original ? 'price--original' : ''} ${className}`}>
      <Text className='price__symbol'>{sign}¥</Text>
      <Text className='price__yuan'>{yuan}</Text>
      <Text className='price__cents'>.{cents}</Text>
    </Text>
  )
}
