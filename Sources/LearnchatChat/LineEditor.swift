internal import Cedit
import Dispatch
import Glibc
import LearnchatDemos
import LearnchatWire
import Synchronization

/// The chat's keyboard on a terminal: libedit's line editor (arrow keys, Home/End, history),
/// on a thread of its own, with the peer's lines printed above the line being typed instead of
/// through it.
///
/// libedit reads the keyboard one key at a time (its unbuffered mode) between `poll`s of the
/// terminal and of a wake-up pipe; lines to print arrive through the pipe and are written with
/// the half-typed line cleared first and redrawn after, so a message never erases what is being
/// typed. Tab types a space (never a raw `\x09` in a message); Ctrl-D on an empty line ends the
/// input. libedit owns the terminal's modes while it runs and restores them when it stops,
/// also on Ctrl-C (its signal handling is on). One editor per process: libedit's callbacks
/// carry no context, so they reach the editor through `LineEditor.current`.
public final class LineEditor: Sendable {
  private enum Command: Sendable {
    case print(String)
    case prompt(String)
    case stop
  }

  private struct Shared {
    var commands: [Command] = []
    var running = false
  }

  /// The editor whose callbacks libedit is calling.
  nonisolated(unsafe) static var current: LineEditor?

  private let shared = Mutex(Shared())
  private let wake: (read: Int32, write: Int32)
  private let stopped = DispatchSemaphore(value: 0)
  // Touched only on the editor thread (and by libedit's callbacks, which run on it).
  private nonisolated(unsafe) var promptBytes: [CChar] = []
  private nonisolated(unsafe) var inputEnded = false

  /// An editor that will show `prompt`, or nil when the wake-up pipe cannot be made.
  public init?(prompt: String = "You: ") {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    wake = (ends[0], ends[1])
    promptBytes = Array(prompt.utf8CString)
  }

  deinit {
    close(wake.read)
    close(wake.write)
  }

  /// Starts editing on standard input, posting each line typed (and the end of input) to
  /// `events`.
  ///
  /// - Throws: `SystemError` when the editor's thread cannot be started.
  public func start(posting events: ChatEventQueue) throws {
    shared.withLock { $0.running = true }
    Self.current = self
    do {
      try DetachedThread.start { [self] in
        run(posting: events)
        shared.withLock { $0.running = false }
        stopped.signal()
      }
    } catch {
      shared.withLock { $0.running = false }
      throw error
    }
  }

  /// Prints `text` (and a newline) above the line being typed; straight to standard output
  /// once the editor has stopped.
  public func print(_ text: String, write: (String) -> Void) {
    let queued = shared.withLock { state in
      guard state.running else { return false }
      state.commands.append(.print(text))
      return true
    }
    if queued { poke() } else { write(text + "\n") }
  }

  /// Shows `text` as the prompt from now on (a question, then the prompt again).
  public func setPrompt(_ text: String) {
    let queued = shared.withLock { state in
      guard state.running else { return false }
      state.commands.append(.prompt(text))
      return true
    }
    if queued { poke() }
  }

  /// Stops editing and gives the terminal back as it was, the prompt line cleared; returns
  /// when that is done.
  public func stop() {
    let running = shared.withLock { state in
      if state.running { state.commands.append(.stop) }
      return state.running
    }
    guard running else { return }
    poke()
    stopped.wait()
  }

  private func poke() {
    var byte: UInt8 = 1
    _ = Glibc.write(wake.write, &byte, 1)
  }

  // MARK: - The editor thread

  private func run(posting events: ChatEventQueue) {
    // libedit decodes keys by the locale's character set: without this, é is dropped.
    setlocale(LC_CTYPE, "")
    guard let editor = learnchat_el_init("learnchat"),
      let history = learnchat_history_new(500)
    else {
      // Already on a thread of its own: read plain lines here instead.
      events.readLines()
      return
    }
    defer {
      learnchat_el_unbuffered(editor, 0)
      el_end(editor)
      history_end(history)
      // The prompt left on the last line goes, so the shell's prompt starts clean.
      writeOut("\r\u{1B}[K")
    }
    configure(editor, history)
    learnchat_el_unbuffered(editor, 1)
    while true {
      var ready = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
      ]
      guard poll(&ready, 2, -1) >= 0 else {
        if errno == EINTR { continue }
        events.post(.inputEnded)
        return
      }
      if ready[1].revents != 0, !handleCommands(editor) { return }
      if ready[0].revents != 0 {
        var count: Int32 = 0
        let line = el_wgets(editor, &count)
        if inputEnded {
          events.post(.inputEnded)
          return
        }
        guard let line, count > 0, line[Int(count) - 1] == 10 else { continue }
        let text = Self.string(line, count: Int(count) - 1)
        // Leaving and re-entering libedit's unbuffered mode starts a new line with the prompt.
        learnchat_el_unbuffered(editor, 0)
        if !text.isEmpty { learnchat_history_add(history, text) }
        events.post(.line(text))
        learnchat_el_unbuffered(editor, 1)
      }
    }
  }

  /// Carries out queued commands; false after `.stop`.
  private func handleCommands(_ editor: OpaquePointer) -> Bool {
    var drained = [UInt8](repeating: 0, count: 64)
    _ = read(wake.read, &drained, drained.count)
    let commands = shared.withLock { state in
      defer { state.commands = [] }
      return state.commands
    }
    for command in commands {
      switch command {
      case .print(let text):
        writeOut("\r\u{1B}[K" + text + "\n")
        learnchat_el_refresh(editor)
      case .prompt(let text):
        promptBytes = Array(text.utf8CString)
        writeOut("\r\u{1B}[K")
        learnchat_el_refresh(editor)
      case .stop:
        return false
      }
    }
    return true
  }

  private func configure(_ editor: OpaquePointer, _ history: OpaquePointer) {
    learnchat_el_editor_emacs(editor)
    learnchat_el_signal(editor, 1)
    learnchat_el_history(editor, history)
    learnchat_el_prompt(editor) { _ in
      LineEditor.current?.promptPointer()
    }
    learnchat_el_getcfn(editor) { _, character in
      LineEditor.current?.readKey(into: character) ?? 0
    }
    learnchat_el_addfn_tab(editor) { editor, _ in
      _ = el_insertstr(editor, " ")
      return UInt8(CC_REFRESH)
    }
    learnchat_el_bind(editor, "^I", "learnchat-tab")
    learnchat_el_addfn_eof(editor) { editor, _ in
      guard let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
      if info.buffer == info.lastchar {
        LineEditor.current?.inputEnded = true
        return UInt8(CC_EOF)
      }
      guard info.cursor != info.lastchar else { return UInt8(CC_ERROR) }
      el_cursor(editor, 1)
      el_deletestr(editor, 1)
      return UInt8(CC_REFRESH)
    }
    learnchat_el_bind(editor, "^D", "learnchat-eof")
    // Home and End as every common terminal sends them, whatever TERM says (a terminal inside
    // tmux or screen often sends other sequences than its TERM's terminfo lists).
    for key in ["\\e[1~", "\\e[7~", "\\e[H", "\\eOH"] {
      learnchat_el_bind(editor, key, "ed-move-to-beg")
    }
    for key in ["\\e[4~", "\\e[8~", "\\e[F", "\\eOF"] {
      learnchat_el_bind(editor, key, "ed-move-to-end")
    }
  }

  private func promptPointer() -> UnsafeMutablePointer<CChar>? {
    promptBytes.withUnsafeMutableBufferPointer { $0.baseAddress }
  }

  /// One character from standard input for libedit, decoded from UTF-8 (a malformed
  /// sequence gives U+FFFD); at the end of input, 0 and `inputEnded`.
  private func readKey(into character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    guard let first = readByte() else {
      inputEnded = true
      return 0
    }
    let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 ? 2 : 0
    var bytes = [first]
    while bytes.count < length, let next = readByte() { bytes.append(next) }
    let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first ?? "\u{FFFD}"
    character?.pointee = wchar_t(bitPattern: scalar.value)
    return 1
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = read(STDIN_FILENO, &byte, 1)
      if count == 1 { return byte }
      if count < 0 && errno == EINTR { continue }
      return nil
    }
  }

  private static func string(_ characters: UnsafePointer<wchar_t>, count: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for index in 0..<count {
      if let scalar = Unicode.Scalar(UInt32(bitPattern: characters[index])) {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  private func writeOut(_ text: String) {
    // A terminal that went away leaves nothing to show the line on.
    try? SystemFile.writeAll(Array(text.utf8), to: STDOUT_FILENO)
  }
}
