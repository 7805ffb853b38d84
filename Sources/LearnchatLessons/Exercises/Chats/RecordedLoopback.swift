import LearnchatWire

extension ExerciseRecorder {
  /// A real loopback connection for connection `number` of the story, between `client` and
  /// `server`, with `tapped` ends recorded; the capture shows it as `captured` saw it.
  func loopbackPair(
    _ number: Int, client: CaptureEndpoint, server: CaptureEndpoint, captured: End,
    tapped: [End]
  ) throws -> (client: TCPConnection, server: TCPConnection) {
    let (serverSide, clientSide) = try makeLoopbackPair()
    declare(number, client: client, server: server, captured: captured)
    for end in tapped {
      tap(end == .client ? clientSide : serverSide, as: end, of: number)
    }
    return (clientSide, serverSide)
  }

  /// A recorder for exercise material: its clock starts on a day fixed by `choices`, in 2026.
  static func forMaterial(_ choices: inout SeededChoices) -> ExerciseRecorder {
    let day = Int64(choices.number(in: 0...364))
    let second = Int64(choices.number(in: 8 * 3600...20 * 3600))
    return ExerciseRecorder(
      start: WireTimestamp(secondsSince1970: 1_767_225_600 + day * 86_400 + second))
  }
}
