import { signInIdFromText, signInIdOf } from '../../src/utils/console-link'
import { deviceName } from '../../console/src/pages/login/device'

describe('the console sign-in code, as the mini-program reads it back', () => {
  const id = 'siAbCdEf12_-xyz0'

  it('finds the request id in the H5 link, a registered WeChat link and the scanner\'s text', () => {
    expect(signInIdFromText(`http://127.0.0.1:8790/#/packages/account/pages/console-signin/index?r=${id}`)).toBe(id)
    expect(signInIdFromText(`https://linli.example.com/console-signin?r=${id}&from=qr`)).toBe(id)
    expect(signInIdOf({ r: id })).toBe(id)
    // WeChat's scanner opens the page with the whole scanned link, encoded, as `q`.
    expect(signInIdOf({ q: encodeURIComponent(`https://linli.example.com/console-signin?r=${id}`) })).toBe(id)
  })

  it('reads nothing from a code that is not ours', () => {
    expect(signInIdFromText('https://example.com/pay?r=12345')).toBe('')
    expect(signInIdFromText('LINLI-TICKET:abc')).toBe('')
    expect(signInIdOf({ r: '../../etc' })).toBe('')
    expect(signInIdOf({})).toBe('')
  })
})

describe('how the console names the computer to the person confirming', () => {
  it('says browser and system in words a clerk recognises', () => {
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe('Edge · Windows')
    expect(deviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15')).toBe('Safari · macOS')
    expect(deviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36')).toBe('Chrome · Linux')
    expect(deviceName('curl/8.0')).toBe('浏览器 · 电脑')
  })
})
