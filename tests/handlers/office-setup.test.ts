/**
 * A property company's first day, from an empty database: the setup code makes the first
 * administrator, who creates communities and runs each as its operator. Through the real path.
 */
import type { AdminDoc } from '../../cloudfunctions/domain/docs'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const CODE = 'K7M2P9QXR4TW'
const BOSS = 'wx-boss'
const CLERK = 'wx-clerk'
const LINYUAN = { name: '临江花园', city: '杭州', address: '滨江区江南大道 188 号', company: '邻里物业服务有限公司' }

let h: Harness
afterEach(async () => {
  await h?.close()
})

/** An empty database; `setupCode` null: none configured. */
async function emptyCompany(setupCode: string | null = CODE) {
  h = await makeHarness({ seed: false, ...(setupCode ? { setupCode } : {}) })
  for (const who of [BOSS, CLERK]) okData(await h.call('user.login', {}, who))
}

describe('the setup code', () => {
  it('makes its first holder the company administrator, typed as people type it', async () => {
    await emptyCompany()
    expect(okData(await h.call('user.me', {}, BOSS)).admin).toBe(false)
    okData(await h.call('office.claimAdmin', { code: 'k7m2-p9qx-r4tw' }, BOSS))
    expect(okData(await h.call('user.me', {}, BOSS)).admin).toBe(true)
    // Asking again (a retry after a lost answer) is fine; anyone else is told it is used.
    okData(await h.call('office.claimAdmin', { code: CODE }, BOSS))
    const late = await h.call('office.claimAdmin', { code: CODE }, CLERK)
    expect(codeOf(late)).toBe('OFFICE.SETUP_DONE')
    expect(okData(await h.call('user.me', {}, CLERK)).admin).toBe(false)
    expect((await h.store.find('admins', { limit: 10 })).map((a) => a.userId)).toHaveLength(1)
  })

  it('makes exactly one administrator when two claim at once, and a double tap is not refused', async () => {
    await emptyCompany()
    const [a, b, again] = await Promise.all([
      h.call('office.claimAdmin', { code: CODE }, BOSS),
      h.call('office.claimAdmin', { code: CODE }, CLERK),
      h.call('office.claimAdmin', { code: CODE }, BOSS)
    ])
    const wins = [a, b].filter((r) => r.ok)
    expect(wins).toHaveLength(1)
    expect(again.ok).toBe(a.ok)
    expect(await h.store.find('admins', { limit: 10 })).toHaveLength(1)
  })

  it('refuses a wrong or misshapen code, naming the field, and writes nothing but the attempt', async () => {
    await emptyCompany()
    const { attempts: _attempts, ...before } = await snapshot(h.store)
    const wrong = errorOf(await h.call('office.claimAdmin', { code: 'K7M2P9QXR4TX' }, BOSS))
    expect(wrong.code).toBe('OFFICE.SETUP_CODE_WRONG')
    expect(wrong.message).toBe('初始化码不正确，今天还可尝试 4 次')
    expect(wrong.fields).toEqual([{ path: 'code', label: '初始化码', message: '初始化码不正确' }])
    const short = errorOf(await h.call('office.claimAdmin', { code: 'K7M2' }, BOSS))
    expect(short.code).toBe('REQUEST.INVALID_INPUT')
    expect(short.message).toContain('初始化码')
    const { attempts: _counted, ...after } = await snapshot(h.store)
    expect(after).toEqual(before)
    expect((await h.store.find('attempts', {})).map((a) => a.count)).toEqual([1])
  })

  it('allows five wrong codes a day per person, however fast they come, then not even the right one', async () => {
    await emptyCompany()
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => h.call('office.claimAdmin', { code: `K7M2P9QXR${String(i).padStart(3, '2').replace(/[01]/g, '3')}` }, BOSS)))
    expect(guesses.filter((g) => codeOf(g) === 'OFFICE.SETUP_CODE_WRONG')).toHaveLength(5)
    expect(guesses.filter((g) => codeOf(g) === 'OFFICE.TOO_MANY_ATTEMPTS')).toHaveLength(7)
    expect(codeOf(await h.call('office.claimAdmin', { code: CODE }, BOSS))).toBe('OFFICE.TOO_MANY_ATTEMPTS')
    // Another person, or the next day, may still try.
    expect((await h.call('office.claimAdmin', { code: CODE }, CLERK)).ok).toBe(true)
  })

  it('opens nothing where no code is configured, nor once the demo company is set up', async () => {
    await emptyCompany(null)
    expect(codeOf(await h.call('office.claimAdmin', { code: CODE }, BOSS))).toBe('OFFICE.SETUP_CODE_WRONG')
    await h.close()
    h = await makeHarness({ setupCode: CODE })
    expect(codeOf(await h.call('office.claimAdmin', { code: CODE }, as('u-wang')))).toBe('OFFICE.SETUP_DONE')
    expect(okData(await h.call('user.me', {}, as('u-operator-wu'))).admin).toBe(true)
  })
})

describe('creating a community', () => {
  it('is for administrators; the creator runs it as its operator, and asking twice makes one', async () => {
    await emptyCompany()
    expect(codeOf(await h.call('office.createCommunity', LINYUAN, BOSS))).toBe('OFFICE.ADMIN_ONLY')
    okData(await h.call('office.claimAdmin', { code: CODE }, BOSS))
    const { id } = okData(await h.call('office.createCommunity', LINYUAN, BOSS))
    expect(okData(await h.call('office.createCommunity', LINYUAN, BOSS)).id).toBe(id)
    expect(await h.store.find('communities', { limit: 10 })).toEqual([expect.objectContaining({ _id: id, ...LINYUAN })])
    expect(await h.store.find('staffRoles', { limit: 10 })).toEqual([expect.objectContaining({ communityId: id, role: 'operator' })])
    const me = okData(await h.call('user.me', {}, BOSS))
    expect(me.contexts).toEqual([expect.objectContaining({ communityId: id, communityName: '临江花园', role: 'operator' })])
    // As its operator the administrator can act there at once.
    expect((await h.call('user.communityOverview', {}, BOSS, id)).ok).toBe(true)
    // The clerk, with no role there, cannot.
    expect(codeOf(await h.call('user.communityOverview', {}, CLERK, id))).toMatch(/^AUTH\./)
  })

  it('refuses a name another administrator already used, and bad fields by their labels, writing nothing', async () => {
    await emptyCompany()
    okData(await h.call('office.claimAdmin', { code: CODE }, BOSS))
    okData(await h.call('office.createCommunity', LINYUAN, BOSS))
    const clerk = okData(await h.call('user.me', {}, CLERK)).user.id
    await h.store.insert('admins', { _id: clerk, userId: clerk, createdAt: h.clock.now() } satisfies AdminDoc)
    // The same name in another city is another community; in the same city it is taken.
    expect(okData(await h.call('office.createCommunity', { ...LINYUAN, city: '宁波' }, CLERK)).id).not.toBe(okData(await h.call('office.createCommunity', LINYUAN, BOSS)).id)
    const beforeTaken = await snapshot(h.store)
    const taken = errorOf(await h.call('office.createCommunity', { ...LINYUAN, address: '西湖区文三路 1 号' }, CLERK))
    expect(taken.code).toBe('OFFICE.COMMUNITY_EXISTS')
    expect(taken.fields).toEqual([{ path: 'name', label: '社区名称', message: '已被使用' }])
    const bad = errorOf(await h.call('office.createCommunity', { ...LINYUAN, name: '新', address: '' }, CLERK))
    expect(bad.code).toBe('REQUEST.INVALID_INPUT')
    expect(bad.fields?.map((f) => f.label).sort()).toEqual(['地址', '社区名称'])
    expect(await snapshot(h.store)).toEqual(beforeTaken)
  })
})

describe('the administrator and the console', () => {
  it('an administrator with no community yet may sign in to the console, to create one', async () => {
    await emptyCompany()
    const req = okData(await h.call('office.startSignIn', { device: 'Chrome · Windows' }, null))
    expect(codeOf(await h.call('office.confirmSignIn', { id: req.id }, BOSS))).toBe('OFFICE.STAFF_ONLY')
    // Before anyone claims the code, the sign-in page offers the way in; after, it does not.
    expect(okData(await h.call('office.signInRequest', { id: req.id }, BOSS))).toMatchObject({ roles: [], setupOpen: true })
    okData(await h.call('office.claimAdmin', { code: CODE }, BOSS))
    expect(okData(await h.call('office.signInRequest', { id: req.id }, CLERK))).toMatchObject({ roles: [], setupOpen: false })
    expect(okData(await h.call('office.signInRequest', { id: req.id }, BOSS)).roles).toEqual([{ communityName: '物业公司', roleLabel: '管理员' }])
    okData(await h.call('office.confirmSignIn', { id: req.id }, BOSS))
    const polled = okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))
    expect(polled.status).toBe('signedIn')
    if (polled.status !== 'signedIn') return
    const asConsole = { source: 'console' as const, sessionId: polled.sessionId }
    expect(okData(await h.call('user.me', {}, asConsole)).admin).toBe(true)
    expect(okData(await h.call('office.createCommunity', LINYUAN, asConsole)).id).toMatch(/^c/)
  })
})
