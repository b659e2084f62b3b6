// 在线咨询's addresses: their own module, so the pages that link there carry them and the first load does not.

/** 在线咨询: asking (about `bundleId` when given) and 我的咨询. */
export function consultUrl(bundleId?: string): string {
  return `/pages/account/consult/index${bundleId ? `?bundle=${encodeURIComponent(bundleId)}` : ''}`
}

/** One question with its answer: only its id in the URL. */
export function questionUrl(questionId: string): string {
  return `/pages/account/question/index?id=${encodeURIComponent(questionId)}`
}
