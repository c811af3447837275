import { Input } from '@tarojs/components'
import { Field } from '../../../ui/kit'

/** A staff member's note on one item of a list (how a complaint was handled, what a follow-up found), sent with that item's action. */
export function NoteField(props: { label: string; required?: boolean; id: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  return (
    <Field label={props.label} required={props.required}>
      <Input id={props.id} className='sv-input' value={props.value} placeholder={props.placeholder} onInput={(e) => props.onChange(e.detail.value)} />
    </Field>
  )
}
