import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ActionBar.scss'

/**
 * The page's main actions, fixed at the bottom above the home indicator. A spacer of the same
 * height ends the page, so the bar never hides the last of the content.
 */
export function ActionBar({ children, id }: { children?: ReactNode; id?: string }) {
  return (
    <>
      <View className='kit-actionbar-spacer' />
      <View id={id} className='kit-actionbar'>
        {children}
      </View>
    </>
  )
}

/** Buttons side by side sharing the width, or `stacked` one above another; never touching. */
export function ButtonRow({ children, stacked = false, id }: { children?: ReactNode; stacked?: boolean; id?: string }) {
  return (
    <View id={id} className={`kit-btnrow${stacked ? ' kit-btnrow--stacked' : ''}`}>
      {children}
    </View>
  )
}
