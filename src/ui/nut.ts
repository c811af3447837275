/**
 * NutUI React Taro, imported component by component with each one's stylesheet, so a page pays
 * only for what it uses. Pages import UI from here, never from the package root.
 */
import './icon-tag'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button'
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell'
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup'
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag'
