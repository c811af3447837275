/** The plate input's logic: the province a new input opens on, and plates checked by the contract's rule. */
const mockStorage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getStorageSync: (k: string) => mockStorage.get(k) ?? '', setStorageSync: (k: string, v: unknown) => void mockStorage.set(k, v) }
}))

import { checkPlate, draftOf, emptyDraft, lastPlate, rememberPlate } from '../../src/packages/parking/plate-draft'

beforeEach(() => mockStorage.clear())

describe('the province a plate input opens on', () => {
  it('is the household’s own plates’ province first, then this phone’s last plate’s, then 沪', () => {
    expect(emptyDraft()).toEqual({ province: '沪', rest: '' })
    rememberPlate('浙C66778')
    expect(lastPlate()).toBe('浙C66778')
    expect(emptyDraft()).toEqual({ province: '浙', rest: '' })
    expect(emptyDraft(['苏E66881', '沪A12345'])).toEqual({ province: '苏', rest: '' })
    // A stored value that is not a plate (another version's, or tampered) is ignored.
    mockStorage.set('linli.parkingPlate', 42)
    expect(lastPlate()).toBe('')
    expect(emptyDraft()).toEqual({ province: '沪', rest: '' })
  })

  it('splits a linked plate, and keeps the usual province for one that starts with none', () => {
    rememberPlate('粤B12345')
    expect(draftOf('浙c 66778')).toEqual({ province: '浙', rest: 'C66778' })
    expect(draftOf('A12345')).toEqual({ province: '粤', rest: 'A12345' })
  })
})

describe('checking a typed plate', () => {
  it('reads the picked province with the typed rest, or a plate typed whole as typed', () => {
    expect(checkPlate({ province: '沪', rest: 'a12345' })).toEqual({ plate: '沪A12345', error: null })
    expect(checkPlate({ province: '沪', rest: '浙AD12345' })).toEqual({ plate: '浙AD12345', error: null })
    expect(checkPlate({ province: '沪', rest: '' })).toEqual({ plate: null, error: '请输入车牌号' })
    expect(checkPlate({ province: '沪', rest: 'AO1234' }).error).toMatch(/^车牌号格式不正确/)
  })
})
