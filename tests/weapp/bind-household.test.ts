/**
 * A newcomer binds a household with the code from the property office, on the COMPILED weapp
 * pages (dist/, rendered by miniprogram-simulate with WeChat's WXML compiler). `wx.cloud` is
 * answered by the real function mains over an in-memory SQLite store seeded with the demo
 * community; the caller is `dev-u-newcomer`, as the WeChat platform would say.
 */
import { HOUSEHOLD_CODE_ALPHABET } from '../../cloudfunctions/contracts/user'
import { demoCodes } from '../../scripts/seed/demo'
import { type Harness, TEST_PEPPER, as, makeHarness } from '../support/harness'
import {
  type OpenedPage,
  byId,
  connectHarness,
  launchApp,
  missingTemplates,
  openUrl,
  records,
  resetRecords,
  tap,
  textOf,
  typeInto,
  waitFor,
  waitForSelector,
  waitForText
} from './support/simulate'

const NEWCOMER = 'u-newcomer'
const HOUSEHOLD = 'h-a3-102'
const codes = demoCodes(TEST_PEPPER)
const validCode = codes[HOUSEHOLD]
if (!validCode) throw new Error(`no demo code for ${HOUSEHOLD}`)

/** A well-formed code that opens no household: the last character moved along the alphabet. */
function wrongCode(): string {
  const taken = new Set(Object.values(codes))
  for (const c of HOUSEHOLD_CODE_ALPHABET) {
    const candidate = `${validCode!.slice(0, 7)}${c}`
    if (!taken.has(candidate)) return candidate
  }
  throw new Error('no free code')
}

/** How the bind page shows a code: XXXX-XXXX. */
const pretty = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`.toUpperCase()

const membership = (h: Harness) => h.store.get('memberships', `${HOUSEHOLD}:${NEWCOMER}`)
const actions = () => records.cloudCalls.map((c) => `${c.name}.${(c.data as { action?: string }).action ?? '?'}`)

let h: Harness
const open: OpenedPage[] = []
function track(page: OpenedPage): OpenedPage {
  open.push(page)
  return page
}

beforeAll(async () => {
  h = await makeHarness()
  connectHarness(h, as(NEWCOMER))
  launchApp()
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

describe('newcomer binds a household (compiled weapp pages, real user function)', () => {
  test('login page: WeChat one-tap login asks for the agreement first, then signs in and goes home', async () => {
    resetRecords()
    const login = track(openUrl('/pages/login/index'))
    await waitForText(login, '微信一键登录')
    await tap(login, 'wechat-login')
    await waitFor(() => records.toasts.includes('请先阅读并同意用户协议'), 'the agreement toast')
    expect(records.cloudCalls).toEqual([])

    await tap(login, 'agree')
    await waitForSelector(login, '#agree .login__check--on')
    await tap(login, 'wechat-login')
    const home = await waitFor(() => records.navigations.find((n) => n.api === 'switchTab'), 'switchTab after login')
    expect(home.url).toBe('/pages/home/index')
    expect(actions()).toEqual(['user.login'])
  })

  test('home page shows the newcomer state and leads to the bind page', async () => {
    resetRecords()
    const home = track(openUrl('/pages/home/index'))
    await waitForText(home, '输入房屋码绑定')
    const text = textOf(home)
    expect(text).toContain('你好，陈新来')
    expect(text).toContain('绑定房屋，开启社区服务')
    expect(byId(home, 'home-newcomer')).toBeDefined()

    await tap(home, 'go-bind')
    const nav = await waitFor(() => records.navigations.at(-1), 'navigation to the bind page')
    expect(nav).toEqual({ api: 'navigateTo', url: '/packages/household/pages/bind/index' })
  })

  test('bind page: a wrong code shows the error, the right one binds 3栋 102', async () => {
    resetRecords()
    const bind = track(openUrl('/packages/household/pages/bind/index'))
    await waitForText(bind, '业主绑定房屋')

    // Malformed: refused on the phone by the same schema the function uses, nothing is sent.
    await typeInto(bind, 'bind-code', 'ab1', { shows: 'AB1' })
    await tap(bind, 'bind-submit')
    await waitForText(bind, '房屋码为 8 位，已输入 3 位')
    expect(records.cloudCalls).toEqual([])

    // Well-formed but wrong: the function refuses it and the page shows its field error.
    const wrong = wrongCode()
    await typeInto(bind, 'bind-code', wrong, { shows: pretty(wrong) })
    await tap(bind, 'bind-submit')
    await waitFor(() => byId(bind, 'bind-error'), '#bind-error')
    await waitForText(bind, '房屋码不正确')
    expect(records.cloudCalls.at(-1)?.result).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.CODE_INVALID' } })
    expect(await membership(h)).toBeNull()

    // The code as printed on paper (lower case, no dash): the page formats it, the function binds.
    await typeInto(bind, 'bind-code', validCode.toLowerCase(), { shows: pretty(validCode) })
    await waitFor(() => byId(bind, 'bind-error') === undefined, 'the error to clear while typing')
    await tap(bind, 'bind-submit')
    await waitFor(() => records.toasts.includes('绑定成功'), 'the success toast')
    expect(records.cloudCalls.at(-1)).toMatchObject({
      name: 'user',
      data: { action: 'bindHousehold', input: { code: pretty(validCode) } },
      result: { ok: true }
    })
    expect(await membership(h)).toMatchObject({ userId: NEWCOMER, householdId: HOUSEHOLD, status: 'active', relation: 'owner' })

    // Then it switches to the "me" tab.
    const nav = await waitFor(() => records.navigations.find((n) => n.api === 'switchTab'), 'switchTab to me')
    expect(nav.url).toBe('/pages/me/index')
  })

  test('me page lists the bound household: 3栋 102', async () => {
    const me = track(openUrl('/pages/me/index'))
    await waitForText(me, '3栋 102')
    expect(textOf(byId(me, `household-${HOUSEHOLD}`) ?? me)).toMatch(/3栋 102.*业主.*当前/)
    expect(textOf(byId(me, 'me-household-count') ?? me)).toBe('1 套')
    expect(textOf(byId(me, 'me-name') ?? me)).toBe('陈新来')
  })

  test('WeChat can draw every element the pages render', () => {
    // NutUI's icons are <i> by default, which Taro's weapp templates lack; src/ui/nut.ts renders
    // them as <view> in the weapp build. Any missing template means something would not draw.
    expect(missingTemplates()).toEqual([])
  })
})
