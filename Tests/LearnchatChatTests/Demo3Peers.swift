import Foundation
import LearnchatChat
import LearnchatDemos
import LearnchatWire
import Testing

/// A directory of its own for one test's identity and known-servers files; `remove` it after.
struct Demo3Files {
  /// The directory.
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("learnchat-demo3-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// A path inside the directory (not created).
  func path(_ name: String) -> String {
    directory.appendingPathComponent(name).path
  }

  /// The file's text, or nil when it does not exist.
  func contents(_ name: String) -> String? {
    try? String(contentsOfFile: path(name), encoding: .utf8)
  }

  /// The file's permission bits, such as 0o600.
  func mode(_ name: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path(name))
    return try #require(attributes[.posixPermissions] as? Int)
  }
}

extension Learnchat {
  /// Starts `learnchat serve --demo 3 --identity identity` on a free port; returns it with its
  /// port and the fingerprint it printed.
  static func serveDemo3(identity: String, _ arguments: [String] = []) throws -> (
    server: ChatProcess, port: UInt16, fingerprint: String
  ) {
    let (server, port) = try serve(["--demo", "3", "--identity", identity] + arguments)
    do {
      return (server, port, try fingerprint(of: server))
    } catch {
      server.terminate()
      throw error
    }
  }

  /// Starts `learnchat connect --demo 3 --known-servers knownServers`, with `--accept-new`
  /// unless `acceptNew` is false: no terminal is there to ask whether to trust a new server.
  static func connectDemo3(
    port: UInt16, knownServers: String, _ arguments: [String] = [], acceptNew: Bool = true
  ) throws -> ChatProcess {
    try connect(
      port: port,
      ["--demo", "3", "--known-servers", knownServers] + (acceptNew ? ["--accept-new"] : [])
        + arguments)
  }
}

/// The fingerprint in a demo-3 server's `[*] Server fingerprint: SHA256:...` line.
func fingerprint(of server: ChatProcess) throws -> String {
  let prefix = "[*] Server fingerprint: "
  let line = try server.waitForLine(containing: prefix)
  let fingerprint = String(line.dropFirst(prefix.count))
  guard line.hasPrefix(prefix), KnownServers.isFingerprint(fingerprint) else {
    throw ChatProcessError(description: "no fingerprint in \"\(line)\"")
  }
  return fingerprint
}

/// A well-formed fingerprint that no server here has: SHA-256 is not all zeros.
let unknownFingerprint = "SHA256:" + String(repeating: "A", count: 43)

/// A demo-3 client written with learnchat's own handshake and channel, trusting any identity,
/// for driving the server frame by frame.
struct Demo3TestClient {
  let framed: FramedChannel
  let channel: Demo3.Channel
  /// The session's keys, for sealing frames on the side (to tamper with them).
  let keys: Demo3.SessionKeys

  /// Connects and completes the handshake.
  init(port: UInt16) throws {
    let connection = try rawConnection(port: port)
    framed = FramedChannel(connection: connection)
    do {
      let handshake = Demo3.ClientHandshake(framed: framed, trust: { _ in })
      let completion = try handshake.receiveServerHello(ephemeral: handshake.sendClientHello())
      keys = completion.keys
      channel = try Demo3.Channel(framed: framed, keys: keys, role: .client)
    } catch {
      connection.close()
      throw error
    }
  }

  /// Receives the next message's text.
  func receiveText() throws -> String? {
    guard let received = try channel.receive() else { return nil }
    return String(decoding: received.plaintext, as: UTF8.self)
  }
}

extension Demo3TestClient: GoodTestClient {
  func sendText(_ text: String) throws { try channel.send(text) }
}

/// A good demo-3 client's whole chat with `learnchat serve --demo 3`; see `chatAsGood`.
func chatAsGoodDemo3Client(with server: ChatProcess, port: UInt16, tag: String) throws {
  try chatAsGood(Demo3TestClient.self, with: server, port: port, tag: tag)
}
