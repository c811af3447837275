import { View } from '@tarojs/components'
import { ROLE_LABELS, type Role } from '@contracts/roles'
import { type Tile, Tiles } from '../../../components/Tiles'
import { Notice, Section } from '../../../ui/kit'

/** A staff role's home: its tiles, and under its 工作台 how the work goes. */
export function DeskHome({ role, tiles, notice }: { role: Role; tiles: Tile[]; notice: string }) {
  return (
    <View id={`home-${role}`}>
      <Tiles tiles={tiles} />
      <Section title={`${ROLE_LABELS[role]}工作台`}>
        <Notice tone='info'>{notice}</Notice>
      </Section>
    </View>
  )
}
