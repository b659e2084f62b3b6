// A bundle's guide template can be republished while a citizen is mid-way (a new version in the catalogue).
// Before submitting, and when resuming a draft, the app asks the platform for the newest version; when it is
// newer than the draft's, the engine's migration (src/domain/migrate.ts) says what carries forward and what
// is dropped. The citizen sees that, with what the new version still needs, and confirms before anything
// changes; the draft is then carried forward to the new version.
import type { BundleTemplate, DraftContent, GuidanceContext, PrefillData } from '@/domain'
import { guide } from '@/domain/engine'
import { migrateDraft, type DroppedItem } from '@/domain/migrate'
import type { CatalogueStore } from './catalogue'
import type { DraftStore, JourneyPlace, LocalDraft } from './draft'
import { furthestPlace, summaryText } from './journey'

export interface TemplateUpgrade {
  draftId: string
  bundleName: string
  fromVersion: number
  toVersion: number
  /** the draft's `updatedAt` the plan was made from: a draft changed since needs a new plan */
  basedOn: string
  /** answers, values, materials or the delivery choice that do not carry forward, with label and reason */
  dropped: DroppedItem[]
  /** the draft on the new version */
  content: DraftContent
  mattersAdded: string[]
  mattersRemoved: string[]
  /** 需办理 N 个事项… on the old and the new version */
  summaryBefore: string
  summaryAfter: string
  /** what the new version still needs from the citizen (question texts, field labels, material names) */
  needed: string[]
  /** the first step with something needed; undefined when the draft can be submitted as it is */
  resumeAt?: JourneyPlace
}

/** What moving the draft to `next` means, or undefined when `next` is not newer than the draft's version. */
export function planUpgrade(draft: Pick<LocalDraft, 'id' | 'content' | 'updatedAt'>, old: BundleTemplate, next: BundleTemplate, ctx: GuidanceContext, prefill?: PrefillData): TemplateUpgrade | undefined {
  if (next.version <= draft.content.templateVersion || next.id !== draft.content.bundleId) return undefined
  const { draft: content, dropped } = migrateDraft(draft.content, next, old)
  const before = guide(old, draft.content, ctx, prefill)
  const after = guide(next, content, ctx, prefill)
  const oldMatters = new Set(before.matters.map((m) => m.id))
  const newMatters = new Set(after.matters.map((m) => m.id))

  const needed: string[] = []
  for (const q of after.questions.visible) if (!q.answered) needed.push(q.question.text)
  for (const f of after.fields.all) if (f.error && !f.prefill) needed.push(f.field.label)
  for (const m of after.materials) if (m.error) needed.push(m.material.name)
  if (after.delivery.error) needed.push('领取方式')
  const reviewReady = after.journey.find((s) => s.id === 'review')?.canVisit ?? false

  return {
    draftId: draft.id,
    bundleName: next.name,
    fromVersion: draft.content.templateVersion,
    toVersion: next.version,
    basedOn: draft.updatedAt,
    dropped,
    content,
    mattersAdded: after.matters.filter((m) => !oldMatters.has(m.id)).map((m) => m.matter.name),
    mattersRemoved: before.matters.filter((m) => !newMatters.has(m.id)).map((m) => m.matter.name),
    summaryBefore: summaryText(before.summary),
    summaryAfter: summaryText(after.summary),
    needed,
    resumeAt: needed.length || !reviewReady || after.stop ? furthestPlace(after) : undefined,
  }
}

/**
 * Carries the draft forward as planned. False (nothing changed) when the draft changed after the plan was
 * made, is no longer open, or has a submission under way: a submission that may have landed is settled with
 * its own content first (no plan is offered for such a draft).
 */
export function applyUpgrade(drafts: DraftStore, plan: TemplateUpgrade): boolean {
  const d = drafts.getState().drafts[plan.draftId]
  if (!d || d.status !== 'open' || d.pending || d.updatedAt !== plan.basedOn) return false
  const dropped = new Set(plan.dropped.filter((x) => x.kind === 'material').map((x) => x.id))
  drafts.getState().replaceContent(plan.draftId, plan.content)
  // names of files given for a dropped material go with it
  const files = Object.fromEntries(Object.entries(d.files).filter(([, f]) => !dropped.has(f.materialId)))
  drafts.setState((s) => (s.drafts[plan.draftId] ? { drafts: { ...s.drafts, [plan.draftId]: { ...s.drafts[plan.draftId], files } } } : s))
  return true
}

export type UpgradeCheck = (draftId: string) => Promise<TemplateUpgrade | undefined>

export interface UpgradeCheckDeps {
  drafts: DraftStore
  catalogue: CatalogueStore
  /** the applicant's context and prefill data, as the journey pages compute them */
  context: (draft: LocalDraft) => { ctx: GuidanceContext; prefill?: PrefillData }
}

/**
 * Asks the platform for the bundle's newest version (an ETag makes this cheap) and plans the move when it is
 * newer. Undefined when there is nothing newer, or when the platform cannot say (offline): the draft's own
 * version stays valid on the platform, which keeps every published version.
 */
export function createUpgradeCheck(deps: UpgradeCheckDeps): UpgradeCheck {
  return async (draftId) => {
    const d = deps.drafts.getState().drafts[draftId]
    // a submission under way is settled with the content it was sent with
    if (!d || d.status !== 'open' || d.pending) return undefined
    const cat = deps.catalogue.getState()
    const next = await cat.loadTemplate(d.content.bundleId)
    if (!next || next.version <= d.content.templateVersion) return undefined
    const old = await cat.loadTemplate(d.content.bundleId, d.content.templateVersion)
    const now = deps.drafts.getState().drafts[draftId]
    if (!old || !now || now.status !== 'open' || now.pending) return undefined
    const { ctx, prefill } = deps.context(now)
    return planUpgrade(now, old, next, ctx, prefill)
  }
}
