import { Picker, Text, View } from '@tarojs/components'
import { PLATE_MESSAGE, isPlate, normalizePlateText } from '@contracts/plate'
import { TextBox } from '../../../components/TextBox'

/** The provinces a plate can start with, in the order drivers look for them (as on WeChat's own plate pickers). */
export const PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼']

const DEFAULT_PROVINCE = '沪'

export interface PlateDraft {
  province: string
  rest: string
}

/** A plate from a link or a record, split for the input; an unknown first character keeps the default province. */
export function draftOf(plate: string): PlateDraft {
  const p = normalizePlateText(plate)
  const first = p.slice(0, 1)
  return PROVINCES.includes(first) ? { province: first, rest: p.slice(1) } : { province: DEFAULT_PROVINCE, rest: p }
}

export const emptyDraft = (): PlateDraft => ({ province: DEFAULT_PROVINCE, rest: '' })

/**
 * The plate as the server will read it, or the contract's own message: checked here by the same
 * rule (contracts/plate.ts) so a mistyped plate is told at once, without a round trip.
 */
export function checkPlate(d: PlateDraft): { plate: string; error: null } | { plate: null; error: string } {
  const rest = normalizePlateText(d.rest)
  if (rest === '') return { plate: null, error: '请输入车牌号' }
  // Typed whole, province and all, it is read as typed rather than behind the picked province.
  const plate = PROVINCES.includes(rest.slice(0, 1)) ? rest : `${d.province}${rest}`
  return isPlate(plate) ? { plate, error: null } : { plate: null, error: PLATE_MESSAGE }
}

/** The province picked from a list (the one character people cannot type quickly), the rest typed in capitals. */
export function PlateInput({ id, value, onChange }: { id: string; value: PlateDraft; onChange: (d: PlateDraft) => void }) {
  const at = Math.max(0, PROVINCES.indexOf(value.province))
  return (
    <View className='pk-plate'>
      <Picker className='pk-plate__picker' mode='selector' range={PROVINCES} value={at} onChange={(e) => onChange({ ...value, province: PROVINCES[Number(e.detail.value)] ?? DEFAULT_PROVINCE })}>
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
