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

  func close() {
    for channel in [client, server, attackerToClient, attackerToServer] { channel.close() }
  }
}
