import LearnchatCrypto
import LearnchatWire

/// The byte-level changes an attacker on the path makes to frames, shared by lesson 3's
/// walkthrough and `learnchat intercept`, so the lesson and the live tool do the same thing.
public enum FrameTampering {
  /// Where a message body's ciphertext starts: after demo 2's 12-byte nonce; at once in demo 3,
  /// whose nonce is a counter both ends know.
  public static func ciphertextOffset(demo: ChatDemo) -> Int {
    demo == .demo2 ? AESGCM.nonceByteCount : 0
  }

  /// `body` with the lowest bit of its first ciphertext byte flipped; the offset in the body
  /// and the byte before and after. Nil when the body has no ciphertext byte.
  public static func flipFirstCiphertextBit(_ body: [UInt8], demo: ChatDemo)
    -> (body: [UInt8], offset: Int, original: UInt8, changed: UInt8)?
  {
    let offset = ciphertextOffset(demo: demo)
    guard body.indices.contains(offset) else { return nil }
    var changed = body
    changed[offset] ^= 0x01
    return (changed, offset, body[offset], changed[offset])
  }

  /// The bytes of `body`'s frame with a length one byte longer than the body, followed by
  /// `next`'s frame: the receiver takes the next frame's first byte as this one's last, and
  /// reads the rest of the stream out of step.
  public static func lengthOneTooLong(_ body: [UInt8], then next: [UInt8]) throws -> [UInt8] {
    try FrameEncoder.header(bodyCount: body.count + 1) + body + FrameEncoder.encode(next)
  }

  /// A length prefix claiming 4 GiB minus one byte, and nothing after it.
  public static let oversizedLengthPrefix: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
}
