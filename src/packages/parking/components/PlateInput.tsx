import { Picker, Text, View } from '@tarojs/components'
import { TextBox } from '../../../components/TextBox'
import { PROVINCES, type PlateDraft } from '../plate-draft'

/** The province picked from a list (the one character people cannot type quickly), the rest typed in capitals. */
export function PlateInput({ id, value, onChange }: { id: string; value: PlateDraft; onChange: (d: PlateDraft) => void }) {
  const at = Math.max(0, PROVINCES.indexOf(value.province))
  return (
    <View className='pk-plate'>
      <Picker className='pk-plate__picker' mode='selector' range={PROVINCES} value={at} onChange={(e) => onChange({ ...value, province: PROVINCES[Number(e.detail.value)] ?? value.province })}>
        <View className='pk-plate__province' id={`${id}-province`}>
          <Text>{value.province}</Text>
          <Text className='pk-plate__caret'>▾</Text>
        </View>
      </Picker>
      <View className='pk-plate__rest'>
        <TextBox id={id} value={value.rest} maxLength={9} placeholder='A12345，新能源车 AD12345' onChange={(v) => onChange({ ...value, rest: v.toUpperCase() })} />
      </View>
    </View>
  )
}
