import { IMPORT_TEMPLATE_HEADER, type RawHouseholdRow, buildingName, checkHouseholdRows, matchHeader, rawRows, unitName } from '../../cloudfunctions/contracts/household-import'

const row = (over: Partial<RawHouseholdRow> = {}): RawHouseholdRow => ({
  line: 2,
  building: '1栋',
  unit: '',
  room: '101',
  area: '89.5',
  ownerName: '',
  ownerPhone: '',
  parkingSpaces: '',
  ...over
})

describe('the sheet header', () => {
  it('finds the columns under the spellings offices use, in any order, brackets and spaces aside', () => {
    const m = matchHeader(['联系电话', ' 楼号 ', '房间号', '面积(平方米)', '业主', '单元号', '车位'])
    expect(m.missing).toEqual([])
    expect(m.columns).toEqual({ building: 1, unit: 5, room: 2, area: 3, ownerName: 4, ownerPhone: 0, parkingSpaces: 6 })
    expect(matchHeader([...IMPORT_TEMPLATE_HEADER]).missing).toEqual([])
  })

  it('names the required columns a sheet lacks', () => {
    expect(matchHeader(['楼栋', '业主']).missing).toEqual(['房号', '建筑面积'])
  })

  it('reads cells as text (numbers, rich text, formula results) and skips blank lines', () => {
    const { columns } = matchHeader(['楼栋', '房号', '面积'])
    const rows = rawRows(
      [
        [1, 302, 89.5],
        ['', '', ''],
        [{ richText: [{ text: '2' }, { text: '栋' }] }, { result: 101 }, '120'],
        []
      ],
      columns
    )
    expect(rows.map((r) => [r.line, r.building, r.room, r.area, r.unit])).toEqual([
      [2, '1', '302', '89.5', ''],
      [4, '2栋', '101', '120', '']
    ])
  })
})

describe('each row', () => {
  it('takes 1 for 1栋 and 2 for 2单元, and keeps 3号楼 and A座 as written', () => {
    expect(['1', '12', '3号楼', 'A座', ' 5 栋'].map(buildingName)).toEqual(['1栋', '12栋', '3号楼', 'A座', '5栋'])
    expect(['2', '', '东单元'].map(unitName)).toEqual(['2单元', '', '东单元'])
  })

  it('keeps area in hundredths of a square metre, phones without +86, and parking as a count', () => {
    const { rows, problems } = checkHouseholdRows([row({ area: '89.55 ㎡', ownerPhone: '+86 138-0000-1234', parkingSpaces: '2', ownerName: '王 建国' })])
    expect(problems).toEqual([])
    expect(rows[0]).toEqual({ line: 2, building: '1栋', unit: '', room: '101', areaCm2: 8955, ownerName: '王 建国', ownerPhone: '13800001234', parkingSpaces: 2 })
  })

  it('names every bad field of a row, in Chinese, with what it was given', () => {
    const { rows, problems } = checkHouseholdRows([row({ building: '', room: '1 0 1#', area: '3000', ownerPhone: '12345', parkingSpaces: '-1' })])
    expect(rows).toEqual([])
    expect(problems.map((p) => `${p.label}：${p.message}`)).toEqual([
      '楼栋：请填写楼栋',
      '房号：房号「101#」应为字母、数字或 -，如 302、B-1201',
      '建筑面积：建筑面积 3000 ㎡ 不在 5～2000 ㎡ 之间',
      '业主手机：手机号「12345」应为 11 位手机号码',
      '租用车位：租用车位应为 0～10 的整数'
    ])
  })

  it('asks for the area that fees and votes need, and refuses text or three decimals', () => {
    const msgs = ['', '约90', '89.555'].map((area) => checkHouseholdRows([row({ area })]).problems[0]?.message)
    expect(msgs).toEqual(['请填写建筑面积（物业费与投票都按面积计）', '建筑面积「约90」应为数字，最多两位小数，如 89.5', '建筑面积「89.555」应为数字，最多两位小数，如 89.5'])
  })

  it('names a room repeated in the sheet on its later line, whatever the case of its letters', () => {
    const { rows, problems } = checkHouseholdRows([row({ line: 2, room: 'b-1201' }), row({ line: 3, room: '102' }), row({ line: 9, building: '1', room: 'B-1201' })])
    expect(rows.map((r) => r.line)).toEqual([2, 3])
    expect(problems).toEqual([{ line: 9, field: 'room', label: '房号', message: '1栋 B-1201 与第 2 行重复' }])
  })

  it('refuses control characters hidden in a cell', () => {
    expect(checkHouseholdRows([row({ ownerName: '王\u0007' })]).problems[0]).toMatchObject({ field: 'ownerName', message: '含有不可见的控制字符' })
  })
})
