import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tdesign-react/es/style/index.css'
import './styles.css'
import { App } from './app'

const root = document.getElementById('root')
if (!root) throw new Error('no #root in index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
