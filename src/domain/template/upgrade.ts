// Template format 1 → 2, on the JSON before the schema sees it. A format-2 template comes back as it is, so
// upgrading twice is upgrading once. What format 2 adds is optional except provenance, which format 1 did not
// have: every matter code, phone number, fee and threshold of a format-1 template is marked a sample, the only
// honest default. Format 1's `windowVerified` (verified earlier, or shared by departments) becomes `shared`.
const SAMPLE = { sample: true } as const

type Json = Record<string, unknown>
const isObject = (x: unknown): x is Json => !!x && typeof x === 'object' && !Array.isArray(x)
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : [])

function upgradeMaterial(m: unknown): unknown {
  if (!isObject(m) || !('windowVerified' in m)) return m
  const { windowVerified, ...rest } = m
  return windowVerified === true ? { ...rest, shared: { by: '部门共享或窗口已核验的信息' } } : rest
}

function upgradeMatter(m: unknown): unknown {
  if (!isObject(m)) return m
  return {
    ...m,
    fees: list(m.fees).map((f) => (isObject(f) && !('provenance' in f) ? { ...f, provenance: SAMPLE } : f)),
    ...('provenance' in m ? {} : { provenance: { baseCode: SAMPLE, contacts: SAMPLE } }),
  }
}

export function upgradeTemplateJson(json: unknown): unknown {
  if (!isObject(json) || json.schemaVersion !== 1) return json
  const out: Json = { ...json, schemaVersion: 2, materials: list(json.materials).map(upgradeMaterial), matters: list(json.matters).map(upgradeMatter) }
  if (isObject(json.params))
    out.params = Object.fromEntries(Object.entries(json.params).map(([k, p]) => [k, isObject(p) && !('provenance' in p) ? { ...p, provenance: SAMPLE } : p]))
  return out
}
