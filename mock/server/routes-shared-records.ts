// Records departments share about a deceased (公民身后事), for an applicant with standing only. The standing rule
// and its message are the domain's (domain/deceased.ts), as the app uses them; an unknown death and a death the
// applicant has no standing for get the same reply, so nobody learns from it whether someone has died.
import { createHash } from 'node:crypto'
import { DECEASED_RECORD_REFUSAL, deceasedIdNumberProblem, deceasedRecordStanding, type FamilyTies } from '../../src/domain/deceased'
import { toBeijingDate } from '../../src/domain/calendar'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import type { PrefillData } from '../../src/domain/engine'
import { DeceasedRecordRequestSchema } from '../../src/services/contract-schema'
import type { SharedRecordResponse } from '../../src/services/contract'
import { DEATH_REGISTER, type DeathRecordFixture } from '../fixtures/deceased'
import { auditBy } from './assist'
import { me, type Core, type Route } from './core'
import { fail, json } from './http'
import { parseBody } from './input'
import type { UserRecord } from './state'

const KIND = 'deceased'

/** What the platform knows of the applicant's family: their own 户口簿 and 结婚证 (its own records, not shared). */
function tiesOf(user: UserRecord): FamilyTies {
  const data = (kind: string) => user.licences.find((l) => l.kind === kind)?.data
  return { householdNumber: data('household')?.householdNumber, spouseIdNumber: data('marriage')?.spouseIdNumber }
}

/**
 * The handle a draft keeps: derived from the applicant and the deceased, so it survives a restart without a
 * table, carries no ID number, and opens nothing for anyone else (standing is checked again on every use).
 */
const handleOf = (userId: string, idNumber: string) => `sr-${createHash('sha256').update(`${KIND}|${userId}|${idNumber}`).digest('base64url').slice(0, 24)}`

function shared(core: Core, user: UserRecord, d: DeathRecordFixture): SharedRecordResponse | undefined {
  const standing = deceasedRecordStanding(tiesOf(user), { idNumber: d.idNumber, householdNumber: d.householdNumber })
  const info = core.catalogue.sharedRecordKind(KIND)
  if (!standing.ok || !info) return undefined
  const records: SharedRecordResponse['records'] = {}
  for (const [key, value] of Object.entries(d.records)) {
    const field = info.fields[key]
    if (field) records[key] = { value, source: field.source }
  }
  return { handle: handleOf(user.profile.userId, d.idNumber), kind: KIND, subject: maskName(d.name), subjectIdNumber: maskIdNumber(d.idNumber), basis: standing.basis, records }
}

/** Who read which deceased's records on what tie: a row of the platform's audit (no living person's data is read). */
function auditLookup(core: Core, user: UserRecord, r: SharedRecordResponse, route: string): void {
  auditBy(core, user, { citizenIds: [], basis: 'family', action: 'read', what: `查看逝者${r.subject}的共享记录`, record: r.subjectIdNumber, purpose: `公民身后事（${r.basis}）`, route })
}

/** The records a draft's handle opens for this applicant, or nothing (no standing any more, unknown handle). */
export function sharedRecordOf(core: Core, user: UserRecord, handle: string): SharedRecordResponse | undefined {
  const d = DEATH_REGISTER.find((x) => handleOf(user.profile.userId, x.idNumber) === handle)
  return d && shared(core, user, d)
}

/** The shared records as the engine reads them (PrefillData.records). */
export function sharedPrefill(r: SharedRecordResponse | undefined): PrefillData['records'] {
  return r ? { [r.kind]: r.records } : {}
}

export function sharedRecordRoutes(core: Core): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/shared-records/deceased',
      auth: 'citizen',
      body: 'json',
      handler(ctx) {
        const u = me(ctx)
        const req = parseBody(DeceasedRecordRequestSchema, ctx.body)
        const problem = deceasedIdNumberProblem(req.idNumber, u.profile.idNumber, toBeijingDate(new Date(core.now()).toISOString()))
        if (problem) return fail('VALIDATION', problem, { fieldErrors: { idNumber: problem } })
        const id = req.idNumber.trim().toUpperCase()
        const d = DEATH_REGISTER.find((x) => x.idNumber === id)
        const r = d && shared(core, u, d)
        if (!r) return fail('NOT_FOUND', DECEASED_RECORD_REFUSAL)
        auditLookup(core, u, r, 'POST /shared-records/deceased')
        return json(200, r)
      },
    },
    {
      method: 'GET',
      pattern: '/shared-records/:handle',
      auth: 'citizen',
      handler(ctx) {
        const u = me(ctx)
        const r = sharedRecordOf(core, u, ctx.params.handle)
        if (!r) return fail('NOT_FOUND', DECEASED_RECORD_REFUSAL)
        auditLookup(core, u, r, 'GET /shared-records/:handle')
        return json(200, r)
      },
    },
  ]
}
