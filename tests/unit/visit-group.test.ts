/**
 * The helpers every service shares: the group a shared card was opened in (sent with an event's
 * or a pre-sale's recordVisit) and the idempotency key of a submission.
 */
const mockEnter = { shareTicket: undefined as string | undefined }
const mockGroupEnterInfo = jest.fn<Promise<unknown>, [unknown]>()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getEnterOptionsSync: () => ({ shareTicket: mockEnter.shareTicket }),
    // As WeChat does: the answer goes to the callbacks, and the returned promise settles with it.
    getGroupEnterInfo: (opts: { success(r: unknown): void; fail(e: unknown): void }) => {
      const p = mockGroupEnterInfo(opts)
      p.then(opts.success, opts.fail)
      return p
    }
  }
}))

import { newRequestId } from '../../src/services/request-id'
import { visitGroup } from '../../src/services/share-group'

describe('visitGroup', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    mockEnter.shareTicket = undefined
    mockGroupEnterInfo.mockReset()
  })
  afterAll(() => {
    process.env.TARO_ENV = env
  })

  it('in a WeChat group, hands on the cloudID of the share ticket', async () => {
    mockEnter.shareTicket = 'ticket-1'
    mockGroupEnterInfo.mockResolvedValue({ cloudID: 'cloud-1', errMsg: 'getGroupEnterInfo:ok' })
    expect(await visitGroup()).toEqual({ groupCloudId: 'cloud-1' })
    expect(mockGroupEnterInfo).toHaveBeenCalledTimes(1)
  })

  it('outside a group, or when WeChat refuses, there is none and the visit still counts', async () => {
    expect(await visitGroup()).toEqual({})
    expect(mockGroupEnterInfo).not.toHaveBeenCalled()
    mockEnter.shareTicket = 'ticket-1'
    mockGroupEnterInfo.mockRejectedValue(new Error('fail'))
    expect(await visitGroup()).toEqual({})
    mockGroupEnterInfo.mockResolvedValue({})
    expect(await visitGroup()).toEqual({})
  })

  it('the H5 build has no group context at all', async () => {
    process.env.TARO_ENV = 'h5'
    mockEnter.shareTicket = 'ticket-1'
    expect(await visitGroup()).toEqual({})
    expect(mockGroupEnterInfo).not.toHaveBeenCalled()
  })
})

describe('newRequestId', () => {
  it('is a fresh url-safe key each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newRequestId()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{9,}$/)
  })
})
