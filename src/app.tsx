import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  return children
}
