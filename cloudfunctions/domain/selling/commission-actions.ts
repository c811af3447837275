import { TRAINING_LINE_LABELS } from '../../contracts/training-labels'
import type { sellingCommissionContracts } from '../../contracts/selling-commission'
import { shanghaiMonth } from '../../contracts/shanghai'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { percentToBp } from './commission-math'
import { statementLines, statementRow, statementRows } from './commission-views'
import type { CommissionRuleDoc } from './docs'
import { ruleId } from './rules'
import { buildStatements as build } from './statements'

type C = typeof sellingCommissionContracts

function ruleView(r: CommissionRuleDoc, refTitle: string, updatedByName: string) {
  return { id: r._id, scope: r.scope, refId: r.refId, refTitle, mode: r.mode, bp: r.bp, fixedFen: r.fixedFen, touch: r.touch, updatedAt: r.updatedAt, updatedByName }
}

function lineTitle(refId: string): string {
  return refId === 'presale' || refId === 'service' ? TRAINING_LINE_LABELS[refId] : refId
}

/** One rule per campaign or line, replaced by a later save; earned commission keeps the rule it was earned on. */
export const saveRule: ActionHandler<C['saveRule']> = async ({ ports, actor }, input) => {
  const { communityId } = actor
  let refTitle = lineTitle(input.refId)
  if (input.scope === 'campaign') {
    const campaign = await ports.store.get('campaigns', input.refId)
    if (!campaign || campaign.communityId !== communityId) {
      return fail('SELLING.CAMPAIGN_NOT_FOUND', '预售不存在或不属于本社区', [{ path: 'refId', label: '适用对象', message: '本社区没有这个预售' }])
    }
    refTitle = campaign.title
  }
  const now = ports.clock.now()
  const doc: CommissionRuleDoc = {
    _id: ruleId(communityId, input.scope, input.refId),
    communityId,
    scope: input.scope,
    refId: input.refId,
    mode: input.mode,
    bp: input.mode === 'percent' ? percentToBp(input.percent ?? 0) : 0,
    fixedFen: input.mode === 'fixed' ? (input.fixedFen ?? 0) : 0,
    touch: input.touch,
    createdAt: now,
    updatedBy: actor.user._id,
    updatedAt: now
  }
  const inserted = await ports.store.insert('commissionRules', doc)
  if (!inserted.ok) {
    // The first save's time stays: it decides which orders the rule covers.
    const { _id, createdAt: _created, ...set } = doc
    await ports.store.update('commissionRules', _id, { set })
  }
  return ok(ruleView(doc, refTitle, actor.user.nickname))
}

export const rules: ActionHandler<C['rules']> = async ({ ports, actor }) => {
  const all = await findAll(ports.store, 'commissionRules', { communityId: actor.communityId })
  const [campaigns, users] = await Promise.all([
    getMany(ports.store, 'campaigns', all.filter((r) => r.scope === 'campaign').map((r) => r.refId)),
    getMany(ports.store, 'users', all.map((r) => r.updatedBy))
  ])
  const items = [...all]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((r) => ruleView(r, r.scope === 'campaign' ? (campaigns.get(r.refId)?.title ?? '已删除的预售') : lineTitle(r.refId), users.get(r.updatedBy)?.nickname ?? ''))
  return ok({ items })
}

export const buildStatements: ActionHandler<C['buildStatements']> = async ({ ports, actor }, input) => {
  if (input.month > shanghaiMonth(ports.clock.now())) {
    return fail('SELLING.MONTH_NOT_STARTED', '该月份还没开始，不能结算', [{ path: 'month', label: '月份', message: '请选择本月或之前的月份' }])
  }
  const report = await build(ports, actor.communityId, input.month)
  return ok({ month: input.month, ...report })
}

export const statements: ActionHandler<C['statements']> = async ({ ports, actor }, input) => {
  const found = await findAll(ports.store, 'commissionStatements', { communityId: actor.communityId, month: input.month, status: input.status })
  return ok({ items: await statementRows(ports, found.sort((a, b) => b.totalFen - a.totalFen || a._id.localeCompare(b._id))) })
}

const statementNotFound = () => fail('SELLING.STATEMENT_NOT_FOUND', '结算单不存在', [{ path: 'id', label: '结算单', message: '没有这张结算单' }])

/** Operators see the community's statements; a butler only their own. */
export const statement: ActionHandler<C['statement']> = async ({ ports, actor }, input) => {
  const [s, entries] = await Promise.all([
    ports.store.get('commissionStatements', input.id),
    findAll(ports.store, 'commissionEntries', { statementId: input.id })
  ])
  if (!s || s.communityId !== actor.communityId) return statementNotFound()
  if (!actor.roles.includes('operator') && s.butlerUserId !== actor.user._id) return statementNotFound()
  const [[row], lines] = await Promise.all([statementRows(ports, [s]), statementLines(ports, entries)])
  if (!row) return statementNotFound()
  return ok({ ...row, lines })
}

export const myStatements: ActionHandler<C['myStatements']> = async ({ ports, actor }) => {
  const mine = await ports.store.find('commissionStatements', {
    where: { butlerUserId: actor.user._id },
    orderBy: [{ field: 'month', dir: 'desc' }],
    limit: 36
  })
  return ok({ items: mine.filter((s) => s.communityId === actor.communityId).map((s) => statementRow(s, actor.user.nickname)) })
}

export const commissionHandlers = { saveRule, rules, buildStatements, statements, statement, myStatements }
