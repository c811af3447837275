import { makeHarness, TEST_PEPPER } from '../support/harness'
import { demoCodes } from '../../scripts/seed/demo'
import { connectHarness, openPage, textOf, flush, tap, waitForText, records, byId } from './support/simulate'

test('scratch', async () => {
  const h = await makeHarness()
  connectHarness(h, 'dev-u-newcomer')
  const page = openPage('pages/home/index')
  await waitForText(page, '输入房屋码绑定', 10000)
  const bind = openPage('packages/household/pages/bind/index')
  await waitForText(bind, '业主绑定房屋')
  const input = byId(bind, 'bind-code')!
  input.dispatchEvent('input', { detail: { value: 'ABCD2345' } })
  await flush()
  console.log(JSON.stringify(bind.instance.data).slice(0, 800))
  await tap(bind, 'bind-submit')
  await new Promise(r => setTimeout(r, 300))
  console.log(textOf(bind))
  const code = demoCodes(TEST_PEPPER)['h-a3-102']!
  input.dispatchEvent('input', { detail: { value: code } })
  await flush()
  await tap(bind, 'bind-submit')
  await new Promise(r => setTimeout(r, 1000))
  console.log(textOf(bind), JSON.stringify(records), await h.store.get('memberships', 'h-a3-102:u-newcomer'))
})
