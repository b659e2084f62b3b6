// Check characters of 居民身份证号码 (GB 11643, ISO 7064 MOD 11-2) and 统一社会信用代码 (GB 32100, MOD 31):
// every generated valid code validates, and changing any one character makes it invalid.
import * as fc from 'fast-check'
import { idNumberCheckChar, usccCheckChar, validateIdNumber, validateUscc } from '@/domain/validators'

const TODAY = '2026-11-27'
const DAY_MS = 86_400_000
const FIRST_BIRTH = Date.UTC(1900, 0, 1)
const LAST_BIRTH = Date.parse(`${TODAY}T00:00:00Z`)
const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''))

const validId = fc
  .tuple(
    fc.integer({ min: 1, max: 8 }),
    digits(5),
    fc.integer({ min: 0, max: (LAST_BIRTH - FIRST_BIRTH) / DAY_MS }).map((i) => new Date(FIRST_BIRTH + i * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '')),
    digits(3),
  )
  .map(([first, region, birth, sequence]) => {
    const first17 = `${first}${region}${birth}${sequence}`
    return first17 + idNumberCheckChar(first17)
  })

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const usccChar = fc.constantFrom(...USCC_CHARS)
const validUscc = fc.array(usccChar, { minLength: 17, maxLength: 17 }).map((cs) => {
  const first17 = cs.join('')
  return first17 + usccCheckChar(first17)
})

/** `code` with the character at `at` replaced by another one of `alphabet`. */
function changeOne(code: string, alphabet: string) {
  return fc.tuple(fc.integer({ min: 0, max: code.length - 1 }), fc.integer({ min: 1, max: alphabet.length - 1 })).map(([at, shift]) => {
    const replacement = alphabet[(alphabet.indexOf(code[at]) + shift) % alphabet.length]
    return code.slice(0, at) + replacement + code.slice(at + 1)
  })
}

describe('居民身份证号码', () => {
  test('a generated number validates, with its birth date and sex', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = validateIdNumber(id, { today: TODAY })
        const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female'
        expect(r).toMatchObject({ ok: true, value: id, birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, sex })
      }),
    )
  })

  test('any single character changed (digit for digit, or the check character to another) is refused', () => {
    fc.assert(
      fc.property(
        validId.chain((id) => changeOne(id, '0123456789X')),
        (changed) => {
          expect(validateIdNumber(changed, { today: TODAY }).ok).toBe(false)
        },
      ),
    )
  })
})

describe('统一社会信用代码', () => {
  test('a generated code validates', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(validateUscc(code)).toMatchObject({ ok: true, value: code })
      }),
    )
  })

  test('any single character changed to another of the code set is refused when typed, warned when external', () => {
    fc.assert(
      fc.property(
        validUscc.chain((code) => changeOne(code, USCC_CHARS)),
        (changed) => {
          expect(validateUscc(changed).ok).toBe(false)
          expect(validateUscc(changed, { origin: 'external' })).toMatchObject({ ok: true, warning: expect.stringContaining('校验位') })
        },
      ),
    )
  })
})
