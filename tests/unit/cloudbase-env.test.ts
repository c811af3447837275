import type * as Env from '../../cloudfunctions/adapters/cloudbase/env'

/** A fresh module per case: the functions read their environment once per instance and keep it. */
function read(source: NodeJS.ProcessEnv) {
  let out: ReturnType<typeof Env.cloudbaseEnv> | undefined
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    out = (require('../../cloudfunctions/adapters/cloudbase/env') as typeof Env).cloudbaseEnv(source)
  })
  return out
}

const PEPPER = 'p'.repeat(16)

describe('a function’s environment', () => {
  it('takes the setup code as printed or typed, and treats an empty one (from an empty .env line) as none', () => {
    expect(read({ LINLI_CODE_PEPPER: PEPPER, LINLI_SETUP_CODE: 'k7m2-p9qx-r4tw' })?.LINLI_SETUP_CODE).toBe('K7M2P9QXR4TW')
    expect(read({ LINLI_CODE_PEPPER: PEPPER, LINLI_SETUP_CODE: '' })?.LINLI_SETUP_CODE).toBeUndefined()
    expect(read({ LINLI_CODE_PEPPER: PEPPER })?.LINLI_SETUP_CODE).toBeUndefined()
  })

  it('refuses a setup code that could never be typed in, at start', () => {
    expect(() => read({ LINLI_CODE_PEPPER: PEPPER, LINLI_SETUP_CODE: 'ABC' })).toThrow(/LINLI_SETUP_CODE/)
    expect(() => read({ LINLI_CODE_PEPPER: PEPPER, LINLI_SETUP_CODE: 'O0O0O0O0O0O0' })).toThrow(/LINLI_SETUP_CODE/)
  })

  it('still requires the code pepper', () => {
    expect(() => read({})).toThrow(/LINLI_CODE_PEPPER/)
  })
})
