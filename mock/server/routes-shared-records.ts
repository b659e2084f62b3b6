// The routes to the records departments share about a deceased (公民身后事; the lookup: shared-records.ts). The
// ID number's check and the refusal are the domain's (domain/deceased.ts), as the app uses them; an unknown death
// and a death the applicant has no standing for get the same reply, so nobody learns from it whether someone has died.
import { DECEASED_RECORD_REFUSAL, deceasedIdNumberProblem } from '../../src/domain/deceased'
import { toBeijingDate } from '../../src/domain/calendar'
import { DeceasedRecordRequestSchema } from '../../src/services/contract-schema'
import { me, type Core, type Route } from './core'
import { fail, json } from './http'
import { parseBody } from './input'
import { auditLookup, deathOf, shared, sharedRecordOf } from './shared-records'

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
        const d = deathOf(id)
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
