/**
 * Setting up home services from the console: service lines (catalogue, checklist, capacity,
 * shelf) and worker profiles (skills, hours, partner company) for people holding the worker role.
 */
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, grantFreshUser, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')
const WANG = as('u-wang')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const draft = {
  name: '油烟机深度清洗',
  category: 'appliance' as const,
  kind: 'service' as const,
  description: '挂机拆洗滤网、蒸发器除菌',
  priceFen: 12_800,
  durationMin: 90,
  freeUnderPropertyFee: false,
  slotCapacity: 2,
  checklist: ['铺设防护布', '拆洗滤网', '蒸发器除菌'],
  active: true
}

describe('service lines', () => {
  it('a new line is offered to residents with its checklist; taken off the shelf, it is not', async () => {
    const { id } = okData(await h.call('booking.saveLine', { line: draft }, OPERATOR, COMMUNITY_A))
    const offered = okData(await h.call('booking.lines', {}, WANG, COMMUNITY_A)).lines.find((l) => l.id === id)
    expect(offered).toMatchObject({ name: '油烟机深度清洗', priceFen: 12_800, payModes: ['upfront', 'after', 'card'] })
    expect(offered?.checklist.map((c) => c.label)).toEqual(draft.checklist)
    okData(await h.call('booking.saveLine', { id, line: { ...draft, active: false } }, OPERATOR, COMMUNITY_A))
    expect(okData(await h.call('booking.lines', {}, WANG, COMMUNITY_A)).lines.some((l) => l.id === id)).toBe(false)
    expect(okData(await h.call('booking.adminLines', {}, OPERATOR, COMMUNITY_A)).lines.find((l) => l.id === id)).toMatchObject({ active: false, slotCapacity: 2 })
  })

  it('a cover photo saved with the line is what residents see; an id our uploads did not make is refused', async () => {
    const cover = 'local:lineCoverAAAAAAAAAAAAAAA.jpg'
    const { id } = okData(await h.call('booking.saveLine', { line: { ...draft, cover } }, OPERATOR, COMMUNITY_A))
    expect(okData(await h.call('booking.lines', {}, WANG, COMMUNITY_A)).lines.find((l) => l.id === id)?.cover).toBe(cover)
    expect(okData(await h.call('booking.adminLines', {}, OPERATOR, COMMUNITY_A)).lines.find((l) => l.id === id)?.cover).toBe(cover)
    const bad = errorOf(await h.call('booking.saveLine', { id, line: { ...draft, cover: 'https://example.com/a.jpg' } }, OPERATOR, COMMUNITY_A))
    expect(bad.fields?.[0]).toMatchObject({ path: 'line.cover' })
    expect((await h.store.get('serviceLines', id))?.cover).toBe(cover)
    // Saved without one, the line has none.
    okData(await h.call('booking.saveLine', { id, line: { ...draft, cover: null } }, OPERATOR, COMMUNITY_A))
    expect((await h.store.get('serviceLines', id))?.cover).toBeNull()
  })

  it('an edited checklist keeps the keys of the steps it kept', async () => {
    const { id } = okData(await h.call('booking.saveLine', { line: draft }, OPERATOR, COMMUNITY_A))
    const before = (await h.store.get('serviceLines', id))!.checklist
    okData(await h.call('booking.saveLine', { id, line: { ...draft, checklist: ['拆洗滤网', '蒸发器除菌', '试机并清理现场'] } }, OPERATOR, COMMUNITY_A))
    const after = (await h.store.get('serviceLines', id))!.checklist
    expect(after[0]!.key).toBe(before[1]!.key)
    expect(after[1]!.key).toBe(before[2]!.key)
    expect(new Set(after.map((c) => c.key)).size).toBe(3)
    expect(before.map((c) => c.key)).not.toContain(after[2]!.key)
  })

  it('names the field at fault and writes nothing', async () => {
    okData(await h.call('booking.saveLine', { line: draft }, OPERATOR, COMMUNITY_A))
    const before = await snapshot(h.store)
    const free = errorOf(await h.call('booking.saveLine', { line: { ...draft, name: '免费检修', freeUnderPropertyFee: true } }, OPERATOR, COMMUNITY_A))
    expect(free.fields?.[0]).toMatchObject({ path: 'line.priceFen', label: '价格' })
    const twin = errorOf(await h.call('booking.saveLine', { line: draft }, OPERATOR, COMMUNITY_A))
    expect([twin.code, twin.fields?.[0]?.path]).toEqual(['BOOKING.LINE_NAME_TAKEN', 'line.name'])
    const empty = errorOf(await h.call('booking.saveLine', { line: { ...draft, name: '新项目', checklist: [] } }, OPERATOR, COMMUNITY_A))
    expect(empty.fields?.[0]).toMatchObject({ path: 'line.checklist', label: '服务标准' })
    expect(codeOf(await h.call('booking.saveLine', { id: 'no-such-line', line: { ...draft, name: '新项目' } }, OPERATOR, COMMUNITY_A))).toBe('BOOKING.LINE_NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('workers', () => {
  const worker = { name: '钱师傅', phone: '13700009999', partner: true, partnerCompany: '安居家政服务公司', skills: ['housekeeping' as const], hours: { days: [1, 2, 3], startMin: 480, endMin: 1080 }, active: true }

  it('someone given the worker role is listed without a profile until the office makes one', async () => {
    await grantFreshUser(h.store, 'u-new-worker', COMMUNITY_A, 'worker')
    const listed = okData(await h.call('booking.workers', {}, OPERATOR, COMMUNITY_A)).workers
    expect(listed[0]).toMatchObject({ userId: 'u-new-worker', workerId: null, active: false })
    expect(listed.filter((w) => w.workerId !== null).length).toBeGreaterThanOrEqual(4)
    // Two clicks at once make one profile.
    const saved = await Promise.all([0, 1].map(() => h.call('booking.saveWorker', { userId: 'u-new-worker', worker }, OPERATOR, COMMUNITY_A)))
    expect(new Set(saved.map((r) => okData(r).workerId)).size).toBe(1)
    expect(await h.store.count('workers', { userId: 'u-new-worker' })).toBe(1)
    const doc = await h.store.get('workers', okData(saved[0]!).workerId)
    expect(doc).toMatchObject({ name: '钱师傅', partner: true, partnerCompany: '安居家政服务公司', skills: ['housekeeping'], active: true })
    const row = okData(await h.call('booking.workers', {}, as('u-dispatch-lin'), COMMUNITY_A)).workers.find((w) => w.userId === 'u-new-worker')
    expect(row).toMatchObject({ name: '钱师傅', partnerCompany: '安居家政服务公司', hours: { days: [1, 2, 3], startMin: 480, endMin: 1080 } })
  })

  it('refuses someone without the role, a partner without a company and hours shorter than a slot', async () => {
    expect(codeOf(await h.call('booking.saveWorker', { userId: 'u-wang', worker }, OPERATOR, COMMUNITY_A))).toBe('BOOKING.NOT_A_WORKER')
    await grantFreshUser(h.store, 'u-new-worker', COMMUNITY_A, 'worker')
    const company = errorOf(await h.call('booking.saveWorker', { userId: 'u-new-worker', worker: { ...worker, partnerCompany: '' } }, OPERATOR, COMMUNITY_A))
    expect(company.fields?.[0]).toMatchObject({ path: 'worker.partnerCompany' })
    const hours = errorOf(await h.call('booking.saveWorker', { userId: 'u-new-worker', worker: { ...worker, hours: { days: [1], startMin: 600, endMin: 660 } } }, OPERATOR, COMMUNITY_A))
    expect(hours.fields?.[0]).toMatchObject({ path: 'worker.hours.endMin' })
  })

  it('keeps certificate photos with the profile: uploaded ids only, at most six, named by position when refused', async () => {
    await grantFreshUser(h.store, 'u-new-worker', COMMUNITY_A, 'worker')
    const photos: [string, string] = ['local:certificateAAAAAAAAAAAA.jpg', 'local:certificateBBBBBBBBBBBB.png']
    const saved = okData(await h.call('booking.saveWorker', { userId: 'u-new-worker', worker: { ...worker, certificates: photos } }, OPERATOR, COMMUNITY_A))
    expect((await h.store.get('workers', saved.workerId))?.certificates).toEqual(photos)
    const row = okData(await h.call('booking.workers', {}, OPERATOR, COMMUNITY_A)).workers.find((w) => w.userId === 'u-new-worker')
    expect(row?.certificates).toEqual(photos)
    // Profiles saved before certificates existed read as none.
    expect(okData(await h.call('booking.workers', {}, OPERATOR, COMMUNITY_A)).workers.filter((w) => w.userId !== 'u-new-worker').every((w) => Array.isArray(w.certificates))).toBe(true)

    const foreign = errorOf(await h.call('booking.saveWorker', { userId: 'u-new-worker', worker: { ...worker, certificates: [photos[0], 'https://example.com/cert.jpg'] } }, OPERATOR, COMMUNITY_A))
    expect(foreign.fields?.[0]).toMatchObject({ path: 'worker.certificates.1', message: '照片无效，请重新上传' })
    expect(foreign.message).toContain('资质证书')
    const seven = errorOf(await h.call('booking.saveWorker', { userId: 'u-new-worker', worker: { ...worker, certificates: Array.from({ length: 7 }, () => photos[0]) } }, OPERATOR, COMMUNITY_A))
    expect(seven.fields?.[0]).toMatchObject({ path: 'worker.certificates' })
    expect((await h.store.get('workers', saved.workerId))?.certificates).toEqual(photos)
  })
})
