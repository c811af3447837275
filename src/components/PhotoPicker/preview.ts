import Taro from '@tarojs/taro'

/** Full-screen view of photos; WeChat takes `cloud://` ids here as well as URLs. */
export function previewPhotos(urls: string[], index: number): void {
  const current = urls[index]
  if (current) void Taro.previewImage({ urls, current })
}
