import Foundation
import LearnchatChat
import LearnchatDemos
import Testing

/// `learnchat serve --demo 3` and `learnchat connect --demo 3` as real processes: the server's
/// identity file, and the client's pins (trust on first use, then refusing a change).
@Suite("Demo 3 chat: identity and pinning")
struct Demo3ChatTests {
  @Test("without a terminal to ask on, a new server is refused; both ends say so")
  func newServerRefusedWithoutTerminal() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }
    let client = try demo3.connect(acceptNew: false)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: 127.0.0.1:\(demo3.port) is not a known server (its fingerprint is "
        + "\(demo3.fingerprint)) and there is no terminal to ask on; check the fingerprint the server "
        + "shows and pass it with --fingerprint, or pass --accept-new to trust it on first use\n")
    #expect(!client.output.contains("Ready"))
    #expect(demo3.files.contents("known_servers") == nil)
    try demo3.server.expectLine(
      containing: "[!] The client hung up",
      toBe: "[!] The client hung up right after the handshake: it probably did not trust this "
        + "server's identity (\(demo3.fingerprint))")
    #expect(!demo3.server.output.contains("[Peer disconnected]"))
    try demo3.chatAsGoodClient(tag: "after a refusing client")
  }

  @Test("the first connection pins the server; the next one matches the pin")
  func trustOnFirstUse() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }

    let client = try demo3.connect()
    defer { client.terminate() }
    try client.expectLine(
      containing: "[*] First connection",
      toBe:
        "[*] First connection to 127.0.0.1:\(demo3.port): accepting \(demo3.fingerprint) (--accept-new)"
    )
    try client.expectLine(containing: "[*] Pinned", toBe: "[*] Pinned it in \(demo3.knownServers)")
    try client.expectLine(
      containing: "[*] Handshake complete",
      toBe: "[*] Handshake complete: keys established for each direction")
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try demo3.server.expectLine(
      containing: "[*] Handshake complete",
      toBe: "[*] Handshake complete: keys established for each direction")
    try demo3.server.waitForLine(containing: "Ready (encrypted channel)")

    let pins = try #require(demo3.files.contents("known_servers"))
    #expect(pins.split(separator: "\n").contains("127.0.0.1:\(demo3.port) \(demo3.fingerprint)"))
    #expect(try demo3.files.mode("known_servers") == 0o600)

    try client.send("hello server")
    try demo3.server.expectLine(containing: "[Peer]", toBe: "[Peer]: hello server")
    try demo3.server.send("hello client")
    try client.expectLine(containing: "[Peer]", toBe: "[Peer]: hello client")
    try client.send("exit")
    try client.expectExit(0)
    try demo3.server.waitForLine(containing: "[Peer exited]")
    try demo3.server.waitForLine(containing: "ended; waiting for the next client ...")

    let again = try demo3.connect()
    defer { again.terminate() }
    try again.expectLine(
      containing: "[*] Server identity",
      toBe: "[*] Server identity matches the pinned \(demo3.fingerprint)")
    try again.waitForLine(containing: "Ready (encrypted channel)")
    try again.send("second visit")
    try demo3.server.expectLine(containing: "[Peer]", toBe: "[Peer]: second visit")
    again.closeInput()
    try again.expectExit(0)
    try demo3.server.waitForLine(containing: "[Peer exited]")
    #expect(!again.output.contains("First connection"))
    #expect(demo3.files.contents("known_servers") == pins)
  }

  @Test("a server whose identity differs from the pin is refused, and the file is kept")
  func changedIdentity() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }
    let pins = "# pinned by hand\n127.0.0.1:\(demo3.port) \(unknownFingerprint)\n"
    try pins.write(toFile: demo3.knownServers, atomically: false, encoding: .utf8)

    let client = try demo3.connect()
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: handshake failed: THE SERVER'S IDENTITY HAS CHANGED: pinned "
        + "\(unknownFingerprint), presented \(demo3.fingerprint); refusing (someone may be in the "
        + "middle); if the change is expected, remove the line for 127.0.0.1:\(demo3.port) from "
        + "\(demo3.knownServers)\n")
    #expect(!client.output.contains("Ready"))
    #expect(demo3.files.contents("known_servers") == pins)
    // The server merely lost a client.
    try demo3.server.waitForLine(containing: "ended; waiting for the next client ...")
    try demo3.chatAsGoodClient(tag: "after a refused client")
  }

  @Test("--fingerprint: a wrong one is refused; the right one is accepted and pinned")
  func fingerprintOption() throws {
    let demo3 = try Demo3Server()
    defer { demo3.stop() }

    let wrong = try demo3.connect(["--fingerprint", unknownFingerprint])
    defer { wrong.terminate() }
    try wrong.expectExit(1)
    #expect(
      wrong.errorOutput
        == "learnchat: handshake failed: the server's identity is not trusted: its fingerprint "
        + "\(demo3.fingerprint) does not match the one given with --fingerprint, "
        + "\(unknownFingerprint)\n")
    #expect(demo3.files.contents("known_servers") == nil)
    try demo3.server.waitForLine(containing: "ended; waiting for the next client ...")

    let right = try demo3.connect(["--fingerprint", demo3.fingerprint])
    defer { right.terminate() }
    try right.expectLine(
      containing: "[*] First connection",
      toBe:
        "[*] First connection to 127.0.0.1:\(demo3.port): \(demo3.fingerprint) is the fingerprint "
        + "given with --fingerprint")
    try right.waitForLine(containing: "Ready (encrypted channel)")
    right.closeInput()
    try right.expectExit(0)
    let pins = try #require(demo3.files.contents("known_servers"))
    #expect(pins.split(separator: "\n").contains("127.0.0.1:\(demo3.port) \(demo3.fingerprint)"))
  }

  @Test("a malformed known-servers file stops the client before it connects, naming the line")
  func malformedKnownServers() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let known = files.path("known_servers")
    try "# mine\n127.0.0.1 \(unknownFingerprint)\n".write(
      toFile: known, atomically: false, encoding: .utf8)
    // Nothing listens on port 1; the file is read first.
    let client = try Learnchat.connectDemo3(port: 1, knownServers: known)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: cannot use the known-servers file \(known): line 2: \"127.0.0.1\" is not "
        + "HOST:PORT\n")
  }

  @Test(
    "the default identity file is created (0600, in 0700 folders) and reused on the next start")
  func identityFile() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let identity = files.path("config/learnchat/server-identity.pem")
    let environment = ["XDG_CONFIG_HOME": files.path("config")]

    let first = try Learnchat.startServing(["--demo", "3"], environment: environment)
    defer { first.terminate() }
    let original = try fingerprint(of: first)
    #expect(first.outputLines.first == "[*] Created a new identity key in \(identity)")
    #expect(try files.mode("config/learnchat") == 0o700)
    #expect(try files.mode("config/learnchat/server-identity.pem") == 0o600)
    let pem = try #require(files.contents("config/learnchat/server-identity.pem"))
    #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    first.terminate()

    let second = try Learnchat.startServing(["--demo", "3"], environment: environment)
    defer { second.terminate() }
    #expect(try fingerprint(of: second) == original)
    #expect(!second.output.contains("Created"))
    #expect(files.contents("config/learnchat/server-identity.pem") == pem)
  }

  @Test("--identity in a folder that does not exist is refused: no folder is made")
  func identityInMissingFolder() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let identity = files.path("typo/server-identity.pem")
    let server = try Learnchat.startServing(["--demo", "3", "--identity", identity])
    defer { server.terminate() }
    try server.expectExit(1)
    #expect(
      server.errorOutput
        == "learnchat: cannot use the identity key \(identity): the folder \(files.path("typo")) "
        + "does not exist (create it, or leave out --identity to use the default place)\n")
    #expect(!FileManager.default.fileExists(atPath: files.path("typo")))
  }

  @Test("an identity file that holds no Ed25519 key stops the server with one line")
  func garbageIdentity() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let identity = files.path("id.pem")
    try "not a key\n".write(toFile: identity, atomically: false, encoding: .utf8)
    let server = try Learnchat.startServing(["--demo", "3", "--identity", identity])
    defer { server.terminate() }
    try server.expectExit(1)
    #expect(server.errorOutput.hasPrefix("learnchat: cannot use the identity key \(identity): "))
    #expect(server.errorOutput.filter { $0 == "\n" }.count == 1)
    #expect(!server.output.contains("Listening"))
    #expect(files.contents("id.pem") == "not a key\n")
  }
}
