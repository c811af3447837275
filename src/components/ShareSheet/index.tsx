import { useState } from 'react'
import type * as SheetModule from './Sheet'
import type { ShareContent } from '../../services/share'
import { Button } from '../../ui/nut'

export type { ShareContent }

export interface ShareButtonProps {
  content: ShareContent
  /** The button's words, e.g. 发送给微信好友. */
  text: string
  id?: string
  fill?: 'solid' | 'outline'
}

/**
 * The page's share button. In WeChat it opens the chat picker (`openType='share'`; the page's
 * `useShareAppMessage` makes the card). In H5 it opens a sheet with the same content as a card,
 * the link to copy and its QR code. TARO_ENV is a build-time constant: the sheet is never bundled
 * into the mini-program.
 */
export function ShareButton({ content, text, id, fill = 'solid' }: ShareButtonProps) {
  const [open, setOpen] = useState(false)
  // The H5 branch is a constant-false `if` in the weapp build, so webpack never reaches its require.
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ShareSheet } = require('./Sheet') as typeof SheetModule
    return (
      <>
        <Button type='primary' fill={fill} block id={id} onClick={() => setOpen(true)}>
          {text}
        </Button>
        {open ? <ShareSheet content={content} onClose={() => setOpen(false)} /> : null}
      </>
    )
  }
  return (
    <Button type='primary' fill={fill} block openType='share' id={id}>
      {text}
    </Button>
  )
}
