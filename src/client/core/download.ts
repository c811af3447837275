/**
 * Hands a file to a browser's downloads (the H5 build and the office console; WeChat has its own
 * way, see client/files.ts). The object URL outlives the click briefly: some browsers read it late.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
