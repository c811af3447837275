import { giveAttemptBack, reserveAttempt } from '../../cloudfunctions/domain/attempts'
import { type Harness, makeHarness } from '../support/harness'

/** Guesses at a secret, counted per person and day on the kernel's bounded counter. */
let h: Harness
beforeEach(async () => {
  h = await makeHarness({ seed: false })
})
afterEach(() => h.close())

const KEY = 'bind:u-1:2026-12-06'
const count = async () => (await h.store.get('attempts', KEY))?.count

it('counts down the attempts left and refuses past the limit, however many guess at once', async () => {
  const first = await reserveAttempt(h.ports, KEY, 5)
  expect(first?.left).toBe(4)
  const rest = await Promise.all(Array.from({ length: 9 }, () => reserveAttempt(h.ports, KEY, 5)))
  expect(rest.filter((a) => a !== null)).toHaveLength(4)
  expect(await count()).toBe(5)
})

it('gives a right guess its own attempt back once, however often it asks', async () => {
  const wrong = await reserveAttempt(h.ports, KEY, 5)
  const right = await reserveAttempt(h.ports, KEY, 5)
  expect(wrong && right).toBeTruthy()
  await Promise.all([giveAttemptBack(h.ports, KEY, right!), giveAttemptBack(h.ports, KEY, right!), giveAttemptBack(h.ports, KEY, right!)])
  expect(await count()).toBe(1)
})

it('keeps counting on a counter written before attempts had holders', async () => {
  expect((await h.store.insert('attempts', { _id: KEY, count: 4, createdAt: 0 })).ok).toBe(true)
  const last = await reserveAttempt(h.ports, KEY, 5)
  expect(last?.left).toBe(0)
  expect(await reserveAttempt(h.ports, KEY, 5)).toBeNull()
  await giveAttemptBack(h.ports, KEY, last!)
  expect(await count()).toBe(4)
})
