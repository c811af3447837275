import { Text, View } from '@tarojs/components'
import { partLabel } from '@contracts/package'
import { formatFen } from '../../../utils/money'
import { Cell, Section } from '../../../ui/kit'
import type { Campaign } from '../types'

/**
 * 产品包内容: each part with what it costs bought on its own, then the saving at the chosen SKU.
 * The card parts say where the card goes and what it books, so the resident knows what paying gives.
 */
export function PackageParts({ c, priceFen }: { c: Campaign; priceFen: number }) {
  if (c.parts.length === 0 || c.partsFen === null) return null
  const saving = c.partsFen - priceFen
  return (
    <Section title='产品包内容' id='package-parts'>
      {c.parts.map((p, i) => (
        <Cell
          key={i}
          id={`package-part-${i}`}
          icon={p.type === 'card' ? 'card' : 'gift'}
          title={partLabel(p)}
          desc={p.type === 'card' ? `「${p.title}」付款即到账，${p.validDays} 天内可约` : '随预售配送'}
          extra={<Text className='ps-part__price'>单买 {formatFen(p.unitFen * (p.type === 'card' ? p.uses : p.quantity))}</Text>}
        />
      ))}
      <View className='ps-saving' id='package-saving'>
        <Text>单买合计 {formatFen(c.partsFen)}</Text>
        {saving > 0 ? <Text className='ps-saving__amount'>产品包省 {formatFen(saving)}</Text> : null}
      </View>
    </Section>
  )
}
