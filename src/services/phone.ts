// Calling a number (12345, a department's line). H5: a `tel:` address, which is all Taro's H5 makePhoneCall does,
// without its API module in each page's chunk (the home page's first load among them); WeChat: phone.weapp.ts.
export function callPhone(phoneNumber: string): void {
  window.location.href = `tel:${phoneNumber}`
}
