// The files of @tarojs/components-react the H5 build and jest import one by one (the package types only its index).
declare module '@tarojs/components-react/dist/components/*' {
  const component: React.ComponentType<any>
  export default component
}
