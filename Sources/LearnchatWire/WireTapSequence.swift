import Synchronization

/// A record counter that several taps share (their times come from a ``WireClock``), so that the records of all of them sort into one
/// timeline: a walkthrough taps both ends of two or three connections and shows what happened
/// in the order it happened.
public final class WireTapSequence: Sendable {
  private let next = Atomic<Int>(0)

  /// A sequence starting at 0.
  public init() {}

  /// The next index; each call returns a larger one than any before it.
  func tick() -> Int {
    next.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue
  }
}
