import { useRef, useState } from 'react'
import { Alert, Button, Checkbox, Dialog, Link, Progress, Space, Table } from 'tdesign-react'
import { DownloadIcon, FileExcelIcon } from 'tdesign-icons-react'
import {
  IMPORT_MAX_ROWS,
  IMPORT_PAGE_ROWS,
  IMPORT_TEMPLATE_EXAMPLE,
  IMPORT_TEMPLATE_HEADER,
  type ImportProblem,
  type RawHouseholdRow,
  checkHouseholdRows,
  inPages,
  matchHeader,
  rawRows
} from '@contracts/household-import'
import { api } from '../../client/api'
import { SheetError, downloadCsv, downloadXlsx, readSheet } from '../../shell/sheets'
import { useLatest } from '../../shell/use-latest'

/** Where the dialog is: a file is read and checked (preview), then written page by page (apply). */
type Stage =
  | { step: 'choose'; error?: string }
  | { step: 'checking'; file: string; done: number; total: number }
  | { step: 'preview'; file: string; rows: RawHouseholdRow[]; problems: ImportProblem[]; created: number; updated: number; unchanged: number; buildings: string[] }
  | { step: 'applying'; file: string; done: number; total: number }
  | { step: 'done'; file: string; created: number; updated: number; unchanged: number; buildings: string[] }
  | { step: 'failed'; file: string; message: string; done: number }

/**
 * The office's household sheet into the community. The whole file is checked here first with the
 * same rules the server applies (so a room repeated across pages is caught), then the server
 * previews each page (unknown buildings, what is new, what changes). Only a clean preview can be
 * applied; applying sends the pages in order and can be run again safely.
 */
export function ImportDialog({ hasBuildings, onClose }: { hasBuildings: boolean; onClose: (changed: boolean) => void }) {
  const [stage, setStage] = useState<Stage>({ step: 'choose' })
  const [newBuildings, setNewBuildings] = useState(!hasBuildings)
  const [changed, setChanged] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const preview = async (file: string, rows: RawHouseholdRow[], allowNew: boolean) => {
    const local = checkHouseholdRows(rows)
    const problems = [...local.problems]
    const clean = new Set(local.rows.map((r) => r.line))
    const sendable = rows.filter((r) => clean.has(r.line))
    const pages = inPages(sendable)
    const sum = { created: 0, updated: 0, unchanged: 0, buildings: new Set<string>() }
    setStage({ step: 'checking', file, done: 0, total: sendable.length })
    for (const [i, page] of pages.entries()) {
      const res = await api.office.importHouseholds({ rows: page, dryRun: true, newBuildings: allowNew })
      if (!res.ok) {
        setStage({ step: 'choose', error: res.error.message })
        return
      }
      problems.push(...res.data.problems)
      sum.created += res.data.created
      sum.updated += res.data.updated
      sum.unchanged += res.data.unchanged
      for (const b of res.data.buildingsCreated) sum.buildings.add(b)
      setStage({ step: 'checking', file, done: Math.min(sendable.length, (i + 1) * IMPORT_PAGE_ROWS), total: sendable.length })
    }
    problems.sort((a, b) => a.line - b.line)
    setStage({ step: 'preview', file, rows, problems, created: sum.created, updated: sum.updated, unchanged: sum.unchanged, buildings: [...sum.buildings].sort((a, b) => a.localeCompare(b, 'zh', { numeric: true })) })
  }

  const choose = async (file: File) => {
    try {
      const cells = await readSheet(file)
      const [header = [], ...body] = cells
      const match = matchHeader(header.map((c) => String(c ?? '')))
      if (match.missing.length) {
        setStage({ step: 'choose', error: `表头缺少「${match.missing.join('」「')}」列。请使用导入模板的表头，第一行为列名。` })
        return
      }
      const rows = rawRows(body, match.columns)
      if (rows.length === 0) return setStage({ step: 'choose', error: '表格里没有房屋行' })
      if (rows.length > IMPORT_MAX_ROWS) return setStage({ step: 'choose', error: `一次最多导入 ${IMPORT_MAX_ROWS} 行，请按楼栋分成几个文件` })
      await preview(file.name, rows, newBuildings)
    } catch (e) {
      setStage({ step: 'choose', error: e instanceof SheetError ? e.message : '读取文件没有成功，请确认文件未被其他程序占用后重试' })
    }
  }

  const apply = async (file: string, rows: RawHouseholdRow[]) => {
    const pages = inPages(rows)
    const sum = { created: 0, updated: 0, unchanged: 0, buildings: [] as string[] }
    setStage({ step: 'applying', file, done: 0, total: rows.length })
    for (const [i, page] of pages.entries()) {
      const res = await api.office.importHouseholds({ rows: page, dryRun: false, newBuildings })
      if (!res.ok) {
        // Earlier pages stay imported; running the same file again completes it without duplicates.
        setStage({ step: 'failed', file, message: res.error.message, done: i * IMPORT_PAGE_ROWS })
        return
      }
      setChanged(true)
      sum.created += res.data.created
      sum.updated += res.data.updated
      sum.unchanged += res.data.unchanged
      sum.buildings.push(...res.data.buildingsCreated)
      setStage({ step: 'applying', file, done: Math.min(rows.length, (i + 1) * IMPORT_PAGE_ROWS), total: rows.length })
    }
    setStage({ step: 'done', file, ...sum, buildings: sum.buildings.sort((a, b) => a.localeCompare(b, 'zh', { numeric: true })) })
  }

  const percent = (done: number, total: number) => (total ? Math.round((done / total) * 100) : 100)
  const busy = stage.step === 'checking' || stage.step === 'applying'
  const closeDialog = useLatest(() => onClose(changed))
  const applyPreview = useLatest(() => {
    if (stage.step === 'preview') void apply(stage.file, stage.rows)
  })
  const footer = (() => {
    const close = (
      <Button id='import-close' variant='outline' disabled={busy} onClick={closeDialog}>
        {stage.step === 'done' ? '完成' : '关闭'}
      </Button>
    )
    if (stage.step !== 'preview') return close
    const clean = stage.problems.length === 0
    return (
      <Space>
        <Button id='import-again' variant='outline' onClick={() => input.current?.click()}>
          重新选择文件
        </Button>
        {close}
        <Button id='import-apply' theme='primary' disabled={!clean} onClick={applyPreview}>
          {clean ? `导入 ${stage.rows.length} 行` : '请先改正问题'}
        </Button>
      </Space>
    )
  })()

  return (
    <Dialog visible header='导入楼栋与房屋' width={880} closeOnOverlayClick={false} closeBtn={!busy} onClose={closeDialog} footer={footer}>
      <input
        ref={input}
        id='import-file'
        type='file'
        accept='.xlsx,.csv'
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void choose(file)
        }}
      />
      <div className='import' id='import-dialog'>
        {stage.step === 'choose' ? (
          <div className='import__choose'>
            <ol className='import__steps'>
              <li>按模板整理房屋台账：楼栋、单元、房号、建筑面积必填，业主姓名与手机可留空（留空不会覆盖已有信息）。</li>
              <li>选择文件后先预览：每个有问题的行都会指出行号和列，改正后重新选择文件。</li>
              <li>预览无误再导入。同一份表格可以重复导入：已有的房屋只更新，不会重复。</li>
            </ol>
            <Space>
              <Button id='import-choose' theme='primary' icon={<FileExcelIcon />} onClick={() => input.current?.click()}>
                选择 Excel 或 CSV 文件
              </Button>
              <Link theme='primary' prefixIcon={<DownloadIcon />} onClick={() => void downloadXlsx('房屋导入模板', IMPORT_TEMPLATE_HEADER, IMPORT_TEMPLATE_EXAMPLE)}>
                下载模板（Excel）
              </Link>
              <Link theme='primary' prefixIcon={<DownloadIcon />} onClick={() => downloadCsv('房屋导入模板', IMPORT_TEMPLATE_HEADER, IMPORT_TEMPLATE_EXAMPLE)}>
                下载模板（CSV）
              </Link>
            </Space>
            <Checkbox checked={newBuildings} onChange={(v) => setNewBuildings(Boolean(v))}>
              允许新建楼栋（表格里社区还没有的楼栋将被创建）
            </Checkbox>
            {stage.error ? <Alert theme='error' message={stage.error} /> : null}
          </div>
        ) : null}
        {stage.step === 'checking' || stage.step === 'applying' ? (
          <div className='import__progress' id={`import-${stage.step}`}>
            <div>
              {stage.step === 'checking' ? '正在检查' : '正在导入'}「{stage.file}」：{stage.done} / {stage.total} 行
            </div>
            <Progress percentage={percent(stage.done, stage.total)} />
          </div>
        ) : null}
        {stage.step === 'preview' ? (
          <div className='stack' id='import-preview'>
            <div className='import__summary'>
              「{stage.file}」共 {stage.rows.length} 行：将新增 <b>{stage.created}</b> 户，更新 <b>{stage.updated}</b> 户，<b>{stage.unchanged}</b> 户无变化
              {stage.buildings.length ? `；将新建楼栋 ${stage.buildings.join('、')}` : ''}。
            </div>
            <Checkbox
              checked={newBuildings}
              onChange={(v) => {
                const on = Boolean(v)
                setNewBuildings(on)
                void preview(stage.file, stage.rows, on)
              }}
            >
              允许新建楼栋
            </Checkbox>
            {stage.problems.length ? (
              <>
                <Alert theme='error' message={`有 ${stage.problems.length} 处问题，涉及 ${new Set(stage.problems.map((p) => p.line)).size} 行。请在表格中改正后重新选择文件；整份表格无误后才能导入。`} />
                <Table
                  className='import-problems'
                  rowKey='key'
                  size='small'
                  maxHeight={320}
                  data={stage.problems.map((p, i) => ({ ...p, key: `${p.line}-${p.field}-${i}` }))}
                  columns={[
                    { colKey: 'line', title: '行号', width: 80 },
                    { colKey: 'label', title: '列', width: 110 },
                    { colKey: 'message', title: '问题' }
                  ]}
                />
              </>
            ) : (
              <Alert theme='success' message='检查通过，可以导入。' />
            )}
          </div>
        ) : null}
        {stage.step === 'done' ? (
          <Alert
            className='import-done'
            theme='success'
            message={`导入完成：新增 ${stage.created} 户，更新 ${stage.updated} 户，${stage.unchanged} 户无变化${stage.buildings.length ? `；新建楼栋 ${stage.buildings.join('、')}` : ''}。接下来可以打印房屋码。`}
          />
        ) : null}
        {stage.step === 'failed' ? (
          <Alert
            className='import-failed'
            theme='error'
            message={`已导入前 ${stage.done} 行后中断：${stage.message}。再次导入同一份表格即可接着完成，已导入的房屋不会重复。`}
          />
        ) : null}
      </div>
    </Dialog>
  )
}
