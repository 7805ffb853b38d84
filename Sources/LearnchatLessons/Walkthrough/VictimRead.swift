/// What one read by a victim of an attack gave, as its console showed it: the typed fact an
/// attack's verdict is decided from (never the text of an error).
enum VictimRead {
  /// A message opened and was shown, control characters escaped.
  case shown(String)
  /// A frame arrived but did not open; demo 2 prints a warning and reads on.
  case refused
  /// The connection ended with this error: demo 3 refusing a frame, a length over the limit,
  /// a stream that ended inside a frame.
  case ended(any Error)
  /// The peer closed the connection between frames.
  case closed

  /// The text shown, if a message was.
  var text: String? {
    if case .shown(let text) = self { return text }
    return nil
  }

  /// Whether the connection is over after this read.
  var endsConnection: Bool {
    switch self {
    case .ended, .closed: return true
    case .shown, .refused: return false
    }
  }
}

extension AttackOutcome.Observed {
  /// Observations from the texts `sent` and the victims' `reads` (see ``add(sent:reads:)``),
  /// and whether the attacker `learnedSecret`.
  init(sent: [String], reads: [VictimRead], learnedSecret: Bool = false) {
    self.init(learnedSecret: learnedSecret)
    add(sent: sent, reads: reads)
  }

  /// Adds what one direction of a chat showed: `sent` are the texts one side sent, in order,
  /// `reads` what the other side's reads gave.
  ///
  /// Anything shown that is not the sent texts in their order (a change, a copy, a reordering,
  /// a frame from the other direction) is something false accepted; a sent text never shown
  /// is a lost message; a read that ended the connection ended it.
  mutating func add(sent: [String], reads: [VictimRead]) {
    let shown = reads.compactMap(\.text)
    if shown.count > sent.count || zip(shown, sent).contains(where: { $0 != $1 }) {
      acceptedFalse = true
    }
    if shown.count < sent.count { messageLost = true }
    if reads.contains(where: \.endsConnection) { connectionEnded = true }
  }
}
