import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Settings too large for CloudBase's 4 KB of environment variables per function (the merchant
 * private key, platform certificates, the WeChat Pay public key: about 4.2 KB together) travel
 * in a file beside the bundle, written by `npm run build:functions -- --deploy` from the deploy
 * machine's `.env` into the git-ignored build folder. Read once per instance.
 */
export const BUNDLED_SECRETS_FILE = 'settings.json'

/** The environment, with the bundle's settings file filling what the environment leaves empty. */
export function withBundledSecrets(env: NodeJS.ProcessEnv, dir: string = __dirname): NodeJS.ProcessEnv {
  const file = path.join(dir, BUNDLED_SECRETS_FILE)
  if (!existsSync(file)) return env
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${BUNDLED_SECRETS_FILE} is not a JSON object`)
  const merged: NodeJS.ProcessEnv = { ...env }
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof v === 'string' && !merged[k]?.trim()) merged[k] = v
  }
  return merged
}
