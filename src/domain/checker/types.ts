// What the guide-template checker reports. Messages are Chinese, like parseTemplate's.
import type { LicenceKindInfo, SharedRecordKindInfo } from '../template/types'

export interface CheckIssue {
  /** the file as the caller named it */
  file: string
  /** JSON path into the template, e.g. $.matters[3].materials[1].ref */
  path: string
  message: string
  /** a warning is printed but does not fail the check */
  severity?: 'warning'
}

/** A region of the platform's list (regions.json): the checker walks district codes too. */
export interface RegionNode {
  code: string
  children?: RegionNode[]
}

export interface WalkStats {
  /** (region, applicant kind) pairs walked */
  contexts: number
  /** region codes of the platform's list the bundle is offered in, each standing in one walked group */
  regionCodes?: number
  /** complete answer paths, summed over contexts */
  paths: number
  /** distinct outcomes (rule truth signatures), i.e. engine evaluations */
  outcomes: number
}

export interface TemplateCheck {
  file: string
  bundleId?: string
  version?: number
  name?: string
  issues: CheckIssue[]
  /** absent when the walk did not run (schema or reference errors, or too many paths) */
  walk?: WalkStats
  /** why the walk did not run */
  walkSkipped?: string
}

export interface CatalogueEntry {
  file: string
  /** raw file text; parsed here so a syntax error is reported like any other issue */
  text: string
}

export interface CheckOptions {
  /** ids of every bundle in the catalogue, for stop.otherBundleId; skipped when absent */
  catalogueIds?: ReadonlySet<string>
  /** the platform's e-licence kinds (licences.json); kinds and prefill keys unchecked when absent */
  licenceKinds?: readonly LicenceKindInfo[]
  /** records shared about someone else (shared-records.json); question prefill from them unchecked when absent */
  sharedRecordKinds?: readonly SharedRecordKindInfo[]
  /** the platform's regions (regions.json): every district the template is offered in is walked */
  regions?: readonly RegionNode[]
  /** cap on answer paths (summed over contexts); default 200 000 */
  maxPaths?: number
  /** the walk's "now" for deadlines; a fixed date inside the holiday table */
  now?: string
  /**
   * Call the engine once per distinct outcome (default) instead of once per path. The engine's
   * output is a function of the rule truths in the signature, so both prove the same; tests compare them.
   */
  memo?: boolean
}

export const DEFAULT_MAX_PATHS = 200_000
export const DEFAULT_NOW = '2025-03-03T09:00:00+08:00'
