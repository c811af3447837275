import { createHash, createHmac } from 'node:crypto'

/**
 * Collection management for the CloudBase store suite: the node SDK can create a collection but
 * neither drop one nor make an index, so those go through the Tencent Cloud API (the `flexdb`
 * service the CloudBase console and CLI use), signed with TC3-HMAC-SHA256. Only the suite's own
 * collections are touched: create, add the unique indexes it tests, drop them after.
 */
export interface AdminCredentials {
  envId: string
  secretId: string
  secretKey: string
  region: string
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

async function call(c: AdminCredentials, service: 'tcb' | 'flexdb', version: string, action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const host = `${service}.tencentcloudapi.com`
  const payload = JSON.stringify(body)
  const timestamp = Math.floor(Date.now() / 1000)
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10)
  const canonical = ['POST', '/', '', `content-type:application/json; charset=utf-8\nhost:${host}\n`, 'content-type;host', sha256(payload)].join('\n')
  const scope = `${date}/${service}/tc3_request`
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(`TC3${c.secretKey}`, date), service), 'tc3_request')
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex')
  const res = await fetch(`https://${host}/`, {
    method: 'POST',
    headers: {
      authorization: `TC3-HMAC-SHA256 Credential=${c.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      'content-type': 'application/json; charset=utf-8',
      host,
      'x-tc-action': action,
      'x-tc-version': version,
      'x-tc-timestamp': String(timestamp),
      'x-tc-region': c.region
    },
    body: payload
  })
  const json = (await res.json()) as { Response?: Record<string, unknown> & { Error?: { Code: string; Message: string } } }
  const out = json.Response ?? {}
  if (out.Error) throw new Error(`${service}.${action} failed: ${out.Error.Code} ${out.Error.Message}`)
  return out
}

export interface CollectionAdmin {
  create(name: string, uniqueIndexes: readonly { name: string; fields: readonly string[] }[]): Promise<void>
  drop(name: string): Promise<void>
}

export async function collectionAdmin(c: AdminCredentials): Promise<CollectionAdmin> {
  const envs = await call(c, 'tcb', '2018-06-08', 'DescribeEnvs', { EnvId: c.envId })
  const env = (envs.EnvList as { Databases?: { InstanceId: string }[] }[] | undefined)?.[0]
  const tag = env?.Databases?.[0]?.InstanceId
  if (!tag) throw new Error(`environment ${c.envId} has no database instance`)
  const flexdb = (action: string, body: Record<string, unknown>) => call(c, 'flexdb', '2018-11-27', action, { Tag: tag, ...body })
  return {
    async create(name, uniqueIndexes) {
      await flexdb('CreateTable', { TableName: name })
      if (uniqueIndexes.length === 0) return
      await flexdb('UpdateTable', {
        TableName: name,
        CreateIndexes: uniqueIndexes.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: i.fields.map((f) => ({ Name: f, Direction: '1' })) }
        }))
      })
    },
    async drop(name) {
      await flexdb('DeleteTable', { TableName: name })
    }
  }
}
