/// What the victims of a live exercise say: learnchat's client sends `messages` one at a time,
/// waiting for one reply after each, then `exit`; the server answers every message it shows.
struct LiveScript: Sendable {
  /// The client's messages, in order.
  let messages: [String]
  /// The server's answer, given every text it has shown so far (the last one is answered).
  let reply: @Sendable (_ shown: [String]) -> String
}
