// WeChat: the home page's later parts come with the package (lazy.tsx loads them late on H5).
export { ElderHomeScreen } from '@/components/screens/ElderHomeScreen'
export { RegionPicker } from '@/components/RegionPicker'
