import Taro from '@tarojs/taro'
import { downloadBlob } from './core/download'

/**
 * Handing a text file (an export) to the person is platform-level: the browser downloads it in
 * H5; in WeChat it is written to the mini-program's user folder and shared into a chat (to the
 * person's computer or File Transfer), or copied when sharing is not possible. Services call
 * this; pages never do.
 */
export type SavedFile = 'downloaded' | 'shared' | 'copied' | 'cancelled'

export async function saveTextFile(fileName: string, text: string, mime: string): Promise<SavedFile> {
  if (process.env.TARO_ENV === 'h5') {
    downloadBlob(new Blob([text], { type: `${mime};charset=utf-8` }), fileName)
    return 'downloaded'
  }
  try {
    const path = `${Taro.env.USER_DATA_PATH}/${fileName}`
    Taro.getFileSystemManager().writeFileSync(path, text, 'utf8')
    await Taro.shareFileMessage({ filePath: path, fileName })
    return 'shared'
  } catch (e) {
    // The person closed the chat picker: nothing else to do. Any other failure falls back to copying.
    if (String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel')) return 'cancelled'
    await Taro.setClipboardData({ data: text })
    return 'copied'
  }
}
