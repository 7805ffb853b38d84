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
    let files = try Demo3Files()
    defer { files.remove() }
    let known = files.path("known_servers")
    let (server, port, fingerprint) = try Learnchat.serveDemo3(identity: files.path("id.pem"))
    defer { server.terminate() }
    let client = try Learnchat.connectDemo3(port: port, knownServers: known, acceptNew: false)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: 127.0.0.1:\(port) is not a known server (its fingerprint is "
        + "\(fingerprint)) and there is no terminal to ask on; check the fingerprint the server "
        + "shows and pass it with --fingerprint, or pass --accept-new to trust it on first use\n")
    #expect(!client.output.contains("Ready"))
    #expect(files.contents("known_servers") == nil)
    try server.expectLine(
      containing: "[!] The client hung up",
      toBe: "[!] The client hung up right after the handshake: it probably did not trust this "
        + "server's identity (\(fingerprint))")
    #expect(!server.output.contains("[Peer disconnected]"))
    try chatAsGoodDemo3Client(with: server, port: port, tag: "after a refusing client")
  }

  @Test("the first connection pins the server; the next one matches the pin")
  func trustOnFirstUse() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let known = files.path("known_servers")
    let (server, port, fingerprint) = try Learnchat.serveDemo3(identity: files.path("id.pem"))
    defer { server.terminate() }

    let client = try Learnchat.connectDemo3(port: port, knownServers: known)
    defer { client.terminate() }
    try client.expectLine(
      containing: "[*] First connection",
      toBe: "[*] First connection to 127.0.0.1:\(port): accepting \(fingerprint) (--accept-new)")
    try client.expectLine(containing: "[*] Pinned", toBe: "[*] Pinned it in \(known)")
    try client.expectLine(
      containing: "[*] Handshake complete",
      toBe: "[*] Handshake complete: keys established for each direction")
    try client.waitForLine(containing: "Ready (encrypted channel)")
    try server.expectLine(
      containing: "[*] Handshake complete",
      toBe: "[*] Handshake complete: keys established for each direction")
    try server.waitForLine(containing: "Ready (encrypted channel)")

    let pins = try #require(files.contents("known_servers"))
    #expect(pins.split(separator: "\n").contains("127.0.0.1:\(port) \(fingerprint)"))
    #expect(try files.mode("known_servers") == 0o600)

    try client.send("hello server")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: hello server")
    try server.send("hello client")
    try client.expectLine(containing: "[Peer]", toBe: "[Peer]: hello client")
    try client.send("exit")
    try client.expectExit(0)
    try server.waitForLine(containing: "[Peer exited]")
    try server.waitForLine(containing: "ended; waiting for the next client ...")

    let again = try Learnchat.connectDemo3(port: port, knownServers: known)
    defer { again.terminate() }
    try again.expectLine(
      containing: "[*] Server identity",
      toBe: "[*] Server identity matches the pinned \(fingerprint)")
    try again.waitForLine(containing: "Ready (encrypted channel)")
    try again.send("second visit")
    try server.expectLine(containing: "[Peer]", toBe: "[Peer]: second visit")
    again.closeInput()
    try again.expectExit(0)
    try server.waitForLine(containing: "[Peer exited]")
    #expect(!again.output.contains("First connection"))
    #expect(files.contents("known_servers") == pins)
  }

  @Test("a server whose identity differs from the pin is refused, and the file is kept")
  func changedIdentity() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let known = files.path("known_servers")
    let (server, port, fingerprint) = try Learnchat.serveDemo3(identity: files.path("id.pem"))
    defer { server.terminate() }
    let pins = "# pinned by hand\n127.0.0.1:\(port) \(unknownFingerprint)\n"
    try pins.write(toFile: known, atomically: false, encoding: .utf8)

    let client = try Learnchat.connectDemo3(port: port, knownServers: known)
    defer { client.terminate() }
    try client.expectExit(1)
    #expect(
      client.errorOutput
        == "learnchat: handshake failed: THE SERVER'S IDENTITY HAS CHANGED: pinned "
        + "\(unknownFingerprint), presented \(fingerprint); refusing (someone may be in the "
        + "middle); if the change is expected, remove the line for 127.0.0.1:\(port) from "
        + "\(known)\n")
    #expect(!client.output.contains("Ready"))
    #expect(files.contents("known_servers") == pins)
    // The server merely lost a client.
    try server.waitForLine(containing: "ended; waiting for the next client ...")
    try chatAsGoodDemo3Client(with: server, port: port, tag: "after a refused client")
  }

  @Test("--fingerprint: a wrong one is refused; the right one is accepted and pinned")
  func fingerprintOption() throws {
    let files = try Demo3Files()
    defer { files.remove() }
    let known = files.path("known_servers")
    let (server, port, fingerprint) = try Learnchat.serveDemo3(identity: files.path("id.pem"))
    defer { server.terminate() }

    let wrong = try Learnchat.connectDemo3(
      port: port, knownServers: known, ["--fingerprint", unknownFingerprint])
    defer { wrong.terminate() }
    try wrong.expectExit(1)
    #expect(
      wrong.errorOutput
        == "learnchat: handshake failed: the server's identity is not trusted: its fingerprint "
        + "\(fingerprint) does not match the one given with --fingerprint, "
        + "\(unknownFingerprint)\n")
    #expect(files.contents("known_servers") == nil)
    try server.waitForLine(containing: "ended; waiting for the next client ...")

    let right = try Learnchat.connectDemo3(
      port: port, knownServers: known, ["--fingerprint", fingerprint])
    defer { right.terminate() }
    try right.expectLine(
      containing: "[*] First connection",
      toBe: "[*] First connection to 127.0.0.1:\(port): \(fingerprint) is the fingerprint "
        + "given with --fingerprint")
    try right.waitForLine(containing: "Ready (encrypted channel)")
    right.closeInput()
    try right.expectExit(0)
    let pins = try #require(files.contents("known_servers"))
    #expect(pins.split(separator: "\n").contains("127.0.0.1:\(port) \(fingerprint)"))
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

    let first = try ChatProcess(
      name: "learnchat serve", executable: Learnchat.url,
      arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--demo", "3"],
      environment: environment)
    defer { first.terminate() }
    let original = try fingerprint(of: first)
    #expect(first.outputLines.first == "[*] Created a new identity key in \(identity)")
    #expect(try files.mode("config/learnchat") == 0o700)
    #expect(try files.mode("config/learnchat/server-identity.pem") == 0o600)
    let pem = try #require(files.contents("config/learnchat/server-identity.pem"))
    #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    first.terminate()

    let second = try ChatProcess(
      name: "learnchat serve", executable: Learnchat.url,
      arguments: ["serve", "--host", "127.0.0.1", "--port", "0", "--demo", "3"],
      environment: environment)
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
    let server = try ChatProcess(
      name: "learnchat serve", executable: Learnchat.url,
      arguments: [
        "serve", "--host", "127.0.0.1", "--port", "0", "--demo", "3", "--identity", identity,
      ])
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
    let server = try ChatProcess(
      name: "learnchat serve", executable: Learnchat.url,
      arguments: [
        "serve", "--host", "127.0.0.1", "--port", "0", "--demo", "3", "--identity", identity,
      ])
    defer { server.terminate() }
    try server.expectExit(1)
    #expect(server.errorOutput.hasPrefix("learnchat: cannot use the identity key \(identity): "))
    #expect(server.errorOutput.filter { $0 == "\n" }.count == 1)
    #expect(!server.output.contains("Listening"))
    #expect(files.contents("id.pem") == "not a key\n")
  }
}
