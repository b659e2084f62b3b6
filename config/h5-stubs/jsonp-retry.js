// Stands in for Taro's JSONP client on H5 (see config/index.ts, H5_STUBS): the app never sets `jsonp`.
module.exports = function jsonpRetry() {
  return Promise.reject(new Error('JSONP is not supported in this app'))
}
module.exports.default = module.exports
