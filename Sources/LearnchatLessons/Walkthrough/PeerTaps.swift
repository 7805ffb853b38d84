import LearnchatWire

/// The taps on both ends of a walkthrough's connection: the bytes shown are the bytes sent.
struct PeerTaps {
  let server = WireTap()
  let client = WireTap()
  /// The attacker's two sockets, when there is one on the path.
  let attacker = WireTap()

  /// Takes every record made since the last call: writes first, then reads (in a walkthrough
  /// every read follows the write it receives), server before client.
  func drain() -> [StageReport.TapRecord] {
    let serverRecords = server.drain().map {
      StageReport.TapRecord(actor: .server, direction: $0.direction, bytes: $0.bytes)
    }
    let clientRecords = client.drain().map {
      StageReport.TapRecord(actor: .client, direction: $0.direction, bytes: $0.bytes)
    }
    let attackerRecords = attacker.drain().map {
      StageReport.TapRecord(actor: .attacker, direction: $0.direction, bytes: $0.bytes)
    }
    let all = serverRecords + clientRecords + attackerRecords
    return all.filter { $0.direction == .sent } + all.filter { $0.direction == .received }
  }
}

extension [StageReport.TapRecord] {
  /// The bytes `actor` wrote, concatenated.
  func written(by actor: StageActor) -> [UInt8] {
    filter { $0.actor == actor && $0.direction == .sent }.flatMap(\.bytes)
  }

  /// The bytes `actor` read, concatenated.
  func read(by actor: StageActor) -> [UInt8] {
    filter { $0.actor == actor && $0.direction == .received }.flatMap(\.bytes)
  }

  /// How many reads `actor` made.
  func readCount(by actor: StageActor) -> Int {
    filter { $0.actor == actor && $0.direction == .received }.count
  }
}
