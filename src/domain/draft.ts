// What a citizen has given so far for one bundle. Saved locally, synced to the platform, submitted as is.
import type { Answers, ApplicantKind, Delivery, LicenceKind, RegionCode } from './template/types'

export type MaterialChoice =
  | { mode: 'licence' } // A: the platform's e-licence, used after consent
  | { mode: 'in-bundle' } // produced by an earlier matter of this bundle
  | { mode: 'shared' } // B: the departments fetch the data themselves (format 1 called it 'window')
  | { mode: 'original' } // the original is checked at the window (a visit)
  | { mode: 'upload'; fileIds: string[]; verified?: WindowVerification } // C (B once staff saw the original)
  | { mode: 'promise'; agreedAt: string } // D: 告知承诺, ISO time of agreement
  | { mode: 'defer'; reason?: string; acceptedBy?: StaffStamp } // 容缺: supplied later (at a window: why)

export type MaterialMode = MaterialChoice['mode']

/** Which window did something, as the platform records it (never what a client claims). */
export interface StaffStamp {
  staffName: string
  hallName: string
  window?: string
}

/** 原件已核验: window staff saw the original of an uploaded (scanned) material; when, and (recorded by the platform) who. */
export interface WindowVerification {
  at: string
  by?: StaffStamp
}

export interface DeliveryChoice {
  method: Delivery
  /** ems */
  address?: { recipient: string; mobile: string; region: RegionCode; detail: string }
  /** pickup */
  hallId?: string
}

/** Who is filing for whom. The journey is the same whoever acts. */
export interface ActingFor {
  /** self = the applicant; staff = 帮代办 window staff; relative = 亲情帮办 */
  actor: 'self' | 'staff' | 'relative'
  /** a proxy may promise (告知承诺) only with explicit written authorisation */
  promiseAuthorised: boolean
  authorisationId?: string
}

/** One item of a repeatable group (a 股东): a key that stays when others are removed, and its values. */
export interface GroupItem {
  key: string
  values: Record<string, string>
}

export interface DraftContent {
  bundleId: string
  /** template version the draft was made on */
  templateVersion: number
  region: RegionCode
  applicantKind: ApplicantKind
  /** 统一社会信用代码 of the firm the person files for (法定代表人 or 经办人); absent: for themselves */
  firm?: string
  answers: Answers
  /** form field values by field id, as typed (strings) */
  values: Record<string, string>
  /**
   * material choices by material id; a material needed once per item of a repeatable group is keyed
   * `${materialId}~${itemKey}`
   */
  materials: Record<string, MaterialChoice>
  /** repeatable groups: items by group id */
  items?: Record<string, GroupItem[]>
  delivery?: DeliveryChoice
  handling?: 'online' | 'offline'
  /**
   * records the platform shared with the applicant for this draft (a deceased's, 公民身后事): the platform's
   * opaque handle, never the deceased's ID number. The platform rechecks standing each time it is used.
   */
  sharedRecord?: string
}

/** Facts about the applicant the engine needs; the current time is always passed in. */
export interface GuidanceContext {
  region: RegionCode
  applicantKind: ApplicantKind
  /** e-licences the applicant holds on the platform */
  licences: LicenceKind[]
  /** ISO time; the engine never reads the clock */
  now: string
  acting?: ActingFor
  /** serious bad credit or an earlier false promise: 告知承诺 not available (Profile.promiseBarred) */
  promiseBarred?: boolean
  /**
   * e-licences the applicant agreed to use. Given, a material met by an e-licence needs this consent and only
   * these prefill the form; absent (the template checker), consent is not judged.
   */
  consented?: LicenceKind[]
  /** kind of the signed-in account, when known: a person's account cannot file as a firm */
  accountKind?: ApplicantKind
  /** the service halls (GET /regions) where a result may be collected; absent: not judged */
  halls?: { id: string; name: string }[]
  /** the region's name, for texts that say `{地区}` */
  regionName?: string
  /** names of e-licence kinds (GET /licence-kinds), for texts; the kind's id otherwise */
  licenceNames?: Record<string, { name: string; shortName?: string }>
  /** several parties: who has confirmed the application as it stands now */
  confirmations?: PartyConfirmation[]
}

/** A co-applicant's confirmation of the application as it stands (it lapses when the content changes). */
export interface PartyConfirmation {
  party: string
  /** masked name of who confirmed, e.g. 李*华 */
  name: string
  at: string
}
