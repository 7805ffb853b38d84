import Foundation
import LearnchatCrypto
import Testing

@testable import LearnchatDemos

/// Demo 3's handshake and key schedule against a vector made by Python's `cryptography` from
/// fixed keys (`Fixtures/make_demo3_vector.py`), which shares no code with learnchat.
@Suite("Demo 3 key schedule, known answer")
struct Demo3KeyScheduleVectorTests {
  struct Vector: Decodable {
    let identityPrivate: String
    let clientEphemeralPrivate: String
    let serverEphemeralPrivate: String
    let clientHello: String
    let serverHello: String
    let sharedSecret: String
    let transcriptHash: String
    let clientToServerKey: String
    let serverToClientKey: String

    enum CodingKeys: String, CodingKey {
      case identityPrivate = "identity_private"
      case clientEphemeralPrivate = "client_ephemeral_private"
      case serverEphemeralPrivate = "server_ephemeral_private"
      case clientHello = "client_hello"
      case serverHello = "server_hello"
      case sharedSecret = "shared_secret"
      case transcriptHash = "transcript_hash"
      case clientToServerKey = "client_to_server_key"
      case serverToClientKey = "server_to_client_key"
    }

    static func load() throws -> Vector {
      let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demo3-key-schedule.json")
      return try JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
    }
  }

  static func bytes(_ hex: String) -> [UInt8] {
    stride(from: 0, to: hex.count, by: 2).map { offset in
      let start = hex.index(hex.startIndex, offsetBy: offset)
      return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
    }
  }

  @Test("the hellos, the signature, the secret and both keys are Python's")
  func knownAnswer() throws {
    let vector = try Vector.load()
    let identity = try Ed25519.PrivateKey(rawRepresentation: Self.bytes(vector.identityPrivate))
    let client = try X25519.PrivateKey(rawRepresentation: Self.bytes(vector.clientEphemeralPrivate))
    let server = try X25519.PrivateKey(rawRepresentation: Self.bytes(vector.serverEphemeralPrivate))
    let clientHello = client.publicKey.rawRepresentation
    #expect(clientHello == Self.bytes(vector.clientHello))

    // Ed25519 is deterministic: the same key and bytes give Python's signature exactly.
    let signature = try identity.signature(
      for: Demo3.signedBytes(
        clientHello: clientHello, identity: identity.publicKey, serverEphemeral: server.publicKey))
    let serverHello =
      identity.publicKey.rawRepresentation + server.publicKey.rawRepresentation + signature
    #expect(serverHello == Self.bytes(vector.serverHello))

    let secret = try client.sharedSecret(with: server.publicKey)
    #expect(secret == Self.bytes(vector.sharedSecret))
    let keys = try Demo3.sessionKeys(
      sharedSecret: secret, clientHello: clientHello, serverHello: serverHello)
    #expect(keys.transcriptHash == Self.bytes(vector.transcriptHash))
    #expect(keys.clientToServer.bytes == Self.bytes(vector.clientToServerKey))
    #expect(keys.serverToClient.bytes == Self.bytes(vector.serverToClientKey))
  }
}
