import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as z from 'zod'

/** The local server's settings, read and checked once at start. */
const LocalEnv = z.object({
  LINLI_HOST: z.string().default('127.0.0.1'),
  LINLI_PORT: z.coerce.number().int().min(1).max(65535).default(8790),
  LINLI_DATA_DIR: z.string().default('.data'),
  LINLI_SCHEDULER: z.enum(['on', 'off']).default('on')
})
export type LocalEnvT = z.infer<typeof LocalEnv>

export function readLocalEnv(source: NodeJS.ProcessEnv = process.env): LocalEnvT {
  const parsed = LocalEnv.safeParse(source)
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid local environment: ${why}`)
  }
  return parsed.data
}

export interface LocalSecrets {
  devSessionSecret: string
  codePepper: string
}

/**
 * Secrets for the local run are generated once into the (git-ignored) data folder, so dev
 * sessions survive restarts and nothing secret is committed.
 */
export function loadSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  const secrets: LocalSecrets = {
    devSessionSecret: randomBytes(32).toString('base64url'),
    codePepper: randomBytes(24).toString('base64url')
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

export function dbFile(dataDir: string): string {
  return path.join(dataDir, 'linli.sqlite')
}

/** Where H5 photo uploads (and the demo's drawn photos) are stored. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads')
}
