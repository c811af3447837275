import { type ReactNode, useRef } from 'react'
import { Button, Dialog } from 'tdesign-react'

/** A dialog holding one form: cancel beside the one action, which waits while the server answers. */
export function FormDialog(props: {
  header: string
  width?: number
  saveId: string
  saveText?: string
  busy: boolean
  disabled?: boolean
  onSave: () => void
  onCancel: () => void
  children: ReactNode
}) {
  // TDesign's Dialog copies its props into state only when they change deeply, and functions do
  // not count: a footer whose children hold no form values (a render prop) would keep the first
  // onSave, with the form as it opened. The buttons call through refs to the latest.
  const save = useRef(props.onSave)
  const cancel = useRef(props.onCancel)
  save.current = props.onSave
  cancel.current = props.onCancel
  return (
    <Dialog
      visible
      width={props.width ?? 600}
      header={props.header}
      onClose={() => cancel.current()}
      footer={
        <>
          <Button variant='outline' onClick={() => cancel.current()}>
            取消
          </Button>
          <Button id={props.saveId} theme='primary' loading={props.busy} disabled={props.disabled} onClick={() => save.current()}>
            {props.saveText ?? '保存'}
          </Button>
        </>
      }
    >
      {props.children}
    </Dialog>
  )
}
