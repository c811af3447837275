import type { ReactNode } from 'react'
import { Button, Dialog } from 'tdesign-react'
import { useLatest } from './use-latest'

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
  // A footer whose dialog body holds no form values (a render prop) would otherwise keep the
  // first onSave, saving the form as it opened.
  const save = useLatest(props.onSave)
  const cancel = useLatest(props.onCancel)
  return (
    <Dialog
      visible
      width={props.width ?? 600}
      header={props.header}
      onClose={cancel}
      footer={
        <>
          <Button variant='outline' onClick={cancel}>
            取消
          </Button>
          <Button id={props.saveId} theme='primary' loading={props.busy} disabled={props.disabled} onClick={save}>
            {props.saveText ?? '保存'}
          </Button>
        </>
      }
    >
      {props.children}
    </Dialog>
  )
}
