// WeChat: the QR code comes with the package (QrCode.tsx loads it late on H5).
export { QrImage as QrCode } from './QrImage'
