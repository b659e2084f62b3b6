// What @tarojs/components-react is in jest (jest.config.js): its plain React DOM components, without the Stencil
// ones its index also loads. Only these are plain React there; the app sticks to them so screen readers get
// real DOM semantics (docs/decisions.md). src/components/h5-elements.ts replaces View and Text, in jest as on H5.
export { default as Button } from '@tarojs/components-react/dist/components/button/index.js'
export { default as Icon } from '@tarojs/components-react/dist/components/icon/index.js'
export { default as Image } from '@tarojs/components-react/dist/components/image/index.js'
export { default as Input } from '@tarojs/components-react/dist/components/input/index.js'
export { default as Picker } from '@tarojs/components-react/dist/components/picker/index.js'
export { default as ScrollView } from '@tarojs/components-react/dist/components/scroll-view/index.js'
export { default as Text } from '@tarojs/components-react/dist/components/text/index.js'
export { default as View } from '@tarojs/components-react/dist/components/view/index.js'
