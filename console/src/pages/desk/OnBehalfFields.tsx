import { Radio } from 'tdesign-react'
import { CHANNELS, CHANNEL_LABELS, type Channel } from '@contracts/desk-kinds'
import { RELATION_LABELS, type Relation } from '@contracts/roles'

/** How the request reached the desk: each thing the desk records for a household says so. */
export function ChannelRadio({ value, onChange }: { value: Channel; onChange: (c: Channel) => void }) {
  return (
    <Radio.Group variant='default-filled' value={value} onChange={(v) => onChange(CHANNELS.find((c) => c === v) ?? 'phone400')}>
      {CHANNELS.map((c) => (
        <Radio.Button key={c} value={c}>
          {CHANNEL_LABELS[c]}
        </Radio.Button>
      ))}
    </Radio.Group>
  )
}

/**
 * The member a booking or order will belong to. A household nobody has bound in the mini-program
 * has nobody to act for: `none` says what the clerk can do instead.
 */
export function MemberRadio(props: { members: readonly { userId: string; name: string; relation: Relation }[] | undefined; value: string | null; onChange: (userId: string) => void; none: string }) {
  if (props.members && props.members.length === 0) return <span className='muted'>{props.none}</span>
  return (
    <Radio.Group value={props.value ?? ''} onChange={(v) => props.onChange(String(v))}>
      {(props.members ?? []).map((m) => (
        <Radio key={m.userId} value={m.userId}>
          {m.name}（{RELATION_LABELS[m.relation]}）
        </Radio>
      ))}
    </Radio.Group>
  )
}
