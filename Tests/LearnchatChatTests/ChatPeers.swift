import Foundation
import LearnchatChat
import LearnchatDemos
import LearnchatWire
import Testing

/// The `learnchat` executable, built beside the test bundle.
enum Learnchat {
  static var url: URL {
    let testExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return testExecutable.deletingLastPathComponent().appendingPathComponent("learnchat")
  }

  /// Starts `learnchat serve` on 127.0.0.1 and a free port without waiting for it to listen:
  /// for a server that is expected to refuse to start, or to say something first.
  static func startServing(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws -> ChatProcess {
    try ChatProcess(
      name: "learnchat serve", executable: url,
      arguments: ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments,
      environment: environment)
  }

  /// Starts `learnchat serve` on 127.0.0.1 and a free port; returns it once it listens.
  static func serve(_ arguments: [String]) throws -> (server: ChatProcess, port: UInt16) {
    let server = try startServing(arguments)
    do {
      return (server, try listeningPort(of: server))
    } catch {
      server.terminate()
      throw error
    }
  }

  /// Starts `learnchat connect 127.0.0.1 --port port`.
  static func connect(port: UInt16, _ arguments: [String]) throws -> ChatProcess {
    try ChatProcess(
      name: "learnchat connect", executable: url,
      arguments: ["connect", "127.0.0.1", "--port", String(port)] + arguments)
  }
}

/// The re-created original Python chat (`Fixtures/original_chat.py`).
enum OriginalChat {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/original_chat.py").path

  /// Whether `python3` with `cryptography` can run here. With `LEARNCHAT_REQUIRE_PYTHON` set
  /// (CI sets it) the tests run regardless and fail loudly if Python is missing.
  static let isAvailable: Bool = {
    if ProcessInfo.processInfo.environment["LEARNCHAT_REQUIRE_PYTHON"] != nil { return true }
    guard let probe = try? python(["-c", "import cryptography"], name: "python3 probe") else {
      return false
    }
    defer { probe.terminate() }
    return (try? probe.waitForExit()) == 0
  }()

  static func python(_ arguments: [String], name: String) throws -> ChatProcess {
    try ChatProcess(
      name: name, executable: URL(fileURLWithPath: "/usr/bin/env"),
      arguments: ["python3", "-u"] + arguments)
  }

  /// Starts the original server on 127.0.0.1 and a free port; returns it once it listens.
  static func serve(demo: Int) throws -> (server: ChatProcess, port: UInt16) {
    let server = try python(
      [script, "server", "--host", "127.0.0.1", "--port", "0", "--demo", String(demo)],
      name: "original_chat.py server")
    do {
      return (server, try listeningPort(of: server))
    } catch {
      server.terminate()
      throw error
    }
  }

  /// Starts the original client against 127.0.0.1:`port`.
  static func connect(port: UInt16, demo: Int) throws -> ChatProcess {
    try python(
      [script, "client", "127.0.0.1", "--port", String(port), "--demo", String(demo)],
      name: "original_chat.py client")
  }

  /// `nonce || AES-256-GCM(plaintext) || tag` under `key`, sealed by Python's `cryptography`,
  /// for plaintexts a Swift `String` cannot hold (invalid UTF-8).
  static func seal(_ plaintext: [UInt8], key: [UInt8]) throws -> [UInt8] {
    let code = """
      import os, sys
      from cryptography.hazmat.primitives.ciphers.aead import AESGCM
      key, plaintext = bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2])
      nonce = os.urandom(12)
      print((nonce + AESGCM(key).encrypt(nonce, plaintext, None)).hex())
      """
    let sealer = try python(["-c", code, hex(key), hex(plaintext)], name: "python3 seal")
    defer { sealer.terminate() }
    try #require(try sealer.waitForExit() == 0, "\(sealer.errorOutput)")
    return try #require(bytes(fromHex: sealer.outputLines.first ?? ""))
  }
}

/// The port in a server's first line, `[*] Listening on HOST:PORT ...`.
func listeningPort(of server: ChatProcess) throws -> UInt16 {
  let line = try server.waitForLine(containing: "[*] Listening on ")
  guard let colon = line.lastIndex(of: ":"),
    let port = UInt16(line[line.index(after: colon)...].prefix { $0.isNumber }), port != 0
  else { throw ChatProcessError(description: "no port in \"\(line)\"") }
  return port
}

/// The line a demo prints once the chat can start.
func readyLine(demo: Int) -> String {
  demo == 1 ? "I'm ready" : "Ready (encrypted channel)"
}

func hex(_ bytes: [UInt8]) -> String {
  bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

func bytes(fromHex text: String) -> [UInt8]? {
  let digits = Array(text.utf8)
  guard digits.count % 2 == 0 else { return nil }
  var result: [UInt8] = []
  for index in stride(from: 0, to: digits.count, by: 2) {
    guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
    else { return nil }
    result.append(byte)
  }
  return result
}

extension String {
  /// The line without the Python peer's `You: ` prompts: its `input()` prints them on
  /// standard output from the keyboard thread, so they land before a received line or between
  /// its text and its newline (`print` writes those apart).
  var withoutPrompts: String {
    var line = Substring(self)
    while line.hasPrefix("You: ") { line = line.dropFirst(5) }
    while line.hasSuffix("You: ") { line = line.dropLast(5) }
    return String(line)
  }
}

// MARK: - Peers written in the test

/// Opens a TCP connection to 127.0.0.1:`port` whose reads give up after the safety deadline.
func rawConnection(port: UInt16) throws -> TCPConnection {
  let connection = try TCPConnection.connect(host: "127.0.0.1", port: port)
  try connection.setReadTimeout(ChatProcess.deadline)
  return connection
}

/// Reads until the peer closes the connection, and says whether it did (a reset counts as
/// closing; the safety deadline passing does not).
func peerCloses(_ connection: TCPConnection) -> Bool {
  while true {
    do {
      if try connection.read(upTo: 65_536).isEmpty { return true }
    } catch WireError.timedOut {
      return false
    } catch {
      return true
    }
  }
}

/// A demo-2 client written with learnchat's own handshake and channel, for driving the server
/// frame by frame.
struct SecureTestClient {
  let framed: FramedChannel
  let channel: Demo2.Channel
  /// The session key's 32 bytes, for sealing bytes a `String` cannot hold.
  let keyBytes: [UInt8]

  /// Connects and completes the handshake.
  init(port: UInt16) throws {
    let connection = try rawConnection(port: port)
    framed = FramedChannel(connection: connection)
    do {
      let handshake = Demo2.ClientHandshake(framed: framed)
      let serverKey = try handshake.receivePublicKey()
      let completion = try handshake.sendSessionKey(to: serverKey.key)
      channel = try Demo2.Channel(framed: framed, key: completion.sessionKey)
      keyBytes = completion.sessionKey.bytes
    } catch {
      connection.close()
      throw error
    }
  }

  /// Receives the next message's text.
  func receiveText() throws -> String? {
    try channel.receive()?.text
  }
}

/// A test client that can complete a handshake with `learnchat serve` and exchange text.
protocol GoodTestClient {
  /// The connection under the secure channel.
  var framed: FramedChannel { get }
  /// Connects and completes the handshake.
  init(port: UInt16) throws
  func sendText(_ text: String) throws
  /// Receives the next message's text; nil when the server hung up.
  func receiveText() throws -> String?
}

extension GoodTestClient {
  /// Sends raw bytes, bypassing the framing.
  func sendRaw(_ bytes: [UInt8]) throws {
    try framed.connection.writeAll(bytes)
  }

  /// Closes the connection.
  func close() {
    framed.close()
  }
}

extension SecureTestClient: GoodTestClient {
  func sendText(_ text: String) throws { try channel.send(text) }
}

/// Drives a well-behaved `Client` through a whole chat with a `learnchat serve` that is waiting
/// for its next client, proving the server still serves: handshake, a message each way, `exit`.
/// Retries a handshake the server dropped (its timeout may be tiny).
func chatAsGood<Client: GoodTestClient>(
  _: Client.Type, with server: ChatProcess, port: UInt16, tag: String
) throws {
  var attempts = 0
  var client: Client
  while true {
    attempts += 1
    do {
      client = try Client(port: port)
      break
    } catch  where attempts < 3 {
      continue
    }
  }
  defer { client.close() }
  try server.waitForLine(containing: "Ready (encrypted channel)")
  try client.sendText("good client \(tag)")
  try server.expectLine(containing: "[Peer]", toBe: "[Peer]: good client \(tag)")
  try server.send("server answers \(tag)")
  let reply = try client.receiveText()
  #expect(reply == "server answers \(tag)")
  try client.sendText("exit")
  try server.waitForLine(containing: "[Peer exited]")
  try server.waitForLine(containing: "ended; waiting for the next client ...")
}

/// A good demo-2 client's whole chat; see `chatAsGood`.
func chatAsGoodClient(with server: ChatProcess, port: UInt16, tag: String) throws {
  try chatAsGood(SecureTestClient.self, with: server, port: port, tag: tag)
}

/// Accepts one connection on `listener`, giving up (and failing) after the safety deadline.
func acceptWithinDeadline(_ listener: TCPListener) throws -> TCPConnection {
  let accepted = AcceptResult()
  Thread.detachNewThread {
    accepted.set(Result { try listener.accept() })
  }
  guard let result = accepted.wait(timeout: ChatProcess.deadline) else {
    listener.close()
    throw ChatProcessError(description: "no client connected within \(ChatProcess.deadline) s")
  }
  let connection = try result.get()
  try connection.setReadTimeout(ChatProcess.deadline)
  return connection
}

private final class AcceptResult: @unchecked Sendable {
  // Sendable: `result` is written once before `done` is signalled, read only after waiting.
  private var result: Result<TCPConnection, any Error>?
  private let done = DispatchSemaphore(value: 0)

  func set(_ result: Result<TCPConnection, any Error>) {
    self.result = result
    done.signal()
  }

  func wait(timeout: TimeInterval) -> Result<TCPConnection, any Error>? {
    done.wait(timeout: .now() + timeout) == .success ? result : nil
  }
}
