#if canImport(Glibc)
  import Glibc
#endif

/// The terminal while the full-screen stepper owns it: keys one at a time without echo, the
/// alternate screen, and every way out restoring both (`leave()`, and the signal handlers in
/// `TerminalRestore` for Ctrl-C, SIGTERM, a lost terminal and crashes).
///
/// Ctrl-C, Ctrl-Z and Ctrl-\ keep their usual meaning (`ISIG` stays on): Ctrl-C must stop
/// learnchat even while a stage is busy and no key is being read.
final class TerminalSession {
  /// Something the key loop waits for.
  enum Event: Equatable {
    case key(StepperKey)
    /// The window changed size.
    case resized
    /// Back from Ctrl-Z: draw everything again.
    case continued
  }

  private var wakePipe: (read: Int32, write: Int32) = (-1, -1)
  private var decoder = KeyDecoder()
  private var queued: [StepperKey] = []
  private(set) var isActive = false

  /// How long to wait after a lone ESC for the rest of an escape sequence, in milliseconds.
  static let escapeWait: Int32 = 40

  /// Takes over the terminal. Throws when standard input's modes cannot be read or set.
  func enter() throws {
    guard !isActive else { return }
    var saved = termios()
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw TerminalSessionError.modes(errno) }
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else { throw TerminalSessionError.modes(errno) }
    for end in pipeEnds {
      // Never inherited by a child, and a full pipe never blocks a signal handler.
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
    }
    wakePipe = (pipeEnds[0], pipeEnds[1])
    var raw = saved
    // Keys as they are typed, not echoed; Ctrl-S/Ctrl-Q and CR as plain bytes. Output
    // processing stays on, so "\n" still moves to the start of the next line.
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | ISTRIP)
    withUnsafeMutableBytes(of: &raw.c_cc) { controls in
      controls[Int(VMIN)] = 1
      controls[Int(VTIME)] = 0
    }
    TerminalRestore.savedModes.initialize(to: saved)
    TerminalRestore.steppingModes.initialize(to: raw)
    TerminalRestore.wakeDescriptor = wakePipe.write
    TerminalRestore.setFarewell("")
    TerminalRestore.installAll()
    guard tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) == 0 else {
      let failure = errno
      TerminalRestore.uninstallAll()
      throw TerminalSessionError.modes(failure)
    }
    TerminalRestore.writeAll(TerminalRestore.enterSequence)
    TerminalRestore.active.store(1, ordering: .releasing)
    isActive = true
  }

  /// Gives the terminal back as it was. Safe to call more than once.
  func leave() {
    guard isActive else { return }
    isActive = false
    TerminalRestore.restore()
    TerminalRestore.uninstallAll()
    TerminalRestore.wakeDescriptor = -1
    close(wakePipe.read)
    close(wakePipe.write)
  }

  /// The terminal's rows and columns (24 by 80 when it does not say).
  func size() -> (rows: Int, columns: Int) {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0
    else { return (24, 80) }
    return (Int(size.ws_row), Int(size.ws_col))
  }

  /// Draws `lines` as the whole screen, in one write.
  func draw(_ lines: [String]) {
    var frame = "\u{1B}[H"
    for (index, line) in lines.enumerated() {
      frame += line + "\u{1B}[0m\u{1B}[K"
      if index < lines.count - 1 { frame += "\r\n" }
    }
    var bytes = Array(frame.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress { TerminalRestore.writeAll(base, buffer.count) }
    }
  }

  /// Clears the screen, before drawing after a resize.
  func clear() {
    TerminalRestore.writeAll("\u{1B}[2J")
  }

  /// Waits for the next key or event. At the end of input (the terminal went away) it returns
  /// Ctrl-D, which quits.
  func nextEvent() -> Event {
    while true {
      if !queued.isEmpty { return .key(queued.removeFirst()) }
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&descriptors, 2, decoder.hasPending ? Self.escapeWait : -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return .key(.controlD)
      }
      if ready == 0 {
        queued += decoder.flush()
        continue
      }
      if descriptors[1].revents != 0 {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = read(wakePipe.read, &bytes, bytes.count)
        if count > 0 {
          return bytes[..<count].contains(UInt8(ascii: "C")) ? .continued : .resized
        }
      }
      if descriptors[0].revents != 0 {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = read(STDIN_FILENO, &bytes, bytes.count)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return .key(.controlD) }
        queued += decoder.feed(bytes[..<count])
      }
    }
  }

  /// Sets the line a signal prints when it ends learnchat while stepping.
  func setFarewell(_ line: String) {
    TerminalRestore.setFarewell(line)
  }
}

/// The terminal could not be set up for the stepper.
enum TerminalSessionError: Error, CustomStringConvertible {
  case modes(Int32)

  var description: String {
    switch self {
    case .modes(let code):
      return "cannot set up the terminal for --step: \(String(cString: strerror(code)))"
    }
  }
}
