// Taro's component styles come with the mini-program runtime; on H5 see taro-styles.h5.ts.
export {}
