import { Rsa, Wechatpay } from 'wechatpay-axios-plugin'

/** The plugin's own axios config type (it bundles its own axios). */
export type ClientConfig = ConstructorParameters<typeof Wechatpay>[0]
export type RequestConfig = Record<string, unknown>

/** The plugin's chained API (`client.v3.pay.transactions.jsapi.post(...)`), as far as we call it. */
export interface ChainNode {
  [segment: string]: ChainNode & {
    get(config?: RequestConfig): Promise<{ data: unknown }>
    post(data?: unknown, config?: RequestConfig): Promise<{ data: unknown }>
  }
}

/** WeChat Pay's `code message` of a failed call, else the error's own message. */
export function errorText(e: unknown): string {
  const data = (e as { response?: { data?: { code?: unknown; message?: unknown } } }).response?.data
  if (data && (data.code || data.message)) return `${String(data.code ?? '')} ${String(data.message ?? '')}`.trim()
  return e instanceof Error ? e.message : String(e)
}

export function httpStatus(e: unknown): number | undefined {
  return (e as { response?: { status?: number } }).response?.status
}

export interface SigningKeys {
  mchid: string
  serial: string
  privateKey: string
  /** WeChat Pay public keys or platform certificates by id, which verify every response. */
  publicKeys: Record<string, string>
}

/**
 * A WeChat Pay API v3 client for a direct merchant: it signs every request with the merchant key
 * and verifies every response. Payments and transfers share it.
 */
export function signedClient(keys: SigningKeys, axiosConfig: Partial<ClientConfig> = {}): { client: ChainNode; privateKey: ReturnType<typeof Rsa.from> } {
  const privateKey = Rsa.from(keys.privateKey, Rsa.KEY_TYPE_PRIVATE)
  const certs = Object.fromEntries(Object.entries(keys.publicKeys).map(([id, pem]) => [id, Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC)]))
  // The plugin accepts KeyObjects (its typings only say string | Buffer), and its chain is built at run time.
  const wxpay = new Wechatpay({ mchid: keys.mchid, serial: keys.serial, privateKey: privateKey as unknown as string, certs, ...axiosConfig })
  return { client: wxpay as unknown as ChainNode, privateKey }
}
