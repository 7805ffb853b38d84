/// Turns the bytes a terminal sends into keys: plain characters, control keys, and the escape
/// sequences of arrows, Page Up/Down, Home and End (both the `ESC [` and `ESC O` forms).
///
/// Bytes arrive in arbitrary pieces, so a sequence cut short waits for the rest. A lone ESC is
/// the Escape key only when nothing follows it soon: the caller waits a moment and then calls
/// `flush()`.
public struct KeyDecoder: Sendable {
  private var pending: [UInt8] = []

  /// A decoder with nothing pending.
  public init() {}

  /// Whether an incomplete sequence is waiting for more bytes (or for `flush()`).
  public var hasPending: Bool { !pending.isEmpty }

  /// The keys completed by `bytes`.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [StepperKey] {
    pending += bytes
    var keys: [StepperKey] = []
    while let (key, used) = Self.decode(pending[...]) {
      pending.removeFirst(used)
      keys.append(key)
    }
    return keys
  }

  /// The keys for what is pending, taken as complete: a lone ESC is Escape, a cut-off sequence
  /// is unknown.
  public mutating func flush() -> [StepperKey] {
    defer { pending.removeAll() }
    guard let first = pending.first else { return [] }
    if first == 0x1B && pending.count == 1 { return [.escape] }
    return [.unknown]
  }

  /// The first key in `bytes` and how many bytes it took, or nil when more bytes are needed.
  static func decode(_ bytes: ArraySlice<UInt8>) -> (StepperKey, Int)? {
    guard let first = bytes.first else { return nil }
    switch first {
    case 0x1B: return escapeSequence(bytes)
    case 0x0D, 0x0A: return (.enter, 1)
    case 0x7F, 0x08: return (.backspace, 1)
    case 0x09: return (.tab, 1)
    case 0x04: return (.controlD, 1)
    case 0x03: return (.controlC, 1)
    case 0x20...0x7E: return (.character(Character(UnicodeScalar(first))), 1)
    case 0xC2...0xF4: return utf8Character(bytes)
    default: return (.unknown, 1)
    }
  }

  private static func escapeSequence(_ bytes: ArraySlice<UInt8>) -> (StepperKey, Int)? {
    let start = bytes.startIndex
    guard bytes.count >= 2 else { return nil }
    let kind = bytes[start + 1]
    switch kind {
    case UInt8(ascii: "["):
      // Parameters (digits, `;`) then a final byte in @...~.
      var index = start + 2
      while index < bytes.endIndex, (0x30...0x3F).contains(bytes[index]) { index += 1 }
      guard index < bytes.endIndex else { return nil }
      let final = bytes[index]
      let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
      return (csiKey(final: final, parameters: parameters), index - start + 1)
    case UInt8(ascii: "O"):
      guard bytes.count >= 3 else { return nil }
      return (letterKey(bytes[start + 2]), 3)
    case 0x1B:
      // ESC ESC: the first is Escape on its own.
      return (.escape, 1)
    default:
      // Alt with a key: nothing the stepper uses.
      return (.unknown, 2)
    }
  }

  private static func csiKey(final: UInt8, parameters: String) -> StepperKey {
    guard final == UInt8(ascii: "~") else { return letterKey(final) }
    switch parameters.split(separator: ";").first ?? "" {
    case "1", "7": return .home
    case "4", "8": return .end
    case "5": return .pageUp
    case "6": return .pageDown
    default: return .unknown
    }
  }

  /// The key of a sequence ending in a letter, `ESC [ A` or `ESC O A` alike (terminals in
  /// application cursor mode send the second).
  private static func letterKey(_ byte: UInt8) -> StepperKey {
    switch byte {
    case UInt8(ascii: "A"): return .up
    case UInt8(ascii: "B"): return .down
    case UInt8(ascii: "C"): return .right
    case UInt8(ascii: "D"): return .left
    case UInt8(ascii: "H"): return .home
    case UInt8(ascii: "F"): return .end
    default: return .unknown
    }
  }

  private static func utf8Character(_ bytes: ArraySlice<UInt8>) -> (StepperKey, Int)? {
    let first = bytes[bytes.startIndex]
    let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
    guard bytes.count >= length else { return nil }
    let scalarBytes = bytes.prefix(length)
    guard scalarBytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }),
      let character = String(validating: scalarBytes, as: UTF8.self)?.first
    else { return (.unknown, 1) }
    return (.character(character), length)
  }
}
