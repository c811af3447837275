import { Text, View } from '@tarojs/components'
import { Price } from '../../../ui/kit'
import type { Campaign } from '../types'

/** The campaign's SKUs to choose from: name, what is left and price; sold-out ones cannot be chosen. */
export function SkuChoices(props: { c: Campaign; value: string | undefined; onChange?: (skuId: string) => void; idPrefix: string; showStock?: boolean }) {
  return (
    <View>
      {props.c.skus.map((s) => {
        const on = s.id === props.value
        return (
          <View
            key={s.id}
            id={`${props.idPrefix}-${s.id}`}
            className={`ps-sku${on ? ' ps-sku--on' : ''}${s.remaining === 0 ? ' ps-sku--off' : ''}`}
            onClick={() => {
              if (s.remaining > 0 && props.onChange) props.onChange(s.id)
            }}
          >
            <View className='ps-sku__body'>
              <Text className='ps-sku__name'>{s.name}</Text>
              <Text className='ps-sku__left' id={`${props.idPrefix}-left-${s.id}`}>
                {s.remaining === 0 ? '已售罄' : props.showStock ? `剩余 ${s.remaining}/${s.stock}` : `剩余 ${s.remaining}`}
              </Text>
            </View>
            <Price fen={s.priceFen} />
          </View>
        )
      })}
    </View>
  )
}
