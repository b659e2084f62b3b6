// 朗读 on H5: the browser's speech synthesis in Mandarin (zh-CN). WeChat has none (speech.weapp.ts): the button
// is not shown there, nor in a browser without speech synthesis.
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined'
}

/** Reads `text` aloud, stopping whatever was being read. */
export function speak(text: string): void {
  if (!canSpeak()) return
  window.speechSynthesis.cancel()
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = 'zh-CN'
  // a little slower than the default: easier to follow for older listeners
  utterance.rate = 0.9
  window.speechSynthesis.speak(utterance)
}
