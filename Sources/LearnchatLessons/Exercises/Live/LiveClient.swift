import Glibc
import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// learnchat's demo-2 client in a live run: connects to the learner's program, runs the
/// handshake, sends the script's messages one at a time and reads one reply after each.
struct LiveClient {
  let script: LiveScript
  let timeout: Double
  let console = ConsoleLog()

  /// Connects to `host`:`port` as soon as something listens there, trying again every tenth
  /// of a second until `deadline`; nil if nothing did.
  static func connect(host: String, port: UInt16, deadline: Date) -> TCPConnection? {
    while true {
      if let connection = try? TCPConnection.connect(host: host, port: port) {
        return connection
      }
      guard Date() < deadline else { return nil }
      usleep(100_000)
    }
  }

  /// Runs the chat over `connection`; fills the client's half of `record`.
  func run(over connection: TCPConnection, into record: inout LiveRecord) {
    defer {
      connection.close()
      record.clientLines = console.all
    }
    do {
      try connection.setReadTimeout(timeout)
      let framed = FramedChannel(connection: connection)
      let handshake = Demo2.ClientHandshake(framed: framed)
      let serverKey = try handshake.receivePublicKey()
      record.clientPEM = serverKey.pem
      let sessionKey = try handshake.sendSessionKey(to: serverKey.key).sessionKey
      record.clientSessionKey = sessionKey
      console.say(ChatLines.demo2HandshakeComplete)
      console.say(ChatLines.encryptedReady)
      let channel = try Demo2.Channel(framed: framed, key: sessionKey)
      for message in script.messages {
        try channel.send(message)
        console.say(ChatLines.sent(message))
        record.clientSent.append(message)
        let read = channel.read(into: console)
        record.clientReads.append(read)
        if read.endsConnection { return }
      }
      try channel.send(ChatText.exitCommand)
      console.say(ChatLines.sent(ChatText.exitCommand))
      record.clientSent.append(ChatText.exitCommand)
    } catch {
      console.say("[!] \(ReceiveFailure.describe(error))")
    }
  }
}
