import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// Lesson 1's demo: the plaintext chat, whose messages are raw bytes on the stream.
public struct PlaintextWalkthrough: Walkthrough {
  public static let demoName = "plaintext"
  /// Demo 1 has no keys and no nonces: nothing random.
  public static let seededValues: String? = nil
  /// The stages, in run order.
  public enum Stage: String, WalkthroughStage {
    case connect, send, eavesdrop
    case twoSends = "two-sends"
    case exit

    public var details: StageDetails {
      switch self {
      case .connect:
        StageDetails(
          "Listen and connect", .server, placeholders: ["server_address", "client_address"])
      case .send:
        StageDetails(
          "The client sends a message", .client,
          placeholders: ["message", "message_length", "message_hex"])
      case .eavesdrop:
        StageDetails(
          "What crosses the wire", .wire,
          placeholders: ["message", "message_hex", "message_length"])
      case .twoSends:
        StageDetails(
          "Two quick sends, one read", .client,
          placeholders: ["first", "second", "received", "read_count"])
      case .exit: StageDetails("exit, and closing", .client)
      }
    }
  }

  /// What the client says, chosen to be recognisable in a hex dump.
  static let message = "Meet me at the library at noon."
  static let quickSends = ("How are you?", "Did you get my note?")

  let hidingPorts: Bool

  /// Where the run\'s connections are also recorded for `--pcap`, if anywhere.
  public var capture: CaptureLog?

  public init(context: CryptoContext, hidingPorts: Bool) {
    self.hidingPorts = hidingPorts
  }

  public func run(onStage: (StageReport) throws -> StageDecision) throws {
    try StageSequence<Stage>.run(capture: capture, onStage: onStage, runStages)
  }

  private func runStages(_ sequence: StageSequence<Stage>, taps: PeerTaps) throws {
    let listener = try TCPListener(host: "127.0.0.1", port: 0)
    defer { listener.close() }

    let (client, server) = try sequence.stage(.connect) { report in
      let clientConnection = try TCPConnection.connect(host: "127.0.0.1", port: listener.port)
      let serverConnection = try listener.accept()
      taps.attach(
        connector: clientConnection, as: .init(actor: .client, peer: .server),
        acceptor: serverConnection, as: .init(actor: .server, peer: .client))
      let port = ValueText.port(listener.port, hidden: hidingPorts)
      let clientPort = ValueText.port(serverConnection.remoteAddress.port, hidden: hidingPorts)
      report.values["server_address"] = "127.0.0.1:\(port)"
      report.values["client_address"] = "127.0.0.1:\(clientPort)"
      report.say(.server, ChatLines.listening(host: "127.0.0.1", port: port))
      report.say(.server, ChatLines.connection(from: "('127.0.0.1', \(clientPort))"))
      report.say(.server, ChatLines.plaintextReady)
      report.say(.client, ChatLines.plaintextReady)
      return (
        Demo1.Peer(connection: clientConnection), Demo1.Peer(connection: serverConnection)
      )
    }
    defer {
      client.connection.close()
      server.connection.close()
    }

    try sequence.stage(.send) { report in
      let sent = try client.send(Self.message)
      report.values["message"] = Self.message
      report.values["message_length"] = String(sent.count)
      report.values["message_hex"] = ValueText.hex(sent)
      report.say(.client, ChatLines.sent(Self.message))
      report.show("client → server: the message, as the client wrote it", sent)
      report.export("01-client-message.bin", sent)
    }

    try sequence.stage(.eavesdrop) { report in
      let received = try server.receive() ?? []
      report.values["message"] = ChatText.displayable(received)
      report.values["message_hex"] = ValueText.hex(received)
      report.values["message_length"] = String(received.count)
      report.show("wire: what the server read, and what anyone on the path can read", received)
      report.say(.server, ChatLines.peer(ChatText.displayable(received)))
    }

    try sequence.stage(.twoSends) { report in
      // Both writes finish before the server reads, as when a user types quickly or the
      // network is slow: the stream keeps no boundary between them.
      let first = try client.send(Self.quickSends.0)
      let second = try client.send(Self.quickSends.1)
      let received = try server.receive() ?? []
      report.values["first"] = Self.quickSends.0
      report.values["second"] = Self.quickSends.1
      report.values["received"] = ChatText.displayable(received)
      // Counted from the taps, not assumed: the lesson's text says how many reads it took.
      report.values["read_count"] = String(report.collect(taps).readCount(by: .server))
      report.say(.client, ChatLines.sent(Self.quickSends.0))
      report.say(.client, ChatLines.sent(Self.quickSends.1))
      report.show("client → server: first send", first)
      report.show("client → server: second send", second)
      report.show("server: one read returned all of this", received)
      report.say(.server, ChatLines.peer(ChatText.displayable(received)))
    }

    try sequence.stage(.exit) { report in
      let sent = try client.send(ChatText.exitCommand)
      client.connection.close()
      let received = try server.receive() ?? []
      report.say(.client, ChatLines.sent(ChatText.exitCommand))
      report.show("client → server: exit", sent)
      if ChatText.isExit(ChatText.displayable(received)) {
        report.say(.server, ChatLines.peerExited)
      }
    }
  }
}
