import Glibc

/// The one place that turns a C system call's failure into a thrown ``SystemError``.
///
/// A signal that arrives while a call blocks makes it fail with `EINTR` although nothing is wrong,
/// so every call is repeated until it returns something else; doing that here, once, keeps the
/// retry out of every caller. `close` is the exception and does not come here: on Linux the
/// descriptor is gone even when `close` reports `EINTR`, so retrying could close someone else's.
enum SystemCall {
  /// Runs `body` until it returns something other than `-1`-with-`EINTR`.
  ///
  /// - Returns: the call's result when it is not `-1`.
  /// - Throws: `SystemError(call: name, errno:)` when it returns `-1` for any other reason.
  @discardableResult
  static func run<Result: FixedWidthInteger & SignedInteger>(
    _ name: String, _ body: () -> Result
  ) throws(SystemError) -> Result {
    while true {
      let result = body()
      if result != -1 { return result }
      // errno is per thread, and nothing runs between the call and this read.
      let code = errno
      if code != EINTR { throw SystemError(call: name, errno: code) }
    }
  }
}
