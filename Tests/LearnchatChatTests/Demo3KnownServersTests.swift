import Foundation
import LearnchatChat
import LearnchatCrypto
import LearnchatDemos
import Testing

/// The known-servers file (in-process): parsing, lookup, appending, and the trust decisions
/// made with it.
@Suite("Demo 3 known servers")
struct Demo3KnownServersTests {
  private let first = "SHA256:" + String(repeating: "A", count: 43)
  private let second = "SHA256:" + String(repeating: "B", count: 42) + "E"

  @Test("pins are read; comments, blank lines and trailing comments are ignored")
  func parsing() throws {
    let known = try KnownServers(
      parsing: """
        # my servers

        127.0.0.1:5002 \(first)
          # indented comment
        example.org:5002\t\(second)   # the laptop
        [::1]:5002 \(second)
        """)
    #expect(
      known.entries == [
        .init(server: "127.0.0.1:5002", fingerprint: first, line: 3),
        .init(server: "example.org:5002", fingerprint: second, line: 5),
        .init(server: "[::1]:5002", fingerprint: second, line: 6),
      ])
    #expect(try KnownServers(parsing: "").entries.isEmpty)
    #expect(try KnownServers(parsing: "\r\n# only a comment\r\n").entries.isEmpty)
  }

  @Test(
    "a malformed line is reported with its number",
    arguments: [
      ("just-a-host", #"line 2: expected "HOST:PORT SHA256:...", got "just-a-host""#),
      ("localhost SHA256:x", #"line 2: "localhost" is not HOST:PORT"#),
      (
        "localhost:0 \(String(repeating: "A", count: 3))",
        #"line 2: "localhost:0" is not HOST:PORT"#
      ),
      ("::1:5002 SHA256:x", #"line 2: "::1:5002" is not HOST:PORT"#),
      (
        "host:5002 SHA256:tooshort",
        #"line 2: "SHA256:tooshort" is not a fingerprint (SHA256: and 43 base64 characters)"#
      ),
      (
        "host:5002 MD5:\(String(repeating: "A", count: 43))",
        #"line 2: "MD5:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" is not a fingerprint (SHA256: and 43 base64 characters)"#
      ),
      (
        "host:5002 SHA256:\(String(repeating: "A", count: 43)) extra",
        #"line 2: unexpected "extra" after the fingerprint (comments start with #)"#
      ),
    ])
  func malformedLine(line: String, expected: String) {
    #expect {
      _ = try KnownServers(parsing: "# comment\n\(line)\nhost:1 \(first)\n")
    } throws: { error in
      (error as? KnownServers.MalformedLine)?.description == expected
    }
  }

  @Test("lookup finds every pin for a server, and nothing for another")
  func lookup() throws {
    var known = try KnownServers(parsing: "a:1 \(first)\nb:1 \(second)\na:1 \(second)\n")
    #expect(known.fingerprints(for: "a:1") == [first, second])
    #expect(known.fingerprints(for: "b:1") == [second])
    #expect(known.fingerprints(for: "a:2").isEmpty)
    known.add(server: "c:1", fingerprint: first)
    #expect(known.fingerprints(for: "c:1") == [first])
  }

  @Test("servers are named HOST:PORT, IPv6 addresses in brackets, names in lower case")
  func serverNames() {
    #expect(KnownServers.server(host: "127.0.0.1", port: 5002) == "127.0.0.1:5002")
    #expect(KnownServers.server(host: "Example.ORG", port: 1) == "example.org:1")
    #expect(KnownServers.server(host: "::1", port: 5002) == "[::1]:5002")
  }

  @Test("fingerprints are SHA256: and the unpadded base64 of 32 bytes")
  func fingerprints() throws {
    let real = try Demo3.fingerprint(of: Ed25519.PrivateKey().publicKey)
    #expect(KnownServers.isFingerprint(real))
    #expect(KnownServers.isFingerprint(first))
    #expect(!KnownServers.isFingerprint(real + "="))
    #expect(!KnownServers.isFingerprint(String(real.dropFirst(7))))
    #expect(!KnownServers.isFingerprint("SHA256:" + String(repeating: "-", count: 43)))
  }

  @Test("appending creates the file (0600) and its directory (0700), then adds lines")
  func append() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let file = KnownServersFile(path: files.path("config/learnchat/known_servers"))
    #expect(try file.load().entries.isEmpty)
    try file.append(server: "127.0.0.1:5002", fingerprint: first)
    #expect(try files.mode("config") == 0o700)
    #expect(try files.mode("config/learnchat") == 0o700)
    #expect(try files.mode("config/learnchat/known_servers") == 0o600)
    try file.append(server: "example.org:5002", fingerprint: second)
    let text = try #require(files.contents("config/learnchat/known_servers"))
    #expect(text.hasPrefix("# "))
    #expect(text.hasSuffix("\n127.0.0.1:5002 \(first)\nexample.org:5002 \(second)\n"))
    let known = try file.load()
    #expect(known.fingerprints(for: "127.0.0.1:5002") == [first])
    #expect(known.fingerprints(for: "example.org:5002") == [second])
  }

  @Test("a hand-edited file without a last newline gets one before the new line")
  func appendAfterMissingNewline() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    try "a:1 \(first)".write(toFile: files.path("known"), atomically: false, encoding: .utf8)
    try KnownServersFile(path: files.path("known")).append(server: "b:1", fingerprint: second)
    #expect(files.contents("known") == "a:1 \(first)\nb:1 \(second)\n")
  }

  @Test("a malformed file fails to load, naming the file and the line")
  func malformedFile() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    try "a:1 \(first)\nnonsense\n".write(
      toFile: files.path("known"), atomically: false, encoding: .utf8)
    #expect {
      _ = try KnownServersFile(path: files.path("known")).load()
    } throws: { error in
      "\(error)"
        == "cannot use the known-servers file \(files.path("known")): line 2: "
        + #"expected "HOST:PORT SHA256:...", got "nonsense""#
    }
  }

  @Test("the default files are under XDG_CONFIG_HOME, else ~/.config")
  func defaultPaths() throws {
    #expect(
      try KnownServersFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/learnchat/known_servers")
    #expect(
      try KnownServersFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])
        == "/h/.config/learnchat/known_servers")
    #expect(
      try ServerIdentity.defaultPath(environment: ["HOME": "/h"])
        == "/h/.config/learnchat/server-identity.pem")
    #expect(throws: ChatFailure.self) { try ServerIdentity.defaultPath(environment: [:]) }
  }

  @Test("trust: first use is accepted and pinned, a match accepted, a change refused")
  func trustDecisions() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let identity = try Ed25519.PrivateKey().publicKey
    let presented = try Demo3.fingerprint(of: identity)
    let file = KnownServersFile(path: files.path("known"))
    let lines = LineCollector()
    let console = ChatConsole(showsPrompt: false, write: lines.append)

    // First use, with no one to ask: refused, nothing written.
    let unasked = ServerPinning(server: "h:1", file: file, known: KnownServers(), expected: nil)
    try unasked.trust(identity)
    #expect(throws: ChatFailure.self) { try unasked.commit(console: console, ask: nil) }
    #expect(files.contents("known") == nil)

    // First use, asked: "no" refuses, anything else asks again, "yes" accepts and pins.
    let questions = LineCollector()
    let refused = ServerPinning(server: "h:1", file: file, known: KnownServers(), expected: nil)
    try refused.trust(identity)
    var answers = ["maybe", " NO "]
    #expect(throws: ChatFailure.self) {
      try refused.commit(console: console) { question in
        questions.append(question)
        return answers.removeFirst()
      }
    }
    #expect(questions.text == "Trust this server and pin it (yes/no)? Please type 'yes' or 'no': ")
    #expect(files.contents("known") == nil)

    let firstUse = ServerPinning(server: "h:1", file: file, known: KnownServers(), expected: nil)
    try firstUse.trust(identity)
    #expect(files.contents("known") == nil)
    try firstUse.commit(console: console) { _ in "yes" }
    #expect(try file.load().fingerprints(for: "h:1") == [presented])
    #expect(lines.text.contains("[*] Its Ed25519 identity fingerprint is \(presented).\n"))
    #expect(lines.text.hasSuffix("[*] Pinned it in \(file.path)\n"))

    // The pin matches.
    let matching = ServerPinning(server: "h:1", file: file, known: try file.load(), expected: nil)
    try matching.trust(identity)
    try matching.commit(console: console, ask: nil)
    #expect(lines.text.hasSuffix("[*] Server identity matches the pinned \(presented)\n"))

    // A different pin: refused.
    let changed = ServerPinning(
      server: "h:1", file: file, known: try KnownServers(parsing: "h:1 \(first)"), expected: nil)
    #expect(throws: Demo3.ProtocolError.identityChanged(pinned: first, presented: presented)) {
      try changed.trust(identity)
    }

    // --fingerprint: only that one.
    let expecting = ServerPinning(
      server: "h:2", file: file, known: KnownServers(), expected: second)
    #expect(
      throws: Demo3.ProtocolError.untrusted(
        reason: "its fingerprint \(presented) does not match the one given with --fingerprint, "
          + "\(second)")
    ) {
      try expecting.trust(identity)
    }
    let expectingRight = ServerPinning(
      server: "h:2", file: file, known: KnownServers(), expected: presented)
    try expectingRight.trust(identity)
  }
}

/// Collects what a console writes.
private final class LineCollector: Sendable {
  private let lock = NSLock()
  private nonisolated(unsafe) var collected = ""

  @Sendable func append(_ text: String) {
    lock.lock()
    collected += text
    lock.unlock()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return collected
  }
}
