import LearnchatCrypto
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A live check: learnchat's demo-2 server on the server port, the learner's program on the
/// proxy port, and learnchat's client talking to the server through it.
///
/// The victims run in this process, on real sockets: the learner's program is the only thing
/// outside it, and what the victims did is known as typed observations (``VictimRead``, the
/// keys each ended the handshake with), not read back from another program's console.
enum LiveRun {
  /// Why a live run could not start.
  struct StartFailure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `script` through the learner's program; `say` reports progress as it goes.
  static func run(
    _ options: LiveOptions, script: LiveScript, say: @Sendable (String) -> Void
  ) throws -> LiveRecord {
    let server = "\(options.host):\(options.serverPort)"
    let proxy = "\(options.host):\(options.proxyPort)"
    let listener: TCPListener
    do {
      listener = try TCPListener(host: options.host, port: options.serverPort)
    } catch {
      throw StartFailure(
        description: "cannot listen on \(server): \(error) (is something else there? choose "
          + "another port with --server-port)")
    }
    let key = try RSAPrivateKey()
    let liveServer = LiveServer(
      listener: listener, key: key, script: script, timeout: options.timeout)
    try liveServer.start()
    say("learnchat's demo-2 server listens on \(server).")
    say("Waiting for your program to listen on \(proxy) (up to \(seconds(options.timeout))) ...")
    let deadline = Date(timeIntervalSinceNow: options.timeout)
    guard
      let connection = LiveClient.connect(
        host: options.host, port: options.proxyPort, deadline: deadline)
    else {
      liveServer.stop()
      _ = liveServer.wait(seconds: options.timeout)
      var record = liveServer.record
      record.absence =
        "Nothing listened on \(proxy) within \(seconds(options.timeout)): start your program "
        + "first. It should listen on \(proxy) and, for each client, connect to \(server)."
      return record
    }
    say("Your program took the client's connection; the chat runs through it.")
    var clientHalf = LiveRecord()
    LiveClient(script: script, timeout: options.timeout).run(over: connection, into: &clientHalf)
    // The client is done; the server gets as long again to read what is still on its way,
    // unless no one ever connected to it.
    if !liveServer.hasAccepted || !liveServer.wait(seconds: options.timeout) {
      liveServer.stop()
      _ = liveServer.wait(seconds: options.timeout)
    }
    var record = liveServer.record
    record.clientLines = clientHalf.clientLines
    record.clientReads = clientHalf.clientReads
    record.clientSent = clientHalf.clientSent
    record.clientPEM = clientHalf.clientPEM
    record.clientSessionKey = clientHalf.clientSessionKey
    if record.serverLines.isEmpty {
      record.absence =
        "Your program took the client's connection but never connected to learnchat's server "
        + "on \(server) within \(seconds(options.timeout)). Connect there for each client."
    }
    return record
  }

  /// `2 s`, `1.5 s`.
  static func seconds(_ value: Double) -> String {
    value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
  }
}
