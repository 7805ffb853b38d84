import LearnchatCrypto
import LearnchatWire

extension Demo3 {
  /// The fields of demo 3's frames, as offsets into a whole frame (length prefix included).
  ///
  /// The handshake's fields are named as parts of the body: the signature and the transcript hash
  /// cover the hellos' bodies, never the length in front of them.
  public enum FrameLayout {
    /// The ClientHello: length, then the client's ephemeral X25519 public key.
    public static func clientHelloFrame(bodyCount: Int) -> [FrameField] {
      let header = FrameDecoder.headerSize
      return [
        FrameField.lengthPrefix(bodyCount: bodyCount),
        FrameField(name: "body: ephemeral (X25519)", range: header..<(header + bodyCount)),
      ]
    }

    /// The ServerHello: length, identity key, ephemeral key, signature (cut to what is there).
    public static func serverHelloFrame(bodyCount: Int) -> [FrameField] {
      let header = FrameDecoder.headerSize
      let end = header + max(0, bodyCount)
      let identityEnd = min(end, header + Ed25519.keyByteCount)
      let ephemeralEnd = min(end, identityEnd + X25519.byteCount)
      return [
        FrameField.lengthPrefix(bodyCount: bodyCount),
        FrameField(name: "body: identity (Ed25519)", range: header..<identityEnd),
        FrameField(name: "body: ephemeral (X25519)", range: identityEnd..<ephemeralEnd),
        FrameField(name: "body: signature (Ed25519)", range: ephemeralEnd..<end),
      ]
    }

    /// A message frame: the length (authenticated as associated data), ciphertext, tag. No
    /// nonce: both ends count.
    public static func messageFrame(bodyCount: Int) -> [FrameField] {
      let header = FrameDecoder.headerSize
      let end = header + max(0, bodyCount)
      let tagStart = max(header, end - AESGCM.tagByteCount)
      let length = FrameField.lengthPrefix(bodyCount: bodyCount)
      return [
        FrameField(name: "length (authenticated)", range: length.range, note: length.note),
        FrameField(
          name: "ciphertext", range: header..<tagStart,
          note: "\(tagStart - header) bytes, as many as the plaintext"),
        FrameField(name: "tag", range: tagStart..<end),
      ]
    }
  }
}
