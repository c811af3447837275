/** Form controls, separate from ./nut so pages without forms do not carry them. */
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'

export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input'
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio'
export { default as RadioGroup } from '@nutui/nutui-react-taro/dist/es/packages/radiogroup'
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea'
