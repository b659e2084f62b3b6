// Records departments share about a deceased (公民身后事), for an applicant with standing only: the lookup the
// routes (routes-shared-records.ts) and the case checks (cases.ts) share. The standing rule is the domain's
// (domain/deceased.ts), as the app uses it.
import { createHash } from 'node:crypto'
import { deceasedRecordStanding, type FamilyTies } from '../../src/domain/deceased'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import type { SharedRecordResponse } from '../../src/services/contract'
import { DEATH_REGISTER, type DeathRecordFixture } from '../fixtures/deceased'
import { auditBy } from './assist'
import type { Core } from './core'
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

export function shared(core: Core, user: UserRecord, d: DeathRecordFixture): SharedRecordResponse | undefined {
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
export function auditLookup(core: Core, user: UserRecord, r: SharedRecordResponse, route: string): void {
  auditBy(core, user, { citizenIds: [], basis: 'family', action: 'read', what: `查看逝者${r.subject}的共享记录`, record: r.subjectIdNumber, purpose: `公民身后事（${r.basis}）`, route })
}

/** The records a draft's handle opens for this applicant, or nothing (no standing any more, unknown handle). */
export function sharedRecordOf(core: Core, user: UserRecord, handle: string): SharedRecordResponse | undefined {
  const d = DEATH_REGISTER.find((x) => handleOf(user.profile.userId, x.idNumber) === handle)
  return d && shared(core, user, d)
}

/** The death on the register with this ID number (already checked for form), if any. */
export const deathOf = (idNumber: string): DeathRecordFixture | undefined => DEATH_REGISTER.find((x) => x.idNumber === idNumber)
