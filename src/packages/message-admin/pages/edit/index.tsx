import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import type { NoticeBlock } from '@contracts/message'
import { NOTICE_AUDIENCES, NOTICE_AUDIENCE_LABELS, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS } from '@contracts/message-kinds'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { FieldErrorsNotice } from '../../../../components/FieldErrorsNotice'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { TextBox } from '../../../../components/TextBox'
import { newRequestId } from '../../../../services/request-id'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { type NoticeForm, blankNotice, checkNotice, clearedErrors, fromEditable, moveBlock, noticeRequest } from '../../../../utils/notice-draft'
import { ActionBar, DateTimeField, Field, Img, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, all, useQuery } from '../../../../ui/shell'
import '../../admin.scss'

const BLOCK_NAMES: Record<NoticeBlock['type'], string> = { heading: '小标题', text: '段落', image: '图片' }
const YES_NO = [
  { value: 'no' as const, label: '否' },
  { value: 'yes' as const, label: '是' }
]

/** Operators and 客服 write a notice (title, body of paragraphs, headings and photos, audience, times) or edit one. */
export default function EditNoticePage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(
    () => all([api.message.noticeOptions({}), id ? api.message.editableNotice({ id }) : Promise.resolve({ ok: true as const, data: null })]),
    [id],
    { reloadOnShow: false }
  )
  const [form, setForm] = useState<NoticeForm | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  // One id per page visit: a retried or double-tapped publish writes one notice.
  const requestId = useMemo(() => newRequestId(), [])

  useEffect(() => {
    if (q.data && !form) setForm(q.data[1] ? fromEditable(q.data[1]) : blankNotice())
  }, [q.data, form])

  const f = form ?? blankNotice()
  const set = (patch: Partial<NoticeForm>) => {
    setForm({ ...f, ...patch })
    setErrors((e) => clearedErrors(e, patch))
  }
  const setBlock = (i: number, b: NoticeBlock) => set({ blocks: f.blocks.map((x, j) => (j === i ? b : x)) })

  const save = async () => {
    const problems = checkNotice(f, requestId)
    setErrors(problems ?? {})
    setError(null)
    if (problems) return
    setBusy(true)
    const r = await api.message.saveNotice(noticeRequest(f, requestId))
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      setErrors(fieldsByPath(r.error))
      return
    }
    void Taro.showToast({ title: r.data.state === 'scheduled' ? '已定时发布' : '已发布', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/message-admin/pages/notices/index' })), 600)
  }

  return (
    <PageShell id='notice-edit' query={q}>
      {([options]) => (
        <>
          <Section title='公告内容'>
            <Field label='标题' required error={errors.title}>
              <TextBox id='notice-title' value={f.title} maxLength={40} placeholder='例如：12月8日 2栋停水通知' onChange={(title) => set({ title })} />
            </Field>
            <Field label='类别' required error={errors.category}>
              <Choices id='notice-category' value={f.category} options={NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c] }))} onChange={(category) => set({ category })} />
            </Field>
            <Field label='正文' required error={errors.blocks} hint='可添加段落、小标题和图片，用上移、下移调整顺序'>
              {f.blocks.map((b, i) => (
                <View key={i} className='ma-block' id={`notice-block-${i}`}>
                  <View className='ma-block__head'>
                    <Text className='muted'>{BLOCK_NAMES[b.type]}</Text>
                    <View className='ma-block__tools'>
                      {i > 0 ? <Text className='ma-tool' onClick={() => set({ blocks: moveBlock(f.blocks, i, -1) })}>上移</Text> : null}
                      {i < f.blocks.length - 1 ? <Text className='ma-tool' onClick={() => set({ blocks: moveBlock(f.blocks, i, 1) })}>下移</Text> : null}
                      <Text className='ma-tool ma-tool--danger' id={`notice-block-${i}-delete`} onClick={() => set({ blocks: f.blocks.filter((_, j) => j !== i) })}>
                        删除
                      </Text>
                    </View>
                  </View>
                  {b.type === 'image' ? (
                    <Img src={b.photo} size='card' />
                  ) : (
                    <TextBox
                      id={`notice-block-${i}-text`}
                      multiline={b.type === 'text'}
                      maxLength={b.type === 'text' ? 2000 : 40}
                      value={b.text}
                      placeholder={b.type === 'text' ? '写下要告诉住户的内容' : '例如：停水时间'}
                      onChange={(text) => setBlock(i, { type: b.type, text })}
                    />
                  )}
                  {errors[`blocks.${i}.text`] ? <Text className='kit-field__error'>{errors[`blocks.${i}.text`]}</Text> : null}
                </View>
              ))}
              <View className='ma-block__tools'>
                <Text className='ma-tool' id='notice-add-text' onClick={() => set({ blocks: [...f.blocks, { type: 'text', text: '' }] })}>
                  + 段落
                </Text>
                <Text className='ma-tool' id='notice-add-heading' onClick={() => set({ blocks: [...f.blocks, { type: 'heading', text: '' }] })}>
                  + 小标题
                </Text>
              </View>
              <PhotoPicker
                id='notice-add-photo'
                max={9}
                compact
                value={[]}
                onChange={(ids) => set({ blocks: [...f.blocks, ...ids.map((photo) => ({ type: 'image' as const, photo }))] })}
                onBusyChange={setUploading}
                upload={uploadPhoto}
                srcOf={photoSrc}
              />
            </Field>
          </Section>

          <Section title='发布范围'>
            <Field label='范围' error={errors['audience.kind']}>
              <Choices id='notice-audience' value={f.audience} options={NOTICE_AUDIENCES.map((a) => ({ value: a, label: NOTICE_AUDIENCE_LABELS[a] }))} onChange={(audience) => set({ audience })} />
            </Field>
            {f.audience === 'buildings' ? (
              <Field label='楼栋' required error={errors['audience.buildingIds']} hint='可多选'>
                <View className='choices'>
                  {options.buildings.map((b) => {
                    const on = f.buildingIds.includes(b.id)
                    return (
                      <Text
                        key={b.id}
                        id={`notice-building-${b.id}`}
                        className={`choices__item${on ? ' choices__item--on' : ''}`}
                        onClick={() => set({ buildingIds: on ? f.buildingIds.filter((x) => x !== b.id) : [...f.buildingIds, b.id] })}
                      >
                        {b.name}
                      </Text>
                    )
                  })}
                </View>
              </Field>
            ) : null}
            {f.audience === 'grid' ? (
              <Field label='网格' required error={errors['audience.gridId']}>
                <Choices id='notice-grid' value={f.gridId} options={options.grids.map((g) => ({ value: g.id, label: `${g.name}（${g.buildings} 栋）` }))} onChange={(gridId) => set({ gridId })} />
              </Field>
            ) : null}
            {f.audience === 'need' ? (
              <Field label='人群' required error={errors['audience.need']} hint='按住户的五省需求分群'>
                <Choices<Need> id='notice-need' value={f.need} options={NEEDS.map((n) => ({ value: n, label: NEED_LABELS[n] }))} onChange={(need) => set({ need })} />
              </Field>
            ) : null}
          </Section>

          <Section title='展示'>
            <Field label='置顶'>
              <Choices id='notice-pinned' value={f.pinned ? 'yes' : 'no'} options={YES_NO} onChange={(v) => set({ pinned: v === 'yes' })} />
            </Field>
            <Field label='重要' hint='重要公告由网格管家跟进未读住户'>
              <Choices id='notice-important' value={f.important ? 'yes' : 'no'} options={YES_NO} onChange={(v) => set({ important: v === 'yes' })} />
            </Field>
            {f.published ? null : (
              <DateTimeField id='notice-publish-at' label='发布时间' value={f.publishAt} min={Date.now()} hint='不选则立即发布' error={errors.publishAt} onChange={(publishAt) => set({ publishAt })} />
            )}
            <DateTimeField id='notice-expires-at' label='下线时间' value={f.expiresAt} min={Date.now()} hint='不选则一直展示，可随时撤回' error={errors.expiresAt} onChange={(expiresAt) => set({ expiresAt })} />
            {f.expiresAt !== null || (f.publishAt !== null && !f.published) ? (
              <View className='ma-block__tools'>
                {f.publishAt !== null && !f.published ? (
                  <Text className='ma-tool' id='notice-publish-now' onClick={() => set({ publishAt: null })}>
                    改为立即发布
                  </Text>
                ) : null}
                {f.expiresAt !== null ? (
                  <Text className='ma-tool' id='notice-no-expiry' onClick={() => set({ expiresAt: null })}>
                    不设下线时间
                  </Text>
                ) : null}
              </View>
            ) : null}
          </Section>

          {Object.keys(errors).length > 0 ? <FieldErrorsNotice errors={errors} then={f.id ? '保存' : '创建'} /> : error ? <Notice tone='danger'>{error.message}</Notice> : null}
          <ActionBar>
            <Button id='notice-save' type='primary' block loading={busy} disabled={uploading} onClick={() => void save()}>
              {f.id ? '保存修改' : f.publishAt && f.publishAt > Date.now() ? '定时发布' : '立即发布'}
            </Button>
          </ActionBar>
        </>
      )}
    </PageShell>
  )
}
