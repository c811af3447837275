import { useState } from 'react'
import { Alert, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Textarea } from 'tdesign-react'
import { ArrowDownIcon, ArrowUpIcon, DeleteIcon } from 'tdesign-icons-react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import type { NoticeBlock, NoticeEditView } from '@contracts/message'
import { NOTICE_AUDIENCES, NOTICE_AUDIENCE_LABELS, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeAudienceKind, type NoticeCategory } from '@contracts/message-kinds'
import type { OutputOf } from '@contracts/registry'
import { type NoticeForm, blankNotice, checkNotice, clearedErrors, fromEditable, moveBlock, noticeRequest } from '../../../../src/utils/notice-draft'
import { formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { PhotoField } from '../../shell/PhotoField'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { newRequestId } from '../../../../src/client/core/request-id'

type Options = OutputOf<'message.noticeOptions'>

const BLOCK_NAMES: Record<NoticeBlock['type'], string> = { heading: '小标题', text: '段落', image: '图片' }

/** A time picked to the minute, or none when the picker is cleared. */
const picked = (v: unknown): number | null => {
  const ms = parseShanghai(String(v ?? ''))
  return Number.isNaN(ms) ? null : ms
}

/**
 * A notice, new or edited: title, category, a body of headings, paragraphs and photos in order,
 * who it is for, whether it is pinned or important, and when it goes out and comes down. The same
 * form rules as the mini-program's editor (src/utils/notice-draft.ts).
 */
export function NoticeDialog({ notice, options, onClose }: { notice: NoticeEditView | null; options: Options; onClose: (saved: string | null) => void }) {
  const [f, setF] = useState<NoticeForm>(() => (notice ? fromEditable(notice) : blankNotice()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One id per dialog: a double click or a retry after a lost answer publishes once.
  const [requestId] = useState(newRequestId)
  const set = (patch: Partial<NoticeForm>) => {
    setF((x) => ({ ...x, ...patch }))
    setErrors((e) => clearedErrors(e, patch))
  }
  const setBlock = (i: number, b: NoticeBlock) => set({ blocks: f.blocks.map((x, j) => (j === i ? b : x)) })
  const status = (...paths: string[]) => {
    const e = paths.map((p) => errors[p]).find(Boolean)
    return e ? { status: 'error' as const, tips: e } : {}
  }

  const submit = async () => {
    const problems = checkNotice(f, requestId)
    setFormError(null)
    setErrors(problems ?? {})
    if (problems) return
    setBusy(true)
    const res = await api.message.saveNotice(noticeRequest(f, requestId))
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, '')
      setErrors(refused.fields)
      return setFormError(refused.message)
    }
    onClose(res.data.state === 'scheduled' ? `已定时发布「${f.title}」` : `已发布「${f.title}」`)
  }

  return (
    <FormDialog header={notice ? `修改公告：${notice.title}` : '发布公告'} width={820} saveId='notice-save' saveText={notice ? '保存' : '发布'} busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='标题' required {...status('title')}>
          <Input className='notice-title' value={f.title} maxlength={40} placeholder='例如：12月8日 2栋停水通知' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='类别' required {...status('category')}>
          <Radio.Group className='notice-category' variant='default-filled' value={f.category ?? undefined} onChange={(v) => set({ category: v as NoticeCategory })}>
            {NOTICE_CATEGORIES.map((c) => (
              <Radio.Button key={c} value={c}>
                {NOTICE_CATEGORY_LABELS[c]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        <Field label='正文' required help='段落、小标题和图片按顺序展示，可上下移动' {...status('blocks')}>
          <div className='notice-blocks'>
            {f.blocks.map((b, i) => (
              <div key={i} className='notice-block' id={`notice-block-${i}`}>
                <div className='notice-block__head'>
                  <span className='muted'>{BLOCK_NAMES[b.type]}</span>
                  <Space size={0}>
                    <Button variant='text' size='small' icon={<ArrowUpIcon />} disabled={i === 0} onClick={() => set({ blocks: moveBlock(f.blocks, i, -1) })}>
                      上移
                    </Button>
                    <Button variant='text' size='small' icon={<ArrowDownIcon />} disabled={i === f.blocks.length - 1} onClick={() => set({ blocks: moveBlock(f.blocks, i, 1) })}>
                      下移
                    </Button>
                    <Button variant='text' theme='danger' size='small' icon={<DeleteIcon />} onClick={() => set({ blocks: f.blocks.filter((_, j) => j !== i) })}>
                      删除
                    </Button>
                  </Space>
                </div>
                {b.type === 'image' ? (
                  <PhotoThumb id={b.photo} size={160} alt={`公告图片 ${i + 1}`} />
                ) : b.type === 'heading' ? (
                  <Input className={`notice-block-${i}-text`} value={b.text} maxlength={40} placeholder='例如：停水时间' onChange={(v) => setBlock(i, { type: 'heading', text: String(v) })} />
                ) : (
                  <Textarea className={`notice-block-${i}-text`} value={b.text} maxlength={2000} autosize={{ minRows: 3, maxRows: 12 }} placeholder='写下要告诉住户的内容' onChange={(v) => setBlock(i, { type: 'text', text: String(v) })} />
                )}
                {errors[`blocks.${i}.text`] || errors[`blocks.${i}.photo`] ? <div className='notice-block__error'>{errors[`blocks.${i}.text`] ?? errors[`blocks.${i}.photo`]}</div> : null}
              </div>
            ))}
            <Space size={8}>
              <Button id='notice-add-text' variant='outline' onClick={() => set({ blocks: [...f.blocks, { type: 'text', text: '' }] })}>
                添加段落
              </Button>
              <Button id='notice-add-heading' variant='outline' onClick={() => set({ blocks: [...f.blocks, { type: 'heading', text: '' }] })}>
                添加小标题
              </Button>
            </Space>
            <PhotoField id='notice-add-photo' label='图片' max={9} size={72} value={[]} onChange={(ids) => set({ blocks: [...f.blocks, ...ids.map((photo) => ({ type: 'image' as const, photo }))] })} />
          </div>
        </Field>
        <Field label='发布范围' required {...status('audience.kind', 'audience.buildingIds', 'audience.gridId', 'audience.need')}>
          <Space direction='vertical' size={8} style={{ width: '100%' }}>
            <Radio.Group className='notice-audience' value={f.audience} onChange={(v) => set({ audience: v as NoticeAudienceKind })}>
              {NOTICE_AUDIENCES.map((a) => (
                <Radio key={a} value={a}>
                  {NOTICE_AUDIENCE_LABELS[a]}
                </Radio>
              ))}
            </Radio.Group>
            {f.audience === 'buildings' ? (
              <Select className='notice-buildings' multiple filterable value={f.buildingIds} placeholder='选择楼栋' onChange={(v) => set({ buildingIds: Array.isArray(v) ? v.map(String) : [] })} options={options.buildings.map((b) => ({ value: b.id, label: b.name }))} />
            ) : null}
            {f.audience === 'grid' ? (
              <Select className='notice-grid' value={f.gridId ?? undefined} placeholder='选择网格' onChange={(v) => set({ gridId: v ? String(v) : null })} options={options.grids.map((g) => ({ value: g.id, label: `${g.name}（${g.buildings} 栋）` }))} />
            ) : null}
            {f.audience === 'need' ? (
              <Select className='notice-need' value={f.need ?? undefined} placeholder='选择人群（按五省需求）' onChange={(v) => set({ need: (v as Need) || null })} options={NEEDS.map((n) => ({ value: n, label: `${NEED_LABELS[n]}人群` }))} />
            ) : null}
          </Space>
        </Field>
        <Field label='展示'>
          <Space size={24}>
            <Checkbox className='notice-pinned' checked={f.pinned} onChange={(v) => set({ pinned: v })}>
              置顶
            </Checkbox>
            <Checkbox className='notice-important' checked={f.important} onChange={(v) => set({ important: v })}>
              重要（网格管家跟进未读住户）
            </Checkbox>
          </Space>
        </Field>
        {f.published ? null : (
          <Field label='发布时间' help='不选则立即发布' {...status('publishAt')}>
            <DatePicker className='notice-publish-at' allowInput clearable enableTimePicker format='YYYY-MM-DD HH:mm' value={f.publishAt ? formatDateTime(f.publishAt) : ''} onChange={(v) => set({ publishAt: picked(v) })} />
          </Field>
        )}
        <Field label='下线时间' help='不选则一直展示，可随时撤回' {...status('expiresAt')}>
          <DatePicker className='notice-expires-at' allowInput clearable enableTimePicker format='YYYY-MM-DD HH:mm' value={f.expiresAt ? formatDateTime(f.expiresAt) : ''} onChange={(v) => set({ expiresAt: picked(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
