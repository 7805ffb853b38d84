#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the operating system says about the standard streams.
///
/// The only place that asks; `TerminalSettings` makes the decisions from these answers, so the
/// decisions can be tested without a terminal.
public enum TerminalDevice {
  /// Whether the file descriptor `fd` is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
  }

  /// Whether standard output is a terminal (and not a pipe or a file).
  public static var standardOutputIsTerminal: Bool {
    isTerminal(STDOUT_FILENO)
  }

  /// Whether standard input is a terminal; `--step` reads lines differently when it is not.
  public static var standardInputIsTerminal: Bool {
    isTerminal(STDIN_FILENO)
  }

  /// The width of the terminal on standard output, in columns.
  ///
  /// Nil when standard output is not a terminal, or when the terminal reports 0 columns (some
  /// pseudo-terminals do before they are sized), so the caller falls back to `COLUMNS`.
  public static func currentTerminalColumns() -> Int? {
    var size = winsize()
    let result = withUnsafeMutablePointer(to: &size) { pointer in
      ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), pointer)
    }
    guard result == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
