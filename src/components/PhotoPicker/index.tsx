import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { previewPhotos } from './preview'
import './index.scss'

/** What the page hands in to store one photo: the services' `uploadPhoto` (pages call services). */
export type UploadPhoto = (
  photo: { path: string; size: number },
  onProgress: (percent: number) => void
) => Promise<{ ok: true; data: string } | { ok: false; error: { message: string } }>

interface Pending {
  key: string
  path: string
  size: number
  progress: number
  /** Null while uploading; the reason once it failed (the tile then offers 重试 and ×). */
  error: string | null
}

let seq = 0

/**
 * Picks photos (album or camera, compressed), uploads each at once and shows it as a thumbnail
 * with its progress; a failed one can be retried or dropped. `value` holds the uploaded ids.
 * Adding is off while an upload runs; `onBusyChange` lets the page hold its submit button too.
 */
export function PhotoPicker(props: {
  id: string
  value: string[]
  onChange: (ids: string[]) => void
  upload: UploadPhoto
  srcOf: (id: string) => string
  max?: number
  disabled?: boolean
  /** Smaller thumbnails and a one-line add button: for an optional photo inside a list row. */
  compact?: boolean
  onBusyChange?: (busy: boolean) => void
}) {
  const max = props.max ?? 6
  const [pending, setPending] = useState<Pending[]>([])
  // Uploads finish in any order and after re-renders: each appends to the latest ids, not a stale copy.
  const latest = useRef(props.value)
  latest.current = props.value
  const busy = pending.some((p) => p.error === null)
  // Told only when busy flips, whatever callback identity the page passes on each render.
  const onBusy = useRef(props.onBusyChange)
  onBusy.current = props.onBusyChange
  useEffect(() => onBusy.current?.(busy), [busy])

  const patch = (key: string, change: Partial<Pending> | null) =>
    setPending((ps) => (change ? ps.map((p) => (p.key === key ? { ...p, ...change } : p)) : ps.filter((p) => p.key !== key)))

  const start = async (p: Pending) => {
    const r = await props.upload({ path: p.path, size: p.size }, (progress) => patch(p.key, { progress }))
    if (!r.ok) return patch(p.key, { error: r.error.message, progress: 0 })
    patch(p.key, null)
    latest.current = [...latest.current, r.data]
    props.onChange(latest.current)
  }

  const room = max - props.value.length - pending.length
  // A tile is too small for a reason: the latest failure's is shown under the photos.
  const reason = [...pending].reverse().find((p) => p.error)?.error ?? null
  const pick = async () => {
    if (room <= 0 || busy || props.disabled) return
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const picked = res.tempFiles.slice(0, room).map((f) => ({ key: `p${++seq}`, path: f.tempFilePath, size: f.size, progress: 0, error: null }))
      setPending((ps) => [...ps, ...picked])
      for (const p of picked) void start(p)
    } catch (e) {
      // Closing the picker is not an error.
      if (!String((e as { errMsg?: unknown }).errMsg ?? '').includes('cancel')) void Taro.showToast({ title: '无法打开相册', icon: 'none' })
    }
  }
  const remove = (id: string) => {
    latest.current = latest.current.filter((x) => x !== id)
    props.onChange(latest.current)
  }
  const retry = (p: Pending) => {
    patch(p.key, { error: null, progress: 0 })
    void start(p)
  }

  return (
    <View className={`photo-picker ${props.compact ? 'photo-picker--compact' : ''}`} id={props.id}>
      {props.value.map((id, i) => (
        <View key={id} className='photo-picker__cell' id={`${props.id}-photo-${i}`}>
          <Image className='photo-picker__img' src={props.srcOf(id)} mode='aspectFill' onClick={() => previewPhotos(props.value.map(props.srcOf), i)} />
          {props.disabled ? null : (
            <Text className='photo-picker__remove' id={`${props.id}-remove-${i}`} onClick={() => remove(id)}>
              ×
            </Text>
          )}
        </View>
      ))}
      {pending.map((p) => (
        <View key={p.key} className='photo-picker__cell' id={`${props.id}-${p.error ? 'failed' : 'uploading'}`}>
          <Image className='photo-picker__img' src={p.path} mode='aspectFill' />
          <View className={`photo-picker__mask ${p.error ? 'photo-picker__mask--error' : ''}`}>
            {p.error ? (
              <Text className='photo-picker__retry' onClick={() => retry(p)}>
                上传失败{'\n'}点此重试
              </Text>
            ) : (
              <Text>{p.progress}%</Text>
            )}
          </View>
          {p.error ? (
            <Text className='photo-picker__remove' onClick={() => patch(p.key, null)}>
              ×
            </Text>
          ) : null}
        </View>
      ))}
      {room > 0 && !props.disabled ? (
        <View className={`photo-picker__add ${busy ? 'photo-picker__add--off' : ''}`} id={`${props.id}-add`} onClick={() => void pick()}>
          <Text className='photo-picker__plus'>+</Text>
          <Text className='photo-picker__hint'>{busy ? '上传中' : props.compact ? '拍照（选填）' : `${props.value.length}/${max}`}</Text>
        </View>
      ) : null}
      {reason ? (
        <Text className='photo-picker__reason' id={`${props.id}-reason`}>
          {reason}
        </Text>
      ) : null}
    </View>
  )
}
