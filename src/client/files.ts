import Taro from '@tarojs/taro'

/**
 * Handing a text file (an export) to the person is platform-level: the browser downloads it in
 * H5; in WeChat it is written to the mini-program's user folder and shared into a chat (to the
 * person's computer or File Transfer), or copied when sharing is not possible. Services call
 * this; pages never do.
 */
export type SavedFile = 'downloaded' | 'shared' | 'copied' | 'cancelled'

export async function saveTextFile(fileName: string, text: string, mime: string): Promise<SavedFile> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }))
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
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
