import { signedLinks } from '../../console/src/client/signed-links'

/** A storage that signs what it is asked for, and counts its calls. */
function storage(fail = false) {
  const calls: string[][] = []
  const sign = (ids: string[]) => {
    calls.push(ids)
    return fail ? Promise.reject(new Error('network')) : Promise.resolve(new Map(ids.map((id) => [id, `https://cdn.example/${id}?sign=1`])))
  }
  return { calls, sign }
}

describe('signed links for console thumbnails', () => {
  it('asks once for what a whole table asks for thumbnail by thumbnail, 50 ids a call', async () => {
    const s = storage()
    const links = signedLinks(s.sign, { batch: 50, reuseMs: 60_000 })
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env/uploads/2026-12/photo${i}.jpg`)
    const answers = await Promise.all(ids.map((id) => links([id])))
    expect(s.calls.map((c) => c.length)).toEqual([50, 50, 20])
    expect(answers.every((m, i) => m.get(ids[i] ?? '') === `https://cdn.example/${ids[i] ?? ''}?sign=1`)).toBe(true)
  })

  it('asks for an id in flight once, and reuses a link until it is about to end', async () => {
    let t = 0
    const s = storage()
    const links = signedLinks(s.sign, { batch: 50, reuseMs: 1000, now: () => t })
    await Promise.all([links(['a', 'b']), links(['a'])])
    expect(s.calls).toEqual([['a', 'b']])
    t = 999
    expect((await links(['a'])).get('a')).toBe('https://cdn.example/a?sign=1')
    expect(s.calls).toHaveLength(1)
    t = 1000
    await links(['a'])
    expect(s.calls).toEqual([['a', 'b'], ['a']])
  })

  it('leaves photos without a link when storage fails, and asks again next time', async () => {
    const s = storage(true)
    const links = signedLinks(s.sign, { batch: 50, reuseMs: 60_000 })
    expect((await links(['a'])).size).toBe(0)
    expect((await links(['a'])).size).toBe(0)
    expect(s.calls).toEqual([['a'], ['a']])
  })
})
