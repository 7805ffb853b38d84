import LearnchatCrypto
import LearnchatDemos
import LearnchatTestSupport
import LearnchatWire
import Testing

@Suite struct Demo2FrameLayoutTests {
  @Test func messageFrameSplitsLengthNonceCiphertextTag() {
    #expect(
      Demo2.FrameLayout.messageFrame(bodyCount: 45) == [
        FrameField(
          name: "length", range: 0..<4, note: "45 bytes follow (0x0000002d, big-endian)"),
        FrameField(name: "nonce", range: 4..<16),
        FrameField(
          name: "ciphertext", range: 16..<33, note: "17 bytes, as many as the plaintext"),
        FrameField(name: "tag", range: 33..<49),
      ])
  }

  @Test func emptyMessageHasAnEmptyCiphertext() {
    let fields = Demo2.FrameLayout.messageFrame(bodyCount: 28)
    #expect(fields.map(\.range) == [0..<4, 4..<16, 16..<16, 16..<32])
    #expect(fields[2].note == "0 bytes, as many as the plaintext")
  }

  @Test func publicKeyFrameIsLengthThenPEM() {
    #expect(
      Demo2.FrameLayout.publicKeyFrame(bodyCount: 451) == [
        FrameField(
          name: "length", range: 0..<4, note: "451 bytes follow (0x000001c3, big-endian)"),
        FrameField(name: "public key (PEM)", range: 4..<455, note: "451 bytes"),
      ])
  }

  @Test func wrappedKeyFrameIsLengthThenCiphertext() {
    #expect(
      Demo2.FrameLayout.wrappedKeyFrame(bodyCount: 256) == [
        FrameField(
          name: "length", range: 0..<4, note: "256 bytes follow (0x00000100, big-endian)"),
        FrameField(name: "wrapped session key (RSA-OAEP)", range: 4..<260, note: "256 bytes"),
      ])
  }

  @Test(arguments: [
    (0, "0 bytes follow (0x00000000, big-endian)"),
    (1_048_576, "1048576 bytes follow (0x00100000, big-endian)"),
    (4_294_967_295, "4294967295 bytes follow (0xffffffff, big-endian)"),
  ])
  func lengthPrefixShowsTheBigEndianValue(bodyCount: Int, note: String) {
    #expect(
      FrameField.lengthPrefix(bodyCount: bodyCount)
        == FrameField(
          name: "length", range: 0..<4, note: note))
  }

  @Test func messageLayoutLabelsTheBytesOfARealFrame() throws {
    let pair = try SecurePair()
    defer { pair.close() }
    let sent = try pair.client.send("layout check")
    let fields = Demo2.FrameLayout.messageFrame(bodyCount: sent.frame.count - 4)
    // The fields tile the whole frame, in order.
    #expect(fields.first?.range.lowerBound == 0)
    #expect(fields.last?.range.upperBound == sent.frame.count)
    for (field, next) in zip(fields, fields.dropFirst()) {
      #expect(field.range.upperBound == next.range.lowerBound)
    }
    let bytes = Dictionary(
      uniqueKeysWithValues: fields.map { ($0.name, Array(sent.frame[$0.range])) })
    #expect(bytes["length"] == Array(sent.frame.prefix(4)))
    #expect(bytes["nonce"] == sent.sealed.nonce.bytes)
    #expect(bytes["ciphertext"] == sent.sealed.ciphertext)
    #expect(bytes["tag"] == sent.sealed.tag)
  }

  @Test func publicKeyLayoutLabelsARealKeyFrame() throws {
    let pem = try SharedKey.server.get().publicKey.pem()
    let frame = try FrameEncoder.encode(pem)
    let fields = Demo2.FrameLayout.publicKeyFrame(bodyCount: pem.count)
    #expect(Array(frame[fields[1].range]) == pem)
    #expect(fields[1].range.upperBound == frame.count)
  }
}

@Suite("Message-frame layout of hostile short bodies")
struct ShortBodyLayoutTests {
  @Test("bodies too short for nonce and tag get fields cut to what is there", arguments: 0...30)
  func shortBodies(bodyCount: Int) {
    let fields = Demo2.FrameLayout.messageFrame(bodyCount: bodyCount)
    let end = 4 + bodyCount
    #expect(fields.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= end })
    #expect(fields.map(\.range.count).reduce(0, +) == end, "the fields tile the frame")
  }
}
