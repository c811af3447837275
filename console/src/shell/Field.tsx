import type { ReactNode } from 'react'
import { Form } from 'tdesign-react'

/**
 * A form row whose control the page owns. TDesign's FormItem takes over the value of an input put
 * directly in it and follows only that input's own changes, so a value the page sets (a template
 * applied, the end moved with the start, a title taken from the product) would not show; the
 * control sits in a plain box instead, and the row keeps the label, the help and the error.
 */
export function Field(props: { label: string; required?: boolean; help?: string; status?: 'error'; tips?: string; children: ReactNode }) {
  return (
    <Form.FormItem label={props.label} requiredMark={props.required} help={props.help} status={props.status} tips={props.tips}>
      <div className='field'>{props.children}</div>
    </Form.FormItem>
  )
}
