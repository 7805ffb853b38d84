import Foundation

/// Signal set-up for the walkthrough.
enum InterruptHandling {
  /// Ignores SIGPIPE (a closed reader shows up as EPIPE, handled where we write) and makes
  /// Ctrl-C leave the terminal as it was: colours reset, cursor on a fresh line.
  static func install() {
    signal(SIGPIPE, SIG_IGN)
    // Only a terminal can be left coloured; a file or pipe keeps the default Ctrl-C.
    guard isatty(STDOUT_FILENO) == 1 else { return }
    signal(SIGINT) { _ in
      // Only async-signal-safe calls here: write and _exit.
      let reset: StaticString = "\u{1B}[0m\n"
      _ = Foundation.write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
      _exit(130)
    }
  }
}
