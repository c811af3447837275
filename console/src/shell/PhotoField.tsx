import { useRef, useState } from 'react'
import { Button, MessagePlugin, Progress } from 'tdesign-react'
import { AddIcon, CloseIcon } from 'tdesign-icons-react'
import { PHOTO_MAX_LABEL, PHOTO_TYPES } from '@contracts/upload'
import { transport } from '../client/transport'
import { PhotoThumb } from './PhotoThumb'

const ACCEPT = Object.keys(PHOTO_TYPES).join(',')

/**
 * Photos in a form: the ones kept, in order (the first is the one lists show), a remove button on
 * each, and a tile that picks more from the computer. Each goes to storage as soon as it is
 * picked; only ids reach the form. `max` 1 makes it a single cover; `lead` names what the first
 * of several is used as (the list photo).
 */
export function PhotoField(props: { id: string; value: readonly string[]; onChange: (ids: string[]) => void; max: number; label: string; size?: number; lead?: string }) {
  const { value, onChange, max, label } = props
  const size = props.size ?? 96
  const input = useRef<HTMLInputElement>(null)
  /** The upload under way, 0-100; null while none is. */
  const [uploading, setUploading] = useState<number | null>(null)
  // The latest list, so photos picked together are each added to what the previous one left.
  const kept = useRef(value)
  kept.current = value

  const pick = async (files: FileList | null) => {
    const chosen = Array.from(files ?? []).slice(0, Math.max(0, max - kept.current.length))
    if (files && files.length > chosen.length) void MessagePlugin.warning(`${label}最多 ${max} 张，多选的没有上传`)
    for (const file of chosen) {
      setUploading(0)
      const res = await transport.uploadPhoto(file, setUploading)
      if (!res.ok) {
        void MessagePlugin.error(`${file.name}：${res.error.message}`)
        continue
      }
      const next = [...kept.current, res.data.fileId]
      kept.current = next
      onChange(next)
    }
    setUploading(null)
    if (input.current) input.current.value = ''
  }

  return (
    <div className='photo-field' id={props.id}>
      {value.map((photo, i) => (
        <div className='photo-field__item' key={photo} style={{ width: size, height: size }}>
          <PhotoThumb id={photo} size={size} alt={`${label}第 ${i + 1} 张`} />
          {i === 0 && props.lead ? <span className='photo-field__first'>{props.lead}</span> : null}
          <Button
            className='photo-field__remove'
            shape='circle'
            size='small'
            variant='base'
            theme='default'
            icon={<CloseIcon />}
            aria-label={`删除${label}第 ${i + 1} 张`}
            onClick={() => onChange(value.filter((p) => p !== photo))}
          />
        </div>
      ))}
      {uploading !== null ? (
        <div className='photo-field__tile photo-field__tile--busy' style={{ width: size, height: size }}>
          <Progress theme='circle' size='small' percentage={uploading} />
        </div>
      ) : value.length < max ? (
        <button type='button' className='photo-field__tile' style={{ width: size, height: size }} onClick={() => input.current?.click()}>
          <AddIcon size='20px' />
          <span>{value.length === 0 ? `上传${label}` : '继续添加'}</span>
        </button>
      ) : null}
      <input ref={input} className='photo-field__input' type='file' accept={ACCEPT} multiple={max > 1} onChange={(e) => void pick(e.target.files)} />
      <div className='photo-field__hint'>
        JPG、PNG 或 WebP，每张不超过 {PHOTO_MAX_LABEL}，最多 {max} 张{props.lead ? `；第一张作为${props.lead}` : ''}
      </div>
    </div>
  )
}
