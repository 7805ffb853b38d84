import Foundation
import LearnchatTestSupport
import Testing

/// `learnchat lesson 2 --step` on a real terminal (tmux), driven by keys as a learner drives it.
@Suite(
  "The full-screen stepper in a real terminal",
  .enabled(
    if: TmuxTerminal.isAvailable
      || ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_TMUX"] != nil,
    "tmux is not installed (scripts/install-deps --terminal installs it)"))
struct FullScreenStepperTests {
  /// The lessons as shipped, long stages and all.
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons").path

  /// A shell command running lesson 2 stepped, with the terminal's modes saved before and after.
  static func command(_ extra: String = "", lesson: Int = 2) -> String {
    let binary = TmuxTerminal.quoted(LearnchatBinary.url.path)
    return "stty -g > stty-before; \(binary) lesson \(lesson) --step --seed t "
      + "--lessons \(TmuxTerminal.quoted(lessons)) \(extra); status=$?; "
      + "stty -g > stty-after; (exit $status)"
  }

  static func modes(_ terminal: TmuxTerminal) throws -> (before: String, after: String) {
    (
      try String(contentsOfFile: terminal.folder.path + "/stty-before", encoding: .utf8),
      try String(contentsOfFile: terminal.folder.path + "/stty-after", encoding: .utf8)
    )
  }

  @Test(
    "at every stage, and scrolled to its end, the heading is on the first row",
    arguments: [(80, 24), (120, 40), (60, 20)])
  func headingPinned(size: (columns: Int, rows: Int)) throws {
    let terminal = try TmuxTerminal(columns: size.columns, rows: size.rows, command: Self.command())
    let introduction = try terminal.waitForHeading("── Introduction")
    #expect(introduction.count == size.rows)
    for number in 1...13 {
      try terminal.send("n")
      let screen = try terminal.waitForHeading("── \(number)/13 · ")
      #expect(screen.first?.count == size.columns, "the heading's rule fills the row")
      #expect(screen.last?.contains("\(number)/13") == true, "the status line says where")
      #expect(screen.allSatisfy { $0.count <= size.columns })
      try terminal.send("End")
      let bottom = try terminal.waitFor("the end of stage \(number)") { rows in
        rows.last?.contains("↓") == false
      }
      #expect(bottom.first?.hasPrefix("── \(number)/13 · ") == true)
    }
    try terminal.press("n", andWaitFor: "── Summary")
    try terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
    let modes = try Self.modes(terminal)
    #expect(modes.before == modes.after)
    #expect(try terminal.screen().contains("You reached the end of lesson 2."))
  }

  @Test("n, Right, Left, p, g 6 Enter and l move as they say; q quits and says how to resume")
  func keys() throws {
    let terminal = try TmuxTerminal(columns: 80, rows: 24, command: Self.command())
    try terminal.waitForHeading("── Introduction")
    try terminal.press("n", andWaitFor: "── 1/13 · server · Listen and connect")
    try terminal.press("Right", andWaitFor: "── 2/13 · server · The server makes an RSA key pair")
    try terminal.press("Left", andWaitFor: "── 1/13 · ")
    try terminal.press("p", andWaitFor: "── Introduction")
    try terminal.press(
      "g", "6", "Enter", andWaitFor: "── 6/13 · client · The client wraps the key with RSA-OAEP")
    try terminal.press("p", andWaitFor: "── 5/13 · ")
    try terminal.send("l")
    let list = try terminal.waitForHeading("── Stages of lesson 2")
    #expect(list.contains { $0.contains("▶  5  client   session-key") })
    #expect(list.contains { $0.contains("oaep-unwrap") && $0.contains("(not run yet)") })
    try terminal.press("Down", "Enter", andWaitFor: "── 6/13 · ")
    try terminal.press("?", andWaitFor: "── Keys")
    try terminal.press("x", andWaitFor: "── 6/13 · ")
    try terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
    let screen = try terminal.screen().joined(separator: "\n")
    #expect(
      screen.replacingOccurrences(of: "\n", with: "").contains(
        "Stopped at stage 6/13 (oaep-wrap). Resume with: learnchat lesson 2 --step --resume"))
    let modes = try Self.modes(terminal)
    #expect(modes.before == modes.after)
  }

  @Test(
    "Ctrl-D and Esc quit at once with status 0, and the terminal is as it was",
    arguments: ["C-d", "Escape"])
  func quitKeys(key: String) throws {
    let terminal = try TmuxTerminal(columns: 80, rows: 24, command: Self.command())
    try terminal.waitForHeading("── Introduction")
    try terminal.press("n", andWaitFor: "── 1/13 · ")
    try terminal.send(key)
    #expect(try terminal.waitForExit() == 0)
    let modes = try Self.modes(terminal)
    #expect(modes.before == modes.after)
  }

  @Test("a resize redraws the stage at the new size")
  func resize() throws {
    let terminal = try TmuxTerminal(columns: 80, rows: 24, command: Self.command())
    try terminal.waitForHeading("── Introduction")
    try terminal.press("g", "3", "Enter", andWaitFor: "── 3/13 · ")
    try terminal.resize(columns: 110, rows: 30)
    let wide = try terminal.waitFor("a 110-column heading") {
      $0.first?.count == 110 && $0.first?.hasPrefix("── 3/13 · ") == true
        && $0.count == 30 && $0.last?.contains("3/13 pem-export") == true
    }
    #expect(wide.count == 30)
    #expect(wide.last?.contains("3/13") == true)
    try terminal.resize(columns: 50, rows: 16)
    let narrow = try terminal.waitFor("a 50-column heading") {
      // The status line on the new last row shows a redraw, not the old screen cut short.
      $0.first?.count == 50 && $0.first?.hasPrefix("── 3/13 · ") == true && $0.count == 16
        && $0.last?.contains("3/13 pem-export") == true
    }
    #expect(narrow.allSatisfy { $0.count <= 50 })
    try terminal.send("q")
    #expect(try terminal.waitForExit() == 0)
  }

  @Test(
    "SIGTERM, SIGHUP and a crash (SIGSEGV) leave the terminal as it was",
    arguments: [SIGTERM, SIGHUP, SIGSEGV])
  func signals(number: Int32) throws {
    let signal = (number: number, status: 128 + number)
    // Swift's crash reporter is off: on a terminal it would wait 30 s for a key, and under the
    // sanitizers it reports itself. The signal's default action is what is being tested.
    let terminal = try TmuxTerminal(
      columns: 80, rows: 24, command: Self.command(),
      environment: [
        "SWIFT_BACKTRACE": "enable=no",
        // Under scripts/sanitize a sent SIGSEGV is not a memory error to report.
        "ASAN_OPTIONS": "handle_segv=0:detect_leaks=0", "TSAN_OPTIONS": "handle_segv=0",
      ])
    try terminal.waitForHeading("── Introduction")
    try terminal.press("g", "4", "Enter", andWaitFor: "── 4/13 · ")
    kill(try terminal.pid(of: "learnchat"), signal.number)
    #expect(try terminal.waitForExit() == signal.status)
    let modes = try Self.modes(terminal)
    #expect(modes.before == modes.after)
    // A crash report follows the line, and may have pushed it into the scrollback.
    let screen = try terminal.screen(history: true).joined()
    #expect(screen.contains("Stopped at stage 4/13 (public-key-frame)"))
  }

  @Test("Ctrl-Z gives the terminal back; fg brings the stepper back where it was")
  func suspend() throws {
    // An interactive shell, for job control; one command a line, since Ctrl-Z stops only the
    // running command and the shell would go on to the rest of a list.
    let binary = TmuxTerminal.quoted(LearnchatBinary.url.path)
    let terminal = try TmuxTerminal(
      columns: 80, rows: 24, command: "stty -g > stty-before", interactive: true)
    try terminal.waitFor("the prompt") { $0.contains("[exit 0]") }
    try terminal.send(
      "-l", "\(binary) lesson 2 --step --seed t --lessons \(TmuxTerminal.quoted(Self.lessons))")
    try terminal.press("Enter", andWaitFor: "── Introduction")
    try terminal.press("g", "5", "Enter", andWaitFor: "── 5/13 · ")
    try terminal.send("C-z")
    try terminal.waitFor("the job stopped") { $0.contains { $0.contains("Stopped") } }
    try terminal.send("-l", "stty -g > stty-suspended; fg")
    try terminal.send("Enter")
    let back = try terminal.waitForHeading("── 5/13 · ")
    #expect(back.last?.contains("5/13 session-key") == true)
    try terminal.press("n", andWaitFor: "── 6/13 · ")
    try terminal.send("q")
    try terminal.waitFor("the line said on quitting") {
      $0.contains { $0.hasPrefix("Stopped at stage 6/13 (oaep-wrap)") }
    }
    try terminal.send("-l", "stty -g > stty-after; echo \"[done $?]\"")
    try terminal.send("Enter")
    try terminal.waitFor("the modes saved") { $0.contains("[done 0]") }
    let before = try String(contentsOfFile: terminal.folder.path + "/stty-before", encoding: .utf8)
    let suspended = try String(
      contentsOfFile: terminal.folder.path + "/stty-suspended", encoding: .utf8)
    let after = try String(contentsOfFile: terminal.folder.path + "/stty-after", encoding: .utf8)
    #expect(suspended == before, "while stopped, the shell has the terminal as it was")
    #expect(after == before)
  }

  @Test("Ctrl-C stops at once, and the terminal is as it was")
  func controlC() throws {
    let terminal = try TmuxTerminal(columns: 80, rows: 24, command: Self.command())
    try terminal.waitForHeading("── Introduction")
    try terminal.press("n", andWaitFor: "── 1/13 · ")
    try terminal.send("C-c")
    #expect(try terminal.waitForExit() == 130)
    let modes = try Self.modes(terminal)
    #expect(modes.before == modes.after)
  }

  @Test("--resume comes back to the stage where the learner quit, and lessons says so")
  func resume() throws {
    let state = try TemporaryFolder()
    let environment = ["XDG_STATE_HOME": state.path]
    let first = try TmuxTerminal(
      columns: 80, rows: 24, command: Self.command(), environment: environment)
    try first.waitForHeading("── Introduction")
    try first.press("g", "oaep-wrap", "Enter", andWaitFor: "── 6/13 · ")
    try first.send("q")
    #expect(try first.waitForExit() == 0)

    let second = try TmuxTerminal(
      columns: 80, rows: 24, command: Self.command("--resume"), environment: environment)
    let screen = try second.waitForHeading("── 6/13 · client")
    #expect(screen.last?.contains("6/13 oaep-wrap") == true)
    try second.send("q")
    #expect(try second.waitForExit() == 0)

    let listing = try LearnchatBinary.run(
      ["lessons", "--lessons", Self.lessons], environment: environment)
    #expect(listing.output.contains("last at 6/13 (oaep-wrap)"))
  }
}
