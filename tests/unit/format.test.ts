import { HOUSEHOLD_CODE_ALPHABET, HouseholdCode } from '../../cloudfunctions/contracts/user'
import {
  formatHouseholdCode,
  hashHouseholdCode,
  householdLabel,
  maskPhone,
  shanghaiDay
} from '../../cloudfunctions/domain/user/format'


describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13800001111')).toBe('138****1111')
    expect(maskPhone('19912345678')).toBe('199****5678')
  })
  it('hides anything that is not an 11-digit number completely', () => {
    expect(maskPhone('12345')).toBe('****')
    expect(maskPhone('+8613800001111')).toBe('****')
  })
  it('is null when there is no phone', () => {
    expect(maskPhone(undefined)).toBeNull()
    expect(maskPhone('')).toBeNull()
  })
})

describe('shanghaiDay', () => {
  // Shanghai is UTC+8 all year, so its day turns over at 16:00Z.
  it('changes day exactly at 16:00Z', () => {
    expect(shanghaiDay(Date.UTC(2026, 0, 5, 15, 59, 59, 999))).toBe('2026-01-05')
    expect(shanghaiDay(Date.UTC(2026, 0, 5, 16, 0, 0, 0))).toBe('2026-01-06')
  })
  it('is already the next day in Shanghai late in the UTC evening, and across a year end', () => {
    expect(shanghaiDay(Date.UTC(2025, 11, 31, 20, 0))).toBe('2026-01-01')
    expect(shanghaiDay(Date.UTC(2026, 0, 1, 0, 0))).toBe('2026-01-01')
  })
  it('ignores the summer time of other zones', () => {
    expect(shanghaiDay(Date.UTC(2026, 6, 1, 15, 59))).toBe('2026-07-01')
    expect(shanghaiDay(Date.UTC(2026, 6, 1, 16, 0))).toBe('2026-07-02')
  })
})

describe('hashHouseholdCode', () => {
  it('is deterministic hex sha256', () => {
    const h = hashHouseholdCode('pepper-aaaaaaaaaaaa', 'ABCD2345')
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(hashHouseholdCode('pepper-aaaaaaaaaaaa', 'ABCD2345')).toBe(h)
  })
  it('depends on the pepper and on the code', () => {
    const h = hashHouseholdCode('pepper-aaaaaaaaaaaa', 'ABCD2345')
    expect(hashHouseholdCode('pepper-bbbbbbbbbbbb', 'ABCD2345')).not.toBe(h)
    expect(hashHouseholdCode('pepper-aaaaaaaaaaaa', 'ABCD2346')).not.toBe(h)
  })
  it('does not contain the code or the pepper', () => {
    const h = hashHouseholdCode('pepper-aaaaaaaaaaaa', 'ABCD2345')
    expect(h).not.toContain('abcd2345')
    expect(h).not.toContain('pepper')
  })
})

describe('formatHouseholdCode and householdLabel', () => {
  it('prints codes as XXXX-XXXX, which the input schema reads back', () => {
    expect(formatHouseholdCode('ABCD2345')).toBe('ABCD-2345')
    expect(HouseholdCode.parse(formatHouseholdCode('ABCD2345'))).toBe('ABCD2345')
  })
  it('labels a household with its building name, or the room alone without one', () => {
    const household = { _id: 'h', communityId: 'c', buildingId: 'b', room: '302', areaCm2: 1, codeHash: '', createdAt: 0 }
    expect(householdLabel({ _id: 'b', communityId: 'c', name: '2栋', order: 2 }, household)).toBe('2栋 302')
    expect(householdLabel(undefined, household)).toBe('302')
  })
})

describe('HouseholdCode input', () => {
  it('normalises case, dashes and spaces', () => {
    expect(HouseholdCode.parse('abcd-2345')).toBe('ABCD2345')
    expect(HouseholdCode.parse(' abcd 2345 ')).toBe('ABCD2345')
    expect(HouseholdCode.parse('AbCd2345')).toBe('ABCD2345')
    expect(HouseholdCode.parse('ab-cd-23-45')).toBe('ABCD2345')
  })
  it.each(['ABCD234O', 'ABCD2340', 'ABCD234I', 'ABCD2341', 'abcd-234o', 'abcd-234i'])(
    'rejects the ambiguous characters O/0/I/1: %s',
    (code) => {
      expect(HouseholdCode.safeParse(code).success).toBe(false)
    }
  )
  it.each(['ABCD234', 'ABCD23456', '', 'ABCD_2345', 'ABCD.2345', '房屋码房屋码房屋码'])('rejects a malformed code: %j', (code) => {
    expect(HouseholdCode.safeParse(code).success).toBe(false)
  })
  it('rejects non-strings', () => {
    expect(HouseholdCode.safeParse(12345678).success).toBe(false)
    expect(HouseholdCode.safeParse(null).success).toBe(false)
  })
  it('accepts every character of the printed alphabet and nothing ambiguous is in it', () => {
    expect(HOUSEHOLD_CODE_ALPHABET).not.toMatch(/[O0I1]/)
    for (let i = 0; i < HOUSEHOLD_CODE_ALPHABET.length; i += 8) {
      const code = HOUSEHOLD_CODE_ALPHABET.slice(i, i + 8).padEnd(8, '2')
      expect(HouseholdCode.parse(code.toLowerCase())).toBe(code)
    }
  })
})
