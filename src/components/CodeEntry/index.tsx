import { useState } from 'react'
import { ButtonRow, Field } from '../../ui/kit'
import { Button } from '../../ui/nut'
import { TextBox } from '../TextBox'

export interface CodeEntryProps {
  /** The field's id; the box and the buttons get `${id}-code`, `${id}-scan` and `${id}-submit`. */
  id: string
  /** The field's label, hint and example, and the two buttons' labels. */
  text: { label: string; hint?: string; placeholder: string; scan: string; submit: string }
  error?: string
  maxLength: number
  /** Applied to what is typed. */
  normalize?(v: string): string
  /** Reads a code with the camera: null when cancelled. Offered only in WeChat (in H5 the code is typed). */
  scan(): Promise<string | null>
  /** Whether the code was accepted: the box then empties for the next one. */
  submit(code: string): Promise<boolean>
}

/** A code the person at the desk is shown: typed, or scanned. */
export function CodeEntry({ id, text, error, maxLength, normalize, scan, submit }: CodeEntryProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const send = async (value: string) => {
    setBusy(true)
    const accepted = await submit(value)
    setBusy(false)
    if (accepted) setCode('')
  }
  const scanned = async () => {
    const value = await scan()
    if (value) await send(value)
  }
  return (
    <>
      <Field id={id} label={text.label} error={error} hint={text.hint}>
        <TextBox id={`${id}-code`} value={code} maxLength={maxLength} placeholder={text.placeholder} onChange={(v) => setCode(normalize ? normalize(v) : v)} />
      </Field>
      <ButtonRow>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button id={`${id}-scan`} fill='outline' type='primary' onClick={() => void scanned()}>
            {text.scan}
          </Button>
        ) : null}
        <Button id={`${id}-submit`} type='primary' loading={busy} onClick={() => void send(code)}>
          {text.submit}
        </Button>
      </ButtonRow>
    </>
  )
}
