/** Community keys and device secrets at rest: sealed under the pepper, bound to their document. */
import { cryptoRandom } from '../../cloudfunctions/adapters/system'
import { gateContext, keyContext, seal, unseal } from '../../cloudfunctions/domain/access/seal'

const PEPPER = 'seal-test-pepper-0123456789'
const SECRET = Buffer.from('0123456789abcdef0123456789abcdef')

describe('sealed secrets', () => {
  it('unseal what was sealed, and never contain the secret', () => {
    const sealed = seal(PEPPER, cryptoRandom, gateContext('ly-main'), SECRET)
    expect(unseal(PEPPER, gateContext('ly-main'), sealed)).toEqual(SECRET)
    expect(sealed).not.toContain(SECRET.toString('base64url'))
    expect(sealed).not.toContain(SECRET.toString('hex'))
  })

  it('differ every time, so equal secrets are not visible as equal', () => {
    const a = seal(PEPPER, cryptoRandom, keyContext('c', 1), SECRET)
    const b = seal(PEPPER, cryptoRandom, keyContext('c', 1), SECRET)
    expect(a).not.toBe(b)
  })

  it.each([
    ['another pepper', (s: string) => unseal('another-pepper-0123456789', gateContext('ly-main'), s)],
    ['another document', (s: string) => unseal(PEPPER, gateContext('ly-b1'), s)],
    ['a key context', (s: string) => unseal(PEPPER, keyContext('c-linyuan', 1), s)],
    ['a flipped byte', (s: string) => unseal(PEPPER, gateContext('ly-main'), s.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`))],
    ['garbage', () => unseal(PEPPER, gateContext('ly-main'), 'not.sealed')]
  ])('refuse to open under %s', (_label, open) => {
    expect(open(seal(PEPPER, cryptoRandom, gateContext('ly-main'), SECRET))).toBeNull()
  })
})
