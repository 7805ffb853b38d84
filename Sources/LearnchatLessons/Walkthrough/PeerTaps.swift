import LearnchatWire

/// The taps on every socket of a walkthrough: the bytes shown are the bytes sent.
///
/// Each socket has a tap of its own, named by who holds the socket and who is at the other end,
/// so every record says which connection it belongs to: the attacker of lessons 3 and 4 holds
/// two sockets, one facing the client and one facing the server. All taps share one clock, so
/// records come out in the order the system calls happened.
struct PeerTaps {
  /// One end of a connection: who holds the socket, and who is at the other end.
  struct End: Hashable, Sendable {
    let actor: StageActor
    let peer: StageActor
  }

  /// The ends there can be: client and server directly (lessons 1 and 2), or each of them
  /// facing the attacker, and the attacker facing each of them (lessons 3 and 4).
  static let ends: [End] = [
    End(actor: .server, peer: .client), End(actor: .client, peer: .server),
    End(actor: .server, peer: .attacker), End(actor: .client, peer: .attacker),
    End(actor: .attacker, peer: .client), End(actor: .attacker, peer: .server),
  ]

  private let taps: [End: WireTap]
  /// Where every connection also goes for `--pcap`, if anywhere.
  let capture: CaptureLog?

  init(capture: CaptureLog? = nil) {
    let sequence = WireTapSequence()
    taps = Dictionary(uniqueKeysWithValues: Self.ends.map { ($0, WireTap(sequence: sequence)) })
    self.capture = capture
  }

  /// Taps both ends of one TCP connection: `connector` (the end that called `connect`), held by
  /// `connectorEnd.actor` facing `connectorEnd.peer`, and `acceptor` likewise. With a capture,
  /// the connection goes into it too, as its connecting end saw it (one end is the whole
  /// conversation), through a tap of its own that feeds the role's tap.
  func attach(
    connector: TCPConnection, as connectorEnd: End, acceptor: TCPConnection, as acceptorEnd: End
  ) {
    acceptor.tap = tap(acceptorEnd.actor, facing: acceptorEnd.peer)
    let shared = tap(connectorEnd.actor, facing: connectorEnd.peer)
    guard let capture, let own = capture.newTap(forwardingTo: shared) else {
      connector.tap = shared
      return
    }
    connector.tap = own
    capture.add(connector, tap: own, end: .client)
  }

  /// The tap for `actor`'s socket whose other end is `peer`.
  func tap(_ actor: StageActor, facing peer: StageActor) -> WireTap {
    guard let tap = taps[End(actor: actor, peer: peer)] else {
      preconditionFailure("no socket of \(actor) faces \(peer)")
    }
    return tap
  }

  /// The server's socket on a direct connection to the client.
  var server: WireTap { tap(.server, facing: .client) }
  /// The client's socket on a direct connection to the server.
  var client: WireTap { tap(.client, facing: .server) }

  /// Takes every record made since the last call, in the order the calls were made.
  func drain() -> [StageReport.TapRecord] {
    Self.ends.flatMap { end in
      tap(end.actor, facing: end.peer).drain().map { (end, $0) }
    }
    .sorted { $0.1.index < $1.1.index }
    .map { end, record in
      StageReport.TapRecord(
        actor: end.actor, peer: end.peer, direction: record.direction, bytes: record.bytes)
    }
  }
}

extension [StageReport.TapRecord] {
  /// The bytes `actor` wrote, concatenated (to `peer` only, when given).
  func written(by actor: StageActor, to peer: StageActor? = nil) -> [UInt8] {
    filter { $0.actor == actor && $0.direction == .sent && (peer == nil || $0.peer == peer) }
      .flatMap(\.bytes)
  }

  /// The bytes `actor` read, concatenated (from `peer` only, when given).
  func read(by actor: StageActor, from peer: StageActor? = nil) -> [UInt8] {
    filter { $0.actor == actor && $0.direction == .received && (peer == nil || $0.peer == peer) }
      .flatMap(\.bytes)
  }

  /// How many reads `actor` made.
  func readCount(by actor: StageActor) -> Int {
    filter { $0.actor == actor && $0.direction == .received }.count
  }
}
