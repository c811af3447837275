import { type SavedFile, saveTextFile } from '../client/files'

/** Hands an exported CSV to the person: a download in H5, a file shared into a chat in WeChat. */
export const saveCsv = (fileName: string, csv: string): Promise<SavedFile> => saveTextFile(fileName, csv, 'text/csv')

/** What to tell the person once the file is handed over (nothing when they closed the picker). */
export const SAVED_TEXT: Record<SavedFile, string> = { downloaded: '已下载', shared: '已发送', copied: '已复制到剪贴板', cancelled: '' }
