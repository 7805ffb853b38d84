import LearnchatCrypto

/// What the victims of a live run did, as they saw it: the facts a live exercise is judged
/// from.
struct LiveRecord: Sendable {
  /// The lines learnchat's server and client printed.
  var serverLines: [String] = []
  var clientLines: [String] = []
  /// What each of the server's reads after the handshake gave, with the frame body it read.
  var serverReads: [(read: VictimRead, body: [UInt8]?)] = []
  /// What each of the client's reads after the handshake gave.
  var clientReads: [VictimRead] = []
  /// What each side sent, in order (`exit` included).
  var serverSent: [String] = []
  var clientSent: [String] = []
  /// The public-key frame the server sent, and the one the client received.
  var serverPEM: [UInt8]?
  var clientPEM: [UInt8]?
  /// The session key each side ended the handshake with.
  var serverSessionKey: AESGCM.Key?
  var clientSessionKey: AESGCM.Key?
  /// Set when the learner's program did not take part: what it failed to do.
  var absence: String?

  /// The texts the server showed.
  var serverShown: [String] { serverReads.compactMap(\.read.text) }
  /// The texts the client showed.
  var clientShown: [String] { clientReads.compactMap(\.text) }
}
