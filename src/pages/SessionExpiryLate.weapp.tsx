// WeChat: the sign-in expiry notice comes with the package (SessionExpiryLate.tsx loads it late on H5).
export { SessionExpiry } from './SessionExpiry'
