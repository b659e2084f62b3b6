// WeChat: nothing waits for the first paint (first-paint.ts is the H5 reason to).
export const afterFirstPaint = (): Promise<void> => Promise.resolve()
