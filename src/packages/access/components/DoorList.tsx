import { Text, View } from '@tarojs/components'
import type { OutputOf } from '@contracts/registry'
import { Chip } from '../../../ui/kit'

type Door = OutputOf<'access.residentPass'>['doors'][number]

/** The doors a pass opens, each marked for people or vehicles. */
export function DoorList({ doors }: { doors: Door[] }) {
  return (
    <>
      {doors.map((door) => (
        <View key={`${door.gateId}-${door.doorId}`} className='door'>
          <Text>{door.name}</Text>
          <Chip text={door.vehicle ? '车行' : '人行'} tone={door.vehicle ? 'info' : 'primary'} />
        </View>
      ))}
    </>
  )
}
