import { readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { printedSetupCode } from '../../scripts/server/env'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(240_000)

/** The office's household sheet as Excel on a Chinese Windows saves CSV: GBK. Lines 12, 58 and 131 are wrong. */
const SHEET = readFileSync(path.join(__dirname, 'fixtures', 'households-linjiang.gbk.csv'))

/** Clicks an export button and reads what the browser saved. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()])
  const saved = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) }
}

/**
 * A property company's first day, from an empty database (`npm start -- --empty`): the console
 * at 1440x900 shows its sign-in code, the company's head scans it with the mini-program (the H5
 * build on a phone-sized page), becomes administrator with the setup code, confirms, and creates
 * the first community; imports its households, prints code slips, sets the property fee and
 * bills the month, invites a butler who accepts on the phone, draws a grid; and a resident binds
 * with her printed code and pays her first bill.
 */
describe('going live from an empty database', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp({ seed: false })
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('from the setup code to a resident paying her first bill', async () => {
    expect(app.setupCode).not.toBeNull()
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/`)
    await page.locator('#signin-qr').waitFor()
    const link = (await page.getAttribute('#signin-qr', 'data-link')) ?? ''
    expect(link).toContain('console-signin')
    await shot(page, 'go-live', '01-console-sign-in')

    // The company's head, a WeChat user with nothing yet, scans: no work role, but a first day.
    const mobile = await phone(browser)
    await loginAs(mobile.page, app.url, 'u-first-zhou')
    await mobile.page.goto(link)
    await mobile.page.locator('#console-signin', { hasText: '只有物业工作人员可以登录管理后台' }).waitFor()
    expect(await mobile.page.locator('#console-signin-confirm').count()).toBe(0)
    await shot(mobile.page, 'go-live', '02-phone-no-role')
    await mobile.page.locator('#console-signin-claim').click()

    // A wrong code is named at its field; the printed one makes the administrator.
    await mobile.page.locator('#claim-admin-code input').fill('K7M2-P9QX-R4TW')
    await mobile.page.locator('#claim-admin-submit').click()
    await mobile.page.locator('#claim-admin', { hasText: '初始化码不正确' }).waitFor()
    await shot(mobile.page, 'go-live', '03-phone-wrong-code')
    await mobile.page.locator('#claim-admin-code input').fill(printedSetupCode(app.setupCode ?? '').toLowerCase())
    await mobile.page.locator('#claim-admin-submit').click()
    await mobile.page.locator('.console-hero__title', { hasText: '你已是物业公司管理员' }).waitFor()
    await shot(mobile.page, 'go-live', '04-phone-admin')
    await mobile.page.locator('#claim-admin-continue').click()
    await mobile.page.locator('.console-roles', { hasText: '物业公司 · 管理员' }).waitFor()
    await mobile.page.locator('#console-signin-confirm').click()
    await mobile.page.locator('.console-hero__title', { hasText: '已确认登录' }).waitFor()

    // The console opens on the first community's form; bad fields are named by their labels.
    await page.locator('#first-community').waitFor()
    await shot(page, 'go-live', '05-first-community')
    await page.locator('#community-create').click()
    await page.locator('#first-community .t-form__item', { hasText: '社区名称' }).locator('.t-input__extra', { hasText: '至少 2 个字' }).waitFor()
    expect(await page.locator('#first-community .t-is-error').count()).toBe(4)
    await shot(page, 'go-live', '06-first-community-errors')
    const fill = (name: string, value: string) => page.locator(`#first-community input[name="${name}"]`).fill(value)
    await fill('name', '临江花园')
    await fill('city', '杭州')
    await fill('address', '滨江区江南大道 188 号')
    await fill('company', '邻里物业服务有限公司')
    await page.locator('#community-create').click()

    // Created: the administrator now works in it as its operator.
    await page.locator('.frame__community-name', { hasText: '临江花园' }).waitFor()
    await page.locator('.frame__roles', { hasText: '运营' }).waitFor()
    await page.locator('#golive-households', { hasText: '还没有房屋' }).waitFor()
    expect(await page.locator('.golive__step--todo').count()).toBe(5)
    await shot(page, 'go-live', '07-community-created')

    // The households, from the office's sheet: the preview names the three bad rows and refuses to apply.
    await page.locator('.menu-households').click()
    await page.locator('#state-empty button', { hasText: '导入房屋' }).click()
    await page.locator('#import-dialog').waitFor()
    await shot(page, 'go-live', '08-import-choose')
    await page.locator('#import-file').setInputFiles({ name: '临江花园房屋台账.csv', mimeType: 'text/csv', buffer: SHEET })
    await page.locator('#import-preview').waitFor()
    const problems = await page.locator('.import-problems tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')))
    expect(problems.map((r) => `${r[0]} ${r[1]}`)).toEqual(['12 建筑面积', '58 业主手机', '131 房号'])
    expect(problems[2]?.[2]).toBe('1栋 1单元 202 与第 5 行重复')
    expect(await page.getAttribute('#import-apply', 'class')).toContain('t-is-disabled')
    await shot(page, 'go-live', '09-import-problems')

    // Fixed in the sheet and saved again (UTF-8 this time): clean, applied in pages, with progress.
    const fixed = Buffer.from(
      '\uFEFF' +
        new TextDecoder('gbk')
          .decode(SHEET)
          .replace(',约90,', ',90.00,')
          .replace(',1380013800,', ',13800138000,')
          .replace('1,1,202,96.00,孙丽,13900001111,', '6,1,101,96.00,孙丽,13900001111,')
    )
    const upload = (name: string) => page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: fixed })
    await upload('临江花园房屋台账（改）.csv')
    await page.locator('#import-preview', { hasText: '将新增 200 户，更新 0 户，0 户无变化；将新建楼栋 1栋、2栋、3栋、4栋、5栋、6栋' }).waitFor()
    await shot(page, 'go-live', '10-import-preview-clean')
    await page.locator('#import-apply').click()
    await page.locator('.import-done', { hasText: '新增 200 户' }).waitFor()
    await shot(page, 'go-live', '11-import-done')
    await page.locator('#import-close').click()
    await page.locator('.t-card__title', { hasText: '房屋 200 户 · 楼栋 6 栋' }).waitFor()
    await page.locator('.households-table tbody tr').first().waitFor()
    expect(await page.locator('.households-table tbody tr').first().innerText()).toMatch(/1栋\s+1单元\s+101\s+78\.00\s+王\*国\s+139\*{4}0000\s+1\s+未绑定\s+未打印/)
    await shot(page, 'go-live', '12-households')

    // The same file again: nothing new, nothing duplicated.
    await page.locator('#households-import').click()
    await upload('临江花园房屋台账（改）.csv')
    await page.locator('#import-preview', { hasText: '将新增 0 户，更新 0 户，200 户无变化' }).waitFor()
    await page.locator('#import-apply').click()
    await page.locator('.import-done', { hasText: '新增 0 户，更新 0 户，200 户无变化' }).waitFor()
    await page.locator('#import-close').click()
    await page.locator('.t-card__title', { hasText: '房屋 200 户 · 楼栋 6 栋' }).waitFor()

    // The table leaves as CSV for Excel (BOM, masked owners) and as a workbook, all 200 rows.
    const csv = await download(page, '#export-households-csv')
    expect(csv.name).toBe('临江花园-房屋.csv')
    const text = csv.bytes.toString('utf8')
    expect(text.startsWith('\uFEFF楼栋,单元,房号,建筑面积（㎡）,业主,业主手机')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(201)
    expect(text).not.toContain('13910000000')
    const xlsx = await download(page, '#export-households-xlsx')
    expect(xlsx.name).toBe('临江花园-房屋.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(new Uint8Array(xlsx.bytes).buffer)
    expect(wb.worksheets[0]?.rowCount).toBe(201)
    expect(wb.worksheets[0]?.getRow(2).values).toEqual([undefined, '1栋', '1单元', '101', '78.00', '王*国', '139****0000', 1, 0, '未打印'])

    // Code slips for two rooms: shown once, laid out for A4, each QR opening the bind page with its code.
    const rows = page.locator('.households-table tbody tr')
    await rows.nth(0).locator('.t-checkbox').click()
    await rows.nth(1).locator('.t-checkbox').click()
    await page.locator('#households-print', { hasText: '打印所选 2 户的房屋码' }).click()
    await page.locator('#slips-issue').click()
    await page.locator('#code-slips .slip').nth(1).waitFor()
    expect(await page.locator('#code-slips .slip__room').allInnerTexts()).toEqual(['1栋 1单元 101', '1栋 1单元 102'])
    // Printing waits for the QR codes, drawn a few at a time.
    await page.locator('#slips-print:not([disabled])').waitFor()
    expect(await page.locator('#code-slips img.slip__qr').count()).toBe(2)
    const codes = await page.locator('#code-slips .slip__code').allInnerTexts()
    expect(codes.every((c) => /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(c))).toBe(true)
    await shot(page, 'go-live', '13-code-slips')
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.slips__bar').isVisible()).toBe(false)
    await shot(page, 'go-live', '14-code-slips-print')
    await page.emulateMedia({ media: 'screen' })
    await page.locator('#slips-close').click()
    await rows.nth(0).locator('td', { hasText: '已打印' }).waitFor()

    // Fees: the property fee per m², then the month billed by hand; a second run bills nothing twice.
    await page.locator('.menu-fees').click()
    await page.locator('.items-table', { hasText: '还没有收费项目' }).waitFor()
    await page.locator('#item-new').click()
    await page.locator('#item-save').click()
    await page.locator('.t-dialog .t-form__item', { hasText: '单价' }).locator('.t-input__extra', { hasText: '请填写金额' }).waitFor()
    await page.locator('.t-dialog input[name="item-name"]').fill('物业服务费')
    await page.locator('.t-dialog input[name="item-price"]').fill('2.35')
    await shot(page, 'go-live', '17-fee-item')
    await page.locator('#item-save').click()
    // Not just any row with the name: the empty table's hint names 物业服务费 too.
    await page.locator('.items-table tbody tr', { hasText: '2.35 元/㎡/月' }).waitFor()
    expect(await page.locator('.items-table tbody tr').first().innerText()).toMatch(/物业服务费\s+按建筑面积\s+2\.35 元\/㎡\/月\s+启用/)
    await page.locator('#billing-run').click()
    await page.locator('.t-dialog__confirm').click()
    await page.locator('.billing-result', { hasText: '为 200 户生成 200 张账单' }).waitFor()
    await page.locator('.runs-table tbody tr', { hasText: '200' }).waitFor()
    await shot(page, 'go-live', '18-billed')
    await page.locator('#billing-run').click()
    await page.locator('.t-dialog__confirm').click()
    await page.locator('.billing-result', { hasText: '此前都已生成（200 张），这次没有新增' }).waitFor()

    // The first butler: invited in the console, accepted in the mini-program by 林管家.
    await page.locator('.menu-staff').click()
    await page.locator('#staff-invite').click()
    await page.locator('#invite-submit').click()
    await page.locator('.t-dialog .t-form__item', { hasText: '姓名' }).locator('.t-input__extra', { hasText: '请填写姓名' }).waitFor()
    await page.locator('.t-dialog input[name="invite-name"]').fill('林小东')
    await page.locator('#invite-submit').click()
    await page.locator('#invite-card', { hasText: '邀请 林小东 担任网格管家' }).waitFor()
    await shot(page, 'go-live', '19-staff-invitation')
    const invitation = await page.locator('.invite-card__link input').inputValue()
    expect(invitation).toContain('staff-invite')
    const butler = await phone(browser)
    await loginAs(butler.page, app.url, 'u-first-lin')
    await butler.page.goto(invitation)
    await butler.page.locator('#staff-invite', { hasText: '临江花园邀请你担任网格管家' }).waitFor()
    await shot(butler.page, 'go-live', '20-phone-staff-invite')
    await butler.page.locator('#staff-invite-accept').click()
    await butler.page.locator('.console-hero__title', { hasText: '你已成为临江花园的网格管家' }).waitFor()
    await shot(butler.page, 'go-live', '21-phone-staff-accepted')
    await butler.page.locator('#staff-invite-home').click()
    await butler.page.locator('#home-switch', { hasText: '网格管家' }).waitFor()
    await page.locator('#invite-done').click()
    await page.locator('.staff-table tbody tr', { hasText: '林管家' }).locator('.t-tag', { hasText: '网格管家' }).waitFor()
    await page.locator('.invitations-table tbody tr', { hasText: '林管家 已接受' }).waitFor()
    await shot(page, 'go-live', '22-staff')

    // Every building into one grid, looked after by the new butler.
    await page.locator('.menu-grids').click()
    await page.locator('.grids-unassigned', { hasText: '6 栋楼还没有划入网格' }).waitFor()
    await page.locator('#grid-new').click()
    await page.locator('.t-dialog input[name="grid-name"]').fill('江景网格')
    await shot(page, 'go-live', '23-grid-dialog')
    await page.locator('#grid-save').click()
    await page.locator('.grids-table tbody tr', { hasText: '江景网格' }).waitFor()
    expect(await page.locator('.grids-table tbody tr').first().innerText()).toMatch(/江景网格\s+林管家\s+1栋、2栋、3栋、4栋、5栋、6栋\s+200/)
    expect(await page.locator('.grids-unassigned').count()).toBe(0)
    await shot(page, 'go-live', '24-grids')
    await butler.context.close()

    // The east gate, its secret shown once for the installer; and the office as a pickup point.
    await page.locator('.menu-places').click()
    await page.locator('#gate-new').click()
    await page.locator('.t-dialog input[name="gate-id"]').fill('east-gate-1')
    await page.locator('.t-dialog input[name="gate-name"]').fill('东门人行闸机')
    await page.locator('.t-dialog .doors__name input').fill('东门')
    await page.locator('#gate-save').click()
    await page.locator('#gate-secret .secret').waitFor()
    expect((await page.locator('#gate-secret .secret').innerText()).length).toBeGreaterThanOrEqual(32)
    await shot(page, 'go-live', '25-gate-secret')
    await page.locator('#gate-done').click()
    await page.locator('.gates-table tbody tr', { hasText: '东门人行闸机' }).locator('td', { hasText: '从未连接' }).waitFor()
    await page.locator('#pickup-new').click()
    await page.locator('.t-dialog input[name="pickup-name"]').fill('物业服务中心')
    await page.locator('.t-dialog input[name="pickup-address"]').fill('1 栋一楼大堂东侧')
    await page.locator('#pickup-save').click()
    await page.locator('.pickup-table tbody tr', { hasText: '物业服务中心' }).waitFor()
    await shot(page, 'go-live', '26-places')

    // 孙女士 of 1栋 1单元 101 scans her slip: the bind page opens with the code filled in.
    const resident = await phone(browser)
    await loginAs(resident.page, app.url, 'u-first-sun')
    await resident.page.goto(`${app.url}#/packages/household/pages/bind/index?code=${codes[0]!.replace('-', '')}`)
    await resident.page.locator('#bind-page input').waitFor()
    expect(await resident.page.locator('#bind-page input').inputValue()).toBe(codes[0])
    await shot(resident.page, 'go-live', '15-phone-bind-from-slip')
    await resident.page.locator('#bind-submit').click()
    await resident.page.locator('#me', { hasText: '1栋 1单元 101' }).waitFor()
    await shot(resident.page, 'go-live', '16-phone-bound')

    // Her first bill: 78 m² at ¥2.35 is ¥183.30, paid through the sandbox cashier.
    await resident.page.goto(`${app.url}#/pages/home/index`)
    await resident.page.locator('#tile-fee').click()
    await resident.page.locator('#bills-page .bill', { hasText: '物业服务费' }).filter({ hasText: '183.30' }).waitFor()
    await resident.page.locator('#pay-submit', { hasText: '（1）' }).waitFor()
    await shot(resident.page, 'go-live', '27-phone-first-bill')
    await resident.page.locator('#pay-submit').click()
    await resident.page.locator('#sandbox-confirm').click()
    await resident.page.locator('#result-status', { hasText: '缴费成功' }).waitFor()
    await shot(resident.page, 'go-live', '28-phone-paid')
    await resident.context.close()
    await page.locator('.menu-households').click()
    await page.locator('.households-table tbody tr').first().locator('td', { hasText: '1 人' }).waitFor()

    // The go-live checklist: everything but the other 198 slips is done.
    await page.locator('.menu-home').click()
    await page.locator('#golive-codes', { hasText: '还有 198 户未打印房屋码' }).waitFor()
    expect(await page.locator('.golive__step--todo').count()).toBe(1)
    for (const step of ['households', 'grids', 'fees', 'billing', 'gates', 'pickup']) expect(await page.getAttribute(`#golive-${step}`, 'class')).toContain('golive__step--done')
    await page.locator('#overview-stats', { hasText: '200 户' }).waitFor()
    await shot(page, 'go-live', '29-checklist')

    // The pilot replicated: the new community starts with its fee item and continues from the checklist.
    await page.locator('#replicate-new').click()
    await page.locator('.t-dialog input[name="replicate-name"]').fill('滨江花园')
    await page.locator('.t-dialog input[name="replicate-city"]').fill('杭州')
    await page.locator('.t-dialog input[name="replicate-address"]').fill('滨江区滨盛路 66 号')
    await page.locator('#replicate-save').click()
    await page.locator('#replicate-done', { hasText: '收费项目已复制 1 项' }).waitFor()
    await shot(page, 'go-live', '30-replicated')
    await page.locator('#replicate-open').click()
    await page.locator('#golive-households', { hasText: '还没有房屋' }).waitFor()
    // Two communities now: the header switches between them, showing the new one.
    expect(await page.locator('.community-switch input').inputValue()).toBe('滨江花园')
    expect(await page.getAttribute('#golive-fees', 'class')).toContain('golive__step--done')
    await shot(page, 'go-live', '31-replica-checklist')
    expect(errors).toEqual([])
    await mobile.context.close()
    await context.close()
  })
})
