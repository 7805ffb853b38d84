import Foundation
import LearnchatWire
import Testing

@testable import LearnchatLessons

/// The hex dump fixtures: sample dumps, and golden files compared whole.
enum HexDumpFixtures {
  /// `Fixtures/hexdump`, found from this source file so no bundle is needed.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("hexdump")

  /// Whether to (re)write golden files instead of comparing with them.
  static var updating: Bool {
    ProcessInfo.processInfo.environment["LEARNCHAT_UPDATE_FIXTURES"] == "1"
  }

  /// The contents of fixture `name`, or nil when it does not exist.
  static func read(_ name: String) -> String? {
    try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// Checks `actual` against fixture `name`, or writes it there when updating.
  static func expectMatches(
    _ actual: String, fixture name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if updating {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      read(name), "missing fixture \(name); run with LEARNCHAT_UPDATE_FIXTURES=1",
      sourceLocation: sourceLocation)
    #expect(actual == expected, "differs from \(name)", sourceLocation: sourceLocation)
  }

  /// A demo-2 message frame carrying "hello, learnchat!": length 45, nonce, 17 bytes of
  /// ciphertext, tag; 49 bytes. The values are made up but shaped like real ones.
  static let messageFrame: HexDump = {
    let length: [UInt8] = [0x00, 0x00, 0x00, 0x2d]
    let nonce = Hex.bytes("3f 8a 1c 52 e7 04 9b d6 21 70 ae 5c") ?? []
    let ciphertext = Hex.bytes("c4 1e 77 90 3b 5a e2 08 6d f1 29 bc 44 0e 93 7a 1d") ?? []
    let tag = Hex.bytes("8e 52 f0 0b 6c 3d a9 17 e4 26 5f c8 71 9a 03 bd") ?? []
    return HexDump(
      bytes: length + nonce + ciphertext + tag,
      fields: [
        ByteField(name: "length", offset: 0, length: 4, note: "45 bytes follow (0x0000002d)"),
        ByteField(name: "nonce", offset: 4, length: 12),
        ByteField(name: "ciphertext", offset: 16, length: 17),
        ByteField(name: "tag", offset: 33, length: 16),
      ],
      title: "client → server: message frame (49 bytes)")
  }()

  /// A 451-byte PEM public key shaped like an RSA-2048 one (the DER prefix is real, the rest
  /// pseudo-random base64), with its three parts as fields.
  static let publicKeyPEM: HexDump = {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var state: UInt32 = 2_463_534_242
    var base64 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
    while base64.count < 392 - 6 {
      // xorshift32: a fixed sequence, so the fixture never changes.
      state ^= state << 13
      state ^= state >> 17
      state ^= state << 5
      base64.append(alphabet[Int(state % 64)])
    }
    base64 += "IDAQAB"
    var body = ""
    var rest = Substring(base64)
    while !rest.isEmpty {
      body += rest.prefix(64) + "\n"
      rest = rest.dropFirst(64)
    }
    let begin = "-----BEGIN PUBLIC KEY-----\n"
    let end = "-----END PUBLIC KEY-----\n"
    let text = begin + body + end
    let bodyEnd = begin.utf8.count + body.utf8.count
    return HexDump(
      bytes: Array(text.utf8),
      fields: [
        ByteField(name: "BEGIN line", range: 0..<begin.utf8.count),
        ByteField(
          name: "base64 key", range: begin.utf8.count..<bodyEnd,
          note: "SubjectPublicKeyInfo, 294 bytes of DER"),
        ByteField(name: "END line", range: bodyEnd..<(bodyEnd + end.utf8.count)),
      ],
      title: "server → client: public key (451 bytes)")
  }()
}
