/**
 * NutUI React Taro, imported component by component with each one's stylesheet, so a page pays
 * only for what it uses. Pages import UI from here, never from the package root.
 */
import './icon-tag'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'

import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button'
import { createElement } from 'react'
import type { ButtonVariantProps } from './button-variants'

/**
 * NutUI's button, except that `fill='solid'` is not passed on: NutUI then also paints the label's
 * box with the gradient (a second band behind the text), while solid is what it draws by default.
 */
export function Button({ fill, ...rest }: ButtonVariantProps) {
  return createElement(NutButton, fill === 'solid' ? rest : { ...rest, fill })
}
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup'
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag'
