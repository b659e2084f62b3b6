// Stands in for a polyfill every target browser already has (see config/index.ts, H5_STUBS).
