import { useState } from 'react'
import { Button, MessagePlugin, Space } from 'tdesign-react'
import { DownloadIcon } from 'tdesign-icons-react'
import { downloadCsv, downloadXlsx } from './sheets'

type Row = readonly (string | number | null | undefined)[]

/**
 * Every console table leaves as CSV (with BOM, for Excel) or as an Excel workbook. `rows` may load
 * more than the page on screen: an export holds the whole filtered table.
 */
export function ExportButtons({ id, fileName, header, rows }: { id: string; fileName: string; header: readonly string[]; rows: () => Promise<readonly Row[] | null> | readonly Row[] }) {
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null)
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format)
    try {
      const data = await rows()
      if (!data) return
      if (format === 'csv') downloadCsv(fileName, header, data)
      else await downloadXlsx(fileName, header, data)
    } catch (e) {
      // A failed read says why (its message is the server's, in Chinese); anything else is generic.
      void MessagePlugin.error(e instanceof Error && e.message ? `导出没有成功：${e.message}` : '导出没有成功，请稍后再试')
    } finally {
      setBusy(null)
    }
  }
  return (
    <Space size={8}>
      <Button id={`${id}-csv`} variant='outline' icon={<DownloadIcon />} loading={busy === 'csv'} onClick={() => void run('csv')}>
        导出 CSV
      </Button>
      <Button id={`${id}-xlsx`} variant='outline' icon={<DownloadIcon />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')}>
        导出 Excel
      </Button>
    </Space>
  )
}
