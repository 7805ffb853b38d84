import Glibc

/// Signal set-up for the walkthrough.
enum InterruptHandling {
  /// Ignores SIGPIPE (a closed reader shows up as EPIPE, handled where we write) and makes
  /// Ctrl-C leave the terminal as it was: colours reset, cursor on a fresh line.
  static func install() {
    ignoreBrokenPipes()
    // Only a terminal can be left coloured; a file or pipe keeps the default Ctrl-C.
    guard isatty(STDOUT_FILENO) == 1 else { return }
    signal(SIGINT) { _ in
      // Only async-signal-safe calls here: write and _exit.
      let reset: StaticString = "\u{1B}[0m\n"
      _ = Glibc.write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
      _exit(130)
    }
  }

  /// A closed reader or peer shows up as EPIPE where we write, instead of killing the process.
  static func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }
}
