import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What a signal handler needs to give the terminal back: the saved modes, the bytes that leave
/// the full screen, and the line that says where the user was.
///
/// Signal handlers may only make async-signal-safe calls (`tcsetattr`, `write`, `sigaction`,
/// `raise`), so everything is prepared beforehand in fixed buffers and plain globals; nothing
/// here allocates or locks once `prepare` has run. A handler may run on any thread (Ctrl-Z on
/// one, the SIGCONT after `fg` on another), so the one flag they share is atomic, and each
/// handler leaves `errno` as it found it for the code it interrupted.
enum TerminalRestore {
  /// The terminal's modes before the stepper changed them. Storage of our own, not a Swift
  /// global of the C struct's type: a handler must reach it without Swift's lazy initialisation
  /// (and AddressSanitizer measured such a global short of the 60 bytes `tcsetattr` reads).
  nonisolated(unsafe) static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  /// The stepper's modes, for coming back from Ctrl-Z.
  nonisolated(unsafe) static let steppingModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
  /// Whether the terminal is in the stepper's modes now (1) or not (0). Atomic: lock-free, so
  /// async-signal-safe, and handlers on two threads agree on it.
  static let active = Atomic<Int32>(0)
  /// The write end of the pipe that wakes the key loop (resize, return from Ctrl-Z), or -1.
  nonisolated(unsafe) static var wakeDescriptor: Int32 = -1
  /// The handlers that were installed before ours, by signal number.
  nonisolated(unsafe) static var previousActions = UnsafeMutablePointer<sigaction>.allocate(
    capacity: Int(signalLimit))
  /// The line printed after leaving the full screen, and its length.
  nonisolated(unsafe) static var farewell = UnsafeMutablePointer<UInt8>.allocate(
    capacity: farewellCapacity)
  nonisolated(unsafe) static var farewellLength = 0

  static let signalLimit: Int32 = 65
  static let farewellCapacity = 1024

  /// Leaves the alternate screen, shows the cursor and resets colours.
  static let leaveSequence: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
  /// Enters the alternate screen, hides the cursor and clears it.
  static let enterSequence: StaticString = "\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J"

  /// Signals that end the process: the terminal is restored, then the signal does what it did
  /// before (the default, or Swift's crash reporter).
  static let endingSignals: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP,
  ]

  /// Sets the line printed if a signal ends the process while stepping.
  static func setFarewell(_ line: String) {
    let bytes = Array((line + "\n").utf8.prefix(farewellCapacity))
    farewellLength = 0
    for (index, byte) in bytes.enumerated() { farewell[index] = byte }
    farewellLength = bytes.count
  }

  /// Puts the terminal back as it was and leaves the full screen. Async-signal-safe.
  static func restore() {
    guard active.exchange(0, ordering: .acquiringAndReleasing) != 0 else { return }
    _ = tcsetattr(STDIN_FILENO, TCSADRAIN, savedModes)
    writeAll(leaveSequence)
  }

  /// Enters the stepper's modes and the full screen again (after Ctrl-Z). Async-signal-safe.
  static func reenter() {
    guard active.load(ordering: .acquiring) == 0 else { return }
    _ = tcsetattr(STDIN_FILENO, TCSADRAIN, steppingModes)
    writeAll(enterSequence)
    active.store(1, ordering: .releasing)
  }

  /// Wakes the key loop with `byte` (`W` resize, `C` continued). Async-signal-safe.
  static func wake(_ byte: UInt8) {
    guard wakeDescriptor >= 0 else { return }
    var value = byte
    _ = write(wakeDescriptor, &value, 1)
  }

  static func writeAll(_ text: StaticString) {
    writeAll(text.utf8Start, text.utf8CodeUnitCount)
  }

  static func writeAll(_ pointer: UnsafePointer<UInt8>, _ count: Int) {
    var offset = 0
    while offset < count {
      let written = write(STDOUT_FILENO, pointer + offset, count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }

  /// For a signal that ends the process: restore, say where the user was, run the handler
  /// that was there before (Swift's crash reporter, say), then end the process as the signal
  /// does by default, since that handler may return without ending it (for a `kill -SEGV`).
  static func ending(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
  ) {
    let wasActive = active.load(ordering: .acquiring) != 0
    restore()
    if wasActive && farewellLength > 0 {
      writeAll(farewell, farewellLength)
    }
    var previous = previousActions[Int(signal)]
    if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction
    {
      _ = sigaction(signal, &previous, nil)
      handler(signal, info, context)
    } else if !isDefaultOrIgnored(previous), let handler = previous.__sigaction_handler.sa_handler {
      _ = sigaction(signal, &previous, nil)
      handler(signal)
    }
    var standard = sigaction()
    standard.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&standard.sa_mask)
    _ = sigaction(signal, &standard, nil)
    // Blocked while this handler runs: delivered, with the default action, when it returns.
    _ = raise(signal)
  }

  /// Whether `action` is `SIG_DFL` or `SIG_IGN` (the constants 0 and 1, not functions).
  static func isDefaultOrIgnored(_ action: sigaction) -> Bool {
    guard action.sa_flags & SA_SIGINFO == 0 else { return false }
    let value = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
    return value == 0 || value == 1
  }

  /// Whether `action` ignores its signal.
  static func isIgnored(_ action: sigaction) -> Bool {
    action.sa_flags & SA_SIGINFO == 0
      && unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
  }

  /// Ctrl-Z: give the terminal back, then stop as usual; SIGCONT brings the stepper back.
  static func suspend(_ signal: Int32) {
    let saved = errno
    defer { errno = saved }
    restore()
    var standard = sigaction()
    standard.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&standard.sa_mask)
    _ = sigaction(SIGTSTP, &standard, nil)
    _ = raise(SIGTSTP)
  }

  /// Back from Ctrl-Z: the stepper's modes again, our Ctrl-Z handler again, and a full redraw.
  static func resume(_ signal: Int32) {
    let saved = errno
    defer { errno = saved }
    install(SIGTSTP) { TerminalRestore.suspend($0) }
    reenter()
    wake(UInt8(ascii: "C"))
  }

  /// The terminal changed size: the key loop redraws.
  static func resized(_ signal: Int32) {
    let saved = errno
    defer { errno = saved }
    wake(UInt8(ascii: "W"))
  }

  /// Installs `handler` for `signal`, keeping the action it replaces in `previousActions`
  /// unless one is kept already.
  static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    _ = sigaction(signal, &action, nil)
  }

  /// Installs every handler, remembering the actions they replace.
  static func installAll() {
    // First touched here, not in a handler: a global's lazy initialisation is not
    // async-signal-safe.
    _ = active.load(ordering: .relaxed)
    for signal in endingSignals + [SIGTSTP, SIGCONT, SIGWINCH] {
      _ = sigaction(signal, nil, previousActions + Int(signal))
    }
    for signal in endingSignals where !isIgnored(previousActions[Int(signal)]) {
      // A signal the parent chose to ignore (SIGHUP under nohup) stays ignored.
      var action = sigaction()
      action.__sigaction_handler.sa_sigaction = { TerminalRestore.ending($0, $1, $2) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_SIGINFO
      _ = sigaction(signal, &action, nil)
    }
    install(SIGTSTP) { TerminalRestore.suspend($0) }
    install(SIGCONT) { TerminalRestore.resume($0) }
    install(SIGWINCH) { TerminalRestore.resized($0) }
  }

  /// Puts back the actions `installAll` replaced.
  static func uninstallAll() {
    for signal in endingSignals + [SIGTSTP, SIGCONT, SIGWINCH] {
      _ = sigaction(signal, previousActions + Int(signal), nil)
    }
  }
}
