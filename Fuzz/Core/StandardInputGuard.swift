import Glibc
import Synchronization

/// Catches code that reads standard input while it handles a stranger's bytes.
///
/// A fuzz executable's standard input becomes a pipe holding one byte, its write end closed:
/// a read takes the byte (and then sees end of input, so it never blocks), and the check after
/// each input finds the byte gone. This is how OpenSSL's PEM pass-phrase prompt shows up: with
/// no terminal it reads a line from standard input, and its own signal handlers cut any wait
/// short, so the run would neither hang nor crash by itself. (With a terminal it prompts there;
/// scripts/fuzz in CI and the regression test have none.)
enum StandardInputGuard {
  private static let installed = Mutex(false)

  /// Replaces standard input, once per process; does nothing if a pipe cannot be made.
  static func install() {
    installed.withLock { installed in
      guard !installed else { return }
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { return }
      defer {
        close(ends[0])
        close(ends[1])
      }
      var byte: UInt8 = 0x0a
      guard write(ends[1], &byte, 1) == 1, dup2(ends[0], STDIN_FILENO) == STDIN_FILENO else {
        return
      }
      installed = true
    }
  }

  /// Stops the process if standard input's byte is gone.
  static func check(after target: String) {
    guard installed.withLock({ $0 }) else { return }
    var waiting: Int32 = 0
    invariant(
      ioctl(STDIN_FILENO, UInt(FIONREAD), &waiting) == 0 && waiting == 1,
      "\(target): the input made the code read standard input (a pass-phrase prompt?)")
  }
}
