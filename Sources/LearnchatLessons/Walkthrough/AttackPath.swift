import LearnchatDemos
import LearnchatWire

/// A connection with an attacker on the path: client ↔ attacker ↔ server, two real loopback TCP
/// connections in this process. The attacker sees every byte and decides what to pass on.
struct AttackPath {
  /// The client's framed socket, connected to the attacker (the client cannot tell).
  let client: FramedChannel
  /// The server's framed socket, connected to the attacker.
  let server: FramedChannel
  /// The attacker's socket facing the client.
  let attackerToClient: FramedChannel
  /// The attacker's socket facing the server.
  let attackerToServer: FramedChannel

  init(taps: PeerTaps) throws {
    let (attackerClientSide, clientSide) = try makeLoopbackPair()
    let (serverSide, attackerServerSide) = try makeLoopbackPair()
    taps.attach(
      connector: clientSide, as: .init(actor: .client, peer: .attacker),
      acceptor: attackerClientSide, as: .init(actor: .attacker, peer: .client))
    taps.attach(
      connector: attackerServerSide, as: .init(actor: .attacker, peer: .server),
      acceptor: serverSide, as: .init(actor: .server, peer: .attacker))
    client = FramedChannel(connection: clientSide)
    server = FramedChannel(connection: serverSide)
    attackerToClient = FramedChannel(connection: attackerClientSide)
    attackerToServer = FramedChannel(connection: attackerServerSide)
  }

  /// The next frame the client sent, taken by the attacker.
  func interceptFromClient() throws -> [UInt8] {
    try attackerToClient.receive() ?? []
  }

  /// The next frame the server sent, taken by the attacker.
  func interceptFromServer() throws -> [UInt8] {
    try attackerToServer.receive() ?? []
  }

  /// Passes the next frame from the client on to the server, unchanged; returns it.
  @discardableResult
  func relayToServer() throws -> [UInt8] {
    let body = try interceptFromClient()
    try attackerToServer.send(body)
    return body
  }

  /// Passes the next frame from the server on to the client, unchanged; returns it.
  @discardableResult
  func relayToClient() throws -> [UInt8] {
    let body = try interceptFromServer()
    try attackerToClient.send(body)
    return body
  }

  /// Lesson 3's length attack, as `intercept --attack tamper-length` makes it: takes the
  /// client's next two frames and writes both to the server with the first one's length one
  /// more than the truth, so the server takes the second frame's first byte as part of the
  /// first and reads the rest of the stream out of step.
  func forgeLengthOfNextFrame() throws -> LengthForgery {
    let first = try interceptFromClient()
    let second = try interceptFromClient()
    let forged = try FrameTampering.lengthOneTooLong(first, then: second)
    try attackerToServer.connection.writeAll(forged)
    return LengthForgery(
      first: first, second: second, originalPrefix: try FrameEncoder.header(bodyCount: first.count),
      changedPrefix: Array(forged.prefix(FrameDecoder.headerSize)), forged: forged)
  }

  func close() {
    for channel in [client, server, attackerToClient, attackerToServer] { channel.close() }
  }
}

/// What the length attack took and wrote (``AttackPath/forgeLengthOfNextFrame()``).
struct LengthForgery {
  /// The client's two frames' bodies, as the attacker took them.
  let first: [UInt8]
  let second: [UInt8]
  /// The first frame's true length prefix.
  let originalPrefix: [UInt8]
  /// The prefix the attacker sent instead: one more.
  let changedPrefix: [UInt8]
  /// Every byte the attacker wrote to the server.
  let forged: [UInt8]

  /// Puts the two prefixes in `report`'s values, for the lesson text.
  func record(in report: inout StageReport) {
    report.values["original_prefix"] = ValueText.hex(originalPrefix)
    report.values["changed_prefix"] = ValueText.hex(changedPrefix)
  }
}
