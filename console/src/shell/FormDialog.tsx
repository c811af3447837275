import type { ReactNode } from 'react'
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
  return (
    <Dialog
      visible
      width={props.width ?? 600}
      header={props.header}
      onClose={props.onCancel}
      footer={
        <>
          <Button variant='outline' onClick={props.onCancel}>
            取消
          </Button>
          <Button id={props.saveId} theme='primary' loading={props.busy} disabled={props.disabled} onClick={props.onSave}>
            {props.saveText ?? '保存'}
          </Button>
        </>
      }
    >
      {props.children}
    </Dialog>
  )
}
