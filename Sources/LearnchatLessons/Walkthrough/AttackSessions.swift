import LearnchatCrypto
import LearnchatDemos
import LearnchatWire

/// A demo-2 chat whose handshake went through an attacker on the path.
struct Demo2Session {
  let path: AttackPath
  let client: Demo2.Channel
  let server: Demo2.Channel
  /// The key the client chose (and the attacker learned, in a man-in-the-middle).
  let sessionKey: AESGCM.Key

  /// Runs demo 2's handshake through `path`. Without `impostor` the attacker only relays;
  /// with it, the attacker sends the impostor's public key to the client, unwraps the session
  /// key, and wraps it again for the real server.
  init(
    path: AttackPath, serverKey: RSAPrivateKey, context: CryptoContext,
    impostor: RSAPrivateKey? = nil, unsafeRepeatedNonce: AESGCM.Nonce? = nil
  ) throws {
    let server = Demo2.ServerHandshake(key: serverKey, framed: path.server)
    let client = Demo2.ClientHandshake(framed: path.client, context: context)
    try server.sendPublicKey()
    let realPEM = try path.interceptFromServer()
    try path.attackerToClient.send(try impostor?.publicKey.pem() ?? realPEM)
    let keyAtClient = try client.receivePublicKey().key
    let completion = try client.sendSessionKey(to: keyAtClient)
    var wrapped = try path.interceptFromClient()
    if let impostor {
      let stolen = try impostor.decryptOAEP(wrapped)
      wrapped = try RSAPublicKey(pem: realPEM, context: context).encryptOAEP(stolen)
    }
    try path.attackerToServer.send(wrapped)
    let serverKeyMaterial = try server.receiveSessionKey().sessionKey
    self.path = path
    self.sessionKey = completion.sessionKey
    if let unsafeRepeatedNonce {
      self.client = try Demo2.Channel.unsafeRepeatingNonce(
        unsafeRepeatedNonce, framed: path.client, key: completion.sessionKey)
    } else {
      self.client = try Demo2.Channel(
        framed: path.client, key: completion.sessionKey, context: context)
    }
    self.server = try Demo2.Channel(framed: path.server, key: serverKeyMaterial, context: context)
  }
}

/// A demo-3 chat whose handshake went through an attacker on the path.
struct Demo3Session {
  let path: AttackPath
  let client: Demo3.Channel
  let server: Demo3.Channel
  let keys: Demo3.SessionKeys

  /// Runs demo 3's handshake through `path`, the attacker relaying unchanged; the client trusts
  /// `pinned` only.
  init(path: AttackPath, identity: Ed25519.PrivateKey, context: CryptoContext) throws {
    let server = Demo3.ServerHandshake(framed: path.server, identity: identity, context: context)
    let client = Demo3.ClientHandshake(
      framed: path.client, context: context,
      trust: Demo3Trust.pinned(identity.publicKey))
    let ephemeral = try client.sendClientHello()
    try path.relayToServer()
    _ = try server.sendServerHello(clientHello: server.receiveClientHello())
    try path.relayToClient()
    let completion = try client.receiveServerHello(ephemeral: ephemeral)
    self.path = path
    self.keys = completion.keys
    self.client = try Demo3.Channel(framed: path.client, keys: completion.keys, role: .client)
    self.server = try Demo3.Channel(framed: path.server, keys: completion.keys, role: .server)
  }
}

/// Client trust policies for the walkthrough.
enum Demo3Trust {
  /// Accepts only `expected`, refusing anything else as a changed identity.
  static func pinned(_ expected: Ed25519.PublicKey) -> @Sendable (Ed25519.PublicKey) throws -> Void
  {
    { presented in
      guard presented == expected else {
        throw Demo3.ProtocolError.identityChanged(
          pinned: try Demo3.fingerprint(of: expected),
          presented: try Demo3.fingerprint(of: presented))
      }
    }
  }
}
