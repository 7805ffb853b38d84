import Foundation
import LearnchatTestSupport
import Testing

/// `learnchat serve` and `connect` in real terminals (tmux): the line editor and the question
/// asked about a new demo-3 server.
@Suite(
  "The chat in a real terminal",
  .enabled(
    if: TmuxTerminal.isAvailable
      || ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_TMUX"] != nil,
    "tmux is not installed (scripts/install-deps --terminal installs it)"))
struct ChatTerminalTests {
  static var binary: String { TmuxTerminal.quoted(LearnchatBinary.url.path) }

  /// A server in a terminal of its own, on a free port; returns it and the port.
  static func server(_ arguments: String) throws -> (TmuxTerminal, String) {
    let server = try TmuxTerminal(
      columns: 100, rows: 20, command: "\(binary) serve --host 127.0.0.1 --port 0 \(arguments)")
    let screen = try server.waitFor("the server to listen") {
      $0.contains { $0.hasPrefix("[*] Listening on 127.0.0.1:") }
    }
    let line = screen.first { $0.hasPrefix("[*] Listening on 127.0.0.1:") } ?? ""
    let port = line.dropFirst("[*] Listening on 127.0.0.1:".count).prefix { $0.isNumber }
    return (server, String(port))
  }

  @Test(
    "a message arriving while typing leaves the half-typed line whole; Tab, history, and a clean end"
  )
  func lineEditing() throws {
    let (server, port) = try Self.server("--demo 2")
    // tmux's own TERM: the keys it sends for Home and End are the ones that terminal lists.
    let client = try TmuxTerminal(
      columns: 100, rows: 20,
      command: "stty -g > stty-before; \(Self.binary) connect 127.0.0.1 --port \(port); "
        + "status=$?; stty -g > stty-after; (exit $status)", environment: ["TERM": "screen"])
    try client.waitFor("the chat to start") { $0.contains("Ready (encrypted channel)") }
    try server.waitFor("the server's chat to start") { $0.contains("Ready (encrypted channel)") }

    try client.send("-l", "half typed")
    try client.waitFor("the typed text") { $0.last { !$0.isEmpty } == "You: half typed" }
    try server.send("-l", "from the server")
    try server.send("Enter")
    // The message goes above; the half-typed line is drawn again under it, still editable. The
    // console prints the message, then the line editor redraws the line: a second write, so the
    // screen is waited on for both (a look between the two would see the message alone).
    let screen = try client.waitFor("the server's message, the half-typed line under it") {
      guard let message = $0.firstIndex(of: "[Peer]: from the server") else { return false }
      return $0[(message + 1)...].first { !$0.isEmpty } == "You: half typed"
    }
    #expect(screen.filter { $0.hasPrefix("You: half typed") }.count == 1)
    try client.send("Tab")
    try client.send("-l", "line")
    try client.send("Home", "Right", "Right", "Right", "Right")
    try client.send("-l", "!")
    try client.send("Enter")
    // Tab typed a space; the cursor moved with Home and Right: one line, as edited.
    try server.waitFor("the edited line") { $0.contains("[Peer]: half! typed line") }
    #expect(try !server.screen().joined().contains("\\x09"))

    try client.send("Up")
    try client.waitFor("the line from history") {
      $0.last { !$0.isEmpty } == "You: half! typed line"
    }
    try client.send("C-u")
    try server.send("-l", "exit")
    try server.send("Enter")
    #expect(try client.waitForExit() == 0)
    let after = try client.screen()
    #expect(after.contains("[Peer exited]"))
    #expect(!after.contains { $0.hasPrefix("You: ") && $0.count > 5 && $0.hasSuffix("[exit 0]") })
    let before = try String(contentsOfFile: client.folder.path + "/stty-before", encoding: .utf8)
    let restored = try String(contentsOfFile: client.folder.path + "/stty-after", encoding: .utf8)
    #expect(before == restored)
  }

  @Test("a new demo-3 server is shown by its fingerprint and asked about: no refuses, yes pins")
  func trustQuestion() throws {
    let files = try TemporaryFolder()
    let (server, port) = try Self.server("--demo 3 --identity \(files.path)/id.pem")
    let screen = try server.waitFor("the fingerprint") {
      $0.contains { $0.hasPrefix("[*] Server fingerprint: ") }
    }
    let fingerprint = String(
      (screen.first { $0.hasPrefix("[*] Server fingerprint: ") } ?? "").dropFirst(24))
    let known = "\(files.path)/known_servers"
    let command =
      "\(Self.binary) connect 127.0.0.1 --port \(port) --demo 3 --known-servers \(known)"

    let refusing = try TmuxTerminal(columns: 100, rows: 20, command: command)
    let asked = try refusing.waitFor("the question") {
      $0.last { !$0.isEmpty } == "Trust this server and pin it (yes/no)?"
    }
    #expect(asked.contains("[*] Its Ed25519 identity fingerprint is \(fingerprint)."))
    try refusing.send("-l", "no")
    try refusing.send("Enter")
    #expect(try refusing.waitForExit() == 1)
    #expect(
      try refusing.screen().joined().contains(
        "learnchat: 127.0.0.1:\(port) not trusted: you answered no"))
    #expect(!FileManager.default.fileExists(atPath: known))
    try server.waitFor("the server to say why the client left") {
      $0.contains { $0.hasPrefix("[!] The client hung up right after the handshake") }
    }

    let accepting = try TmuxTerminal(columns: 100, rows: 20, command: command)
    try accepting.waitFor("the question") {
      $0.last { !$0.isEmpty } == "Trust this server and pin it (yes/no)?"
    }
    try accepting.send("-l", "yes")
    try accepting.send("Enter")
    try accepting.waitFor("the chat") { $0.contains("Ready (encrypted channel)") }
    let pins = try String(contentsOfFile: known, encoding: .utf8)
    #expect(pins.contains("127.0.0.1:\(port) \(fingerprint)"))
    try accepting.send("C-d")
    #expect(try accepting.waitForExit() == 0)
  }
}

/// `learnchat intercept` on a terminal: the instructor's one-word commands during a live chat.
@Suite(
  "The relay's commands in a real terminal",
  .enabled(
    if: TmuxTerminal.isAvailable
      || ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_TMUX"] != nil,
    "tmux is not installed (scripts/install-deps --terminal installs it)"))
struct InterceptTerminalTests {
  @Test("replay, flip and say act on the live chat; an unknown word is answered in one line")
  func commands() throws {
    let binary = ChatTerminalTests.binary
    let (server, port) = try ChatTerminalTests.server("--demo 2")
    let relay = try TmuxTerminal(
      columns: 200, rows: 50,
      command:
        "\(binary) intercept --listen 127.0.0.1:0 --to 127.0.0.1:\(port) --attack mitm --color never"
    )
    let listening = try relay.waitFor("the relay to listen") {
      $0.contains { $0.hasPrefix("[relay] Listening on 127.0.0.1:") }
    }
    let line = listening.first { $0.hasPrefix("[relay] Listening on 127.0.0.1:") } ?? ""
    let relayPort = line.dropFirst("[relay] Listening on 127.0.0.1:".count).prefix { $0.isNumber }
    let client = try TmuxTerminal(
      columns: 100, rows: 20, command: "\(binary) connect 127.0.0.1 --port \(relayPort)")
    try client.waitFor("the chat") { $0.contains("Ready (encrypted channel)") }
    try server.waitFor("the chat") { $0.contains("Ready (encrypted channel)") }

    try client.send("-l", "first")
    try client.send("Enter")
    try server.waitFor("the message") { $0.contains("[Peer]: first") }
    try relay.send("-l", "replay")
    try relay.send("Enter")
    try server.waitFor("the replayed message") { $0.filter { $0 == "[Peer]: first" }.count == 2 }

    try relay.send("-l", "say the relay speaks")
    try relay.send("Enter")
    try server.waitFor("the injected message") { $0.contains("[Peer]: the relay speaks") }

    try relay.send("-l", "flip")
    try relay.send("Enter")
    try client.send("-l", "second")
    try client.send("Enter")
    try server.waitFor("the flipped message") {
      $0.contains { $0.hasPrefix("[!] Failed to decrypt message") }
    }

    try relay.send("-l", "frobnicate")
    try relay.send("Enter")
    try relay.waitFor("the answer") {
      $0.contains("[relay] no command \"frobnicate\"; help lists them")
    }
  }
}
