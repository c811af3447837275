import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as z from 'zod'
import { SETUP_CODE_ALPHABET, SETUP_CODE_LENGTH } from '../../cloudfunctions/contracts/office'

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
  /** The setup code (初始化码) that makes the first company administrator on an empty database. */
  setupCode: string
}

function newSetupCode(): string {
  const bytes = randomBytes(SETUP_CODE_LENGTH)
  return [...bytes].map((b) => SETUP_CODE_ALPHABET[b % SETUP_CODE_ALPHABET.length]).join('')
}

/** `XXXX-XXXX-XXXX`, as people read it out and type it. */
export function printedSetupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-')
}

/**
 * Secrets for the local run are generated once into the (git-ignored) data folder, so dev
 * sessions survive restarts and nothing secret is committed.
 */
export function loadSecrets(dataDir: string): LocalSecrets {
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'secrets.json')
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {}
  const secrets: LocalSecrets = {
    devSessionSecret: stored.devSessionSecret ?? randomBytes(32).toString('base64url'),
    codePepper: stored.codePepper ?? randomBytes(24).toString('base64url'),
    // Data folders from before the console get one on their next start.
    setupCode: stored.setupCode ?? newSetupCode()
  }
  if (Object.keys(stored).length !== Object.keys(secrets).length) writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

export function dbFile(dataDir: string): string {
  return path.join(dataDir, 'linli.sqlite')
}

/** Where H5 photo uploads (and the demo's drawn photos) are stored. */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads')
}
