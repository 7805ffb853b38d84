import Foundation
import LearnchatTestSupport
import Testing

/// A real terminal for testing the full-screen stepper as a user meets it: a `tmux` session of
/// a given size running a shell command, typed into with `send-keys` and read with
/// `capture-pane`, which shows the screen as a terminal emulator draws it.
///
/// Each session has a tmux server of its own (`-L`), so tests running in parallel never see
/// each other's windows.
final class TmuxTerminal {
  /// Whether tmux is installed; where it is not, these tests are skipped with a message
  /// (`scripts/install-deps --terminal`, which `scripts/test` runs, installs it).
  static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

  private static let counter = Counter()
  private let socket: String
  /// The folder the session's shell runs in; files the command writes go here.
  let folder: TemporaryFolder

  /// Starts `command` (a shell command line) in a `columns` by `rows` terminal; with
  /// `interactive`, typed at an interactive shell instead (for job control: Ctrl-Z and `fg`).
  init(
    columns: Int, rows: Int, command: String, environment: [String: String] = [:],
    interactive: Bool = false
  ) throws {
    socket = "learnchat-test-\(getpid())-\(Self.counter.next())"
    folder = try TemporaryFolder()
    var exports = environment
    exports["TERM"] = exports["TERM"] ?? "xterm-256color"
    let prefix = exports.sorted { $0.key < $1.key }
      .map { "export \($0.key)=\(Self.quoted($0.value)); " }.joined()
    // `trap true INT`: the shell survives a Ctrl-C sent to the command (as an interactive
    // shell does) and reports its status, instead of dying of the same SIGINT.
    let script = "cd \(Self.quoted(folder.path)); trap true INT; \(prefix)\(command)"
    guard interactive else {
      try tmux([
        "new-session", "-d", "-x", String(columns), "-y", String(rows), "bash", "--norc",
        "--noprofile", "-c", script + "; echo \"[exit $?]\"; sleep 600",
      ])
      return
    }
    try tmux([
      "new-session", "-d", "-x", String(columns), "-y", String(rows), "env", "PS1=$ ", "bash",
      "--norc", "--noprofile", "-i",
    ])
    try send("-l", script + "; echo \"[exit $?]\"")
    try send("Enter")
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  /// Types keys: tmux key names (`Enter`, `Left`, `C-d`, `Escape`) or literal text.
  func send(_ keys: String...) throws {
    try send(keys)
  }

  /// Sends `keys`, then waits for the stage heading they lead to (a first row starting
  /// `heading`): one move through the stepper and where it must land.
  func press(_ keys: String..., andWaitFor heading: String) throws {
    try send(keys)
    try waitForHeading(heading)
  }

  private func send(_ keys: [String]) throws {
    try tmux(["send-keys", "-t", "0"] + keys)
  }

  /// The screen as it is now, one string per row (trailing spaces trimmed by tmux); with
  /// `history`, the lines scrolled off the top too.
  func screen(history: Bool = false) throws -> [String] {
    let text = try tmux(["capture-pane", "-p", "-t", "0"] + (history ? ["-S", "-"] : []))
    var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if rows.last == "" { rows.removeLast() }
    return rows
  }

  /// Waits until the screen satisfies `condition` (polling it; a deadline only turns a hang
  /// into a failure), and returns that screen.
  @discardableResult
  func waitFor(
    _ what: String, timeout: Double = 30, _ condition: ([String]) -> Bool
  ) throws -> [String] {
    let deadline = Date(timeIntervalSinceNow: timeout)
    var last: [String] = []
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      usleep(20_000)
    }
    throw TmuxTimeout(what: what, screen: last)
  }

  /// Waits until the first row starts with `prefix`.
  @discardableResult
  func waitForHeading(_ prefix: String) throws -> [String] {
    try waitFor("a first row starting \"\(prefix)\"") { $0.first?.hasPrefix(prefix) == true }
  }

  /// Waits for the command to end and returns its exit status.
  func waitForExit() throws -> Int32 {
    let screen = try waitFor("the command to end") { rows in
      rows.contains { $0.hasPrefix("[exit ") }
    }
    let line = screen.last { $0.hasPrefix("[exit ") } ?? ""
    return Int32(line.dropFirst(6).dropLast()) ?? -1
  }

  /// Resizes the window, as a user dragging its corner.
  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", String(columns), "-y", String(rows)])
  }

  /// The process id of the command's process named `name`, to signal it.
  func pid(of name: String) throws -> pid_t {
    let panePID = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let text = try ChildProcess.run("/usr/bin/pgrep", ["-P", panePID, "-x", name])
    guard let pid = pid_t(text.split(separator: "\n").first ?? "") else {
      throw TmuxTimeout(what: "a process named \(name)", screen: try screen())
    }
    return pid
  }

  /// Runs tmux and returns what it printed. Spawned and waited for directly: `Process` can
  /// miss the exit of a client whose server daemonized from it, and wait for ever.
  @discardableResult
  private func tmux(starting: Bool = false, _ arguments: [String]) throws -> String {
    try ChildProcess.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
  }

  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}

struct TmuxTimeout: Error, CustomStringConvertible {
  let what: String
  let screen: [String]
  var description: String {
    "timed out waiting for \(what); the screen showed:\n" + screen.joined(separator: "\n")
  }
}

/// A child process run with `posix_spawn`, its standard output read to the end of the *child's*
/// own writes (a temporary file, so a daemon it leaves behind cannot hold a pipe open), then
/// reaped with `waitpid`.
enum ChildProcess {
  static func run(_ path: String, _ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-child-\(UUID().uuidString)").path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The test runner's threads block signals; a child must start as a shell would start it,
    // with nothing blocked and default handlers, or the terminal's signals never arrive.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var nothing = sigset_t()
    sigemptyset(&nothing)
    var everything = sigset_t()
    sigfillset(&everything)
    posix_spawnattr_setsigmask(&attributes, &nothing)
    posix_spawnattr_setsigdefault(&attributes, &everything)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }
}
