import Dispatch
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// learnchat's demo-2 server in a live run: accepts one connection (the learner's program's),
/// runs the handshake, shows every message and answers as the script says.
final class LiveServer: Sendable {
  private let listener: TCPListener
  private let key: RSAPrivateKey
  private let script: LiveScript
  private let timeout: Double
  private let console = ConsoleLog()
  private let connection = Mutex<TCPConnection?>(nil)
  private let stopping = Mutex(false)
  private let outcome = Mutex(LiveRecord())
  private let finished = DispatchSemaphore(value: 0)

  /// The most reads made after the handshake; a chat of a few lines needs far fewer.
  static let maximumReads = 32

  init(listener: TCPListener, key: RSAPrivateKey, script: LiveScript, timeout: Double) {
    self.listener = listener
    self.key = key
    self.script = script
    self.timeout = timeout
  }

  /// Starts serving on a thread of its own.
  ///
  /// - Throws: `SystemError` when that thread cannot be started (the listener is closed then).
  func start() throws {
    do {
      try DetachedThread.start { [self] in
        serve()
        CryptoThread.releaseState()
        finished.signal()
      }
    } catch {
      listener.close()
      throw error
    }
  }

  /// Waits up to `seconds` for the server to finish; false if it has not.
  func wait(seconds: Double) -> Bool {
    finished.wait(timeout: .now() + seconds) == .success
  }

  /// Stops the server: no further accept, and its connection closed. Reads that end because
  /// of it are not counted.
  func stop() {
    stopping.withLock { $0 = true }
    listener.close()
    connection.withLock { $0 }?.close()
  }

  /// Whether the server has accepted its connection.
  var hasAccepted: Bool { connection.withLock { $0 != nil } }

  /// What the server did; call after it finished.
  var record: LiveRecord {
    var record = outcome.withLock { $0 }
    record.serverLines = console.all
    return record
  }

  private func serve() {
    let accepted: TCPConnection
    do {
      accepted = try listener.accept()
    } catch {
      return
    }
    connection.withLock { $0 = accepted }
    listener.close()
    if stopping.withLock({ $0 }) { accepted.close() }
    defer { accepted.close() }
    console.say(ChatLines.connection(from: accepted.remoteAddress.pythonTupleDescription))
    do {
      try accepted.setReadTimeout(timeout)
      let framed = FramedChannel(connection: accepted)
      let handshake = Demo2.ServerHandshake(key: key, framed: framed)
      let pem = try handshake.sendPublicKey()
      outcome.withLock { $0.serverPEM = pem }
      let sessionKey = try handshake.receiveSessionKey().sessionKey
      outcome.withLock { $0.serverSessionKey = sessionKey }
      console.say(ChatLines.demo2HandshakeComplete)
      console.say(ChatLines.encryptedReady)
      try chat(Demo2.Channel(framed: framed, key: sessionKey))
    } catch {
      guard !stopping.withLock({ $0 }) else { return }
      console.say("[!] handshake failed: \(ReceiveFailure.describe(error))")
    }
  }

  private func chat(_ channel: Demo2.Channel) throws {
    var shown: [String] = []
    for _ in 0..<Self.maximumReads {
      let (read, body) = channel.readFrame(into: console)
      if stopping.withLock({ $0 }) && read.endsConnection { return }
      outcome.withLock { $0.serverReads.append((read, body)) }
      if read.endsConnection { return }
      guard let text = read.text else { continue }
      if ChatText.isExit(text) { return }
      shown.append(text)
      let reply = script.reply(shown)
      try channel.send(reply)
      console.say(ChatLines.sent(reply))
      outcome.withLock { $0.serverSent.append(reply) }
    }
  }
}
