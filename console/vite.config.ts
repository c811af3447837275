import path from 'node:path'
import { defineConfig } from 'vite'

const ROOT = path.resolve(__dirname, '..')

/**
 * The office console: served at /console/ beside the H5 app (the local server in development,
 * CloudBase static hosting in production). It shares the contracts and the client core with the
 * mini-program; `VITE_CLOUDBASE_ENV` at build time switches it from the local server to CloudBase.
 */
export default defineConfig({
  root: __dirname,
  base: '/console/',
  resolve: {
    alias: {
      '@contracts': path.join(ROOT, 'cloudfunctions', 'contracts')
    }
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(ROOT, 'dist-console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8790', '/dev': 'http://127.0.0.1:8790', '/uploads': 'http://127.0.0.1:8790' }
  }
})
