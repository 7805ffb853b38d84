extension HexDumpRenderer {
  /// How a long dump is shortened: which bytes it keeps from its start and its end, and from
  /// what size on it is shortened at all.
  ///
  /// Counts are rounded down to whole rows (at least one row each), so the kept bytes depend a
  /// little on the bytes per row; the tail's rows are the last ones, so a short last row keeps
  /// fewer bytes. The note between head and tail says how many were left out.
  public struct Truncation: Sendable, Equatable {
    /// Dumps of at most this many bytes are shown whole.
    public var maximumUntruncatedBytes: Int
    /// How many bytes a shortened dump keeps from its start.
    public var headBytes: Int
    /// How many bytes a shortened dump keeps from its end, where a GCM tag sits.
    public var tailBytes: Int

    /// A truncation keeping `headBytes` and `tailBytes` of dumps longer than
    /// `maximumUntruncatedBytes`.
    public init(maximumUntruncatedBytes: Int, headBytes: Int, tailBytes: Int) {
      self.maximumUntruncatedBytes = maximumUntruncatedBytes
      self.headBytes = headBytes
      self.tailBytes = tailBytes
    }

    /// For reading on one's own screen: dumps up to 128 bytes whole, else 4 rows of 16 and
    /// the last 2.
    public static let standard = Truncation(
      maximumUntruncatedBytes: 128, headBytes: 64, tailBytes: 32)

    /// For a projector, where a stage must fit one screen in large type: dumps up to 80 bytes
    /// whole (a short chat message's frame), else 2 rows of 16 and the last 2, which hold a
    /// frame's whole 16-byte GCM tag even when the last row is short.
    public static let compact = Truncation(
      maximumUntruncatedBytes: 80, headBytes: 32, tailBytes: 32)
  }
}
