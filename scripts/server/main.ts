import { startApp } from './app'
import { readLocalEnv } from './env'

/** `npm run dev:server`: the local server alone (no build); `npm start` builds first. */
async function main() {
  const app = await startApp(readLocalEnv())
  console.log(`linli local server on ${app.url}`)
  const stop = () => void app.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
