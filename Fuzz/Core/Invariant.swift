/// Stops the process with `message` unless `condition` holds: a fuzz target's check.
///
/// `precondition` would do, but an optimized build (scripts/fuzz builds with -O) drops its
/// message; `fatalError` prints it, so a crash report says which check failed and why.
func invariant(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}
