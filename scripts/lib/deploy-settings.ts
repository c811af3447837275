import { existsSync, readFileSync } from 'node:fs'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import { readTransferConfig } from '../../cloudfunctions/adapters/wechatpay/env'
import { CUSTOM_LOGIN_KEY_VARIABLE, readCustomLoginKey } from '../../cloudfunctions/adapters/cloudbase/tickets'

/**
 * The settings a deployed function reads, and where each travels. `envVariables` in
 * cloudbaserc.json REPLACE a function's whole variable set on every deploy, and CloudBase allows
 * 4 KB of variables per function, so:
 * - every variable a function reads is listed (one left out would be wiped by the next deploy);
 * - the large WeChat Pay keys go in a settings file inside the bundle instead (see
 *   cloudfunctions/adapters/cloudbase/secrets.ts), written into the git-ignored build folder;
 * - a deploy build (`--deploy`) refuses to write anything when a required setting is missing.
 */
export const ENV_LIMIT_BYTES = 4 * 1024

/** Every function: required. */
export const BASE_REQUIRED = ['LINLI_CODE_PEPPER'] as const
/** Every function: optional, but listed so a deploy never wipes them. */
export const BASE_OPTIONAL = ['LINLI_LOG_LEVEL', 'LINLI_TEMPLATE_ARREARS', 'LINLI_TEMPLATE_EVENT_REMINDER', 'LINLI_TEMPLATE_EVENT_PROMOTED'] as const
/** Functions that declare `usesPayment`: small values, kept as environment variables. */
export const PAYMENT_VARIABLES = [
  'WECHATPAY_APPID',
  'WECHATPAY_MCHID',
  'WECHATPAY_SERIAL',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_NOTIFY_URL',
  'WECHATPAY_PUBLIC_KEY_ID',
  'WECHATPAY_TRANSFER_SCENE_ID',
  'WECHATPAY_TRANSFER_NOTIFY_URL'
] as const
/** Functions that declare `usesPayment`: the large keys, shipped in the bundle's settings file. */
export const PAYMENT_FILE_SETTINGS = ['WECHATPAY_PRIVATE_KEY', 'WECHATPAY_PLATFORM_CERTS', 'WECHATPAY_PUBLIC_KEY'] as const

/** Functions that declare `signsInConsoles`: the custom-login private key file's JSON, shipped in the settings file. */
export const CONSOLE_LOGIN_FILE_SETTINGS = [CUSTOM_LOGIN_KEY_VARIABLE] as const
/** Functions that declare `signsInConsoles`: optional, the setup code of the company's first administrator. */
export const CONSOLE_VARIABLES = ['LINLI_SETUP_CODE'] as const

/** The variables cloudbaserc.json declares for a function: the CLI fills `{{env.X}}` from `.env`. */
export function envVariablesOf(m: Pick<FunctionModule, 'usesPayment' | 'signsInConsoles'>): Record<string, string> {
  const names = [...BASE_REQUIRED, ...BASE_OPTIONAL, ...(m.usesPayment ? PAYMENT_VARIABLES : []), ...(m.signsInConsoles ? CONSOLE_VARIABLES : [])]
  return Object.fromEntries(names.map((k) => [k, `{{env.${k}}}`]))
}

/** `.env` as the CloudBase CLI reads it: `KEY=value` lines, `#` comments, optional quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const at = line.indexOf('=')
    if (at <= 0) continue
    let value = line.slice(at + 1).trim()
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1)
    out[line.slice(0, at).trim()] = value
  }
  return out
}

export function readDeployEnv(dotEnvFile: string, processEnv: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const fromFile = existsSync(dotEnvFile) ? parseDotEnv(readFileSync(dotEnvFile, 'utf8')) : {}
  const fromShell = Object.fromEntries(Object.entries(processEnv).filter((e): e is [string, string] => typeof e[1] === 'string'))
  // The CLI reads `.env`; a value exported in the shell stands in only where the file has none.
  return { ...fromShell, ...fromFile }
}

export interface DeployPlan {
  /** Every reason the deploy must not go ahead; empty when it may. */
  problems: string[]
  /** Per function: what goes into its bundled settings file. */
  files: Map<string, Record<string, string>>
}

/**
 * Checks the deploy environment against what each function needs, with the same checks the
 * functions run at start, and says where each large key goes. Nothing is written by this.
 */
type DeployedModule = Pick<FunctionModule, 'fn' | 'usesPayment' | 'signsInConsoles'>

export function planDeploySettings(modules: readonly DeployedModule[], env: Record<string, string>): DeployPlan {
  const problems: string[] = []
  const files = new Map<string, Record<string, string>>()
  const present = (k: string) => typeof env[k] === 'string' && env[k].trim() !== ''
  if (!present('ENV_ID')) problems.push('ENV_ID is missing (the CloudBase environment id)')
  for (const k of BASE_REQUIRED) if (!present(k)) problems.push(`${k} is missing`)
  if (present('LINLI_CODE_PEPPER') && env.LINLI_CODE_PEPPER!.length < 16) problems.push('LINLI_CODE_PEPPER must be at least 16 characters')
  // Each declared capability's settings, checked once with the check its functions run at start.
  const capabilities: [(m: DeployedModule) => boolean | undefined, (env: NodeJS.ProcessEnv) => unknown][] = [
    [(m) => m.usesPayment, readTransferConfig],
    [(m) => m.signsInConsoles, readCustomLoginKey]
  ]
  for (const [declares, check] of capabilities) {
    const users = modules.filter(declares)
    if (users.length === 0) continue
    try {
      check(env)
    } catch (e) {
      problems.push(`${users.map((m) => m.fn).join(', ')}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  for (const m of modules) {
    const vars = envVariablesOf(m)
    const bytes = Object.keys(vars).reduce((n, k) => n + Buffer.byteLength(k) + Buffer.byteLength(env[k] ?? '') + 2, 0)
    if (bytes > ENV_LIMIT_BYTES) problems.push(`${m.fn}: its environment variables come to ${bytes} bytes, over CloudBase's ${ENV_LIMIT_BYTES}`)
    const fileSettings = [...(m.usesPayment ? PAYMENT_FILE_SETTINGS : []), ...(m.signsInConsoles ? CONSOLE_LOGIN_FILE_SETTINGS : [])]
    if (fileSettings.length > 0) files.set(m.fn, Object.fromEntries(fileSettings.filter(present).map((k) => [k, env[k]!])))
  }
  return { problems, files }
}
