/// What `learnchat intercept --attack` does to live traffic: lesson 3's attacks, on a real chat.
public enum InterceptAttack: String, CaseIterable, Sendable {
  /// Eavesdrop and show; change nothing, decrypt nothing.
  case none
  /// Flip the lowest bit of the first ciphertext byte of each client message.
  case tamperBit = "tamper-bit"
  /// Claim one byte more in the first client message's length prefix.
  case tamperLength = "tamper-length"
  /// Deliver every client message to the server twice.
  case replay
  /// Also send every client message back to the client.
  case reflection
  /// Drop every second client message.
  case drop
  /// Swap each pair of client messages.
  case reorder
  /// Demo 2: the relay's own RSA key to the client, the session key unwrapped and wrapped again
  /// for the server, every message read. Demo 3: the same try, which the client refuses.
  case mitm
  /// Send `ff ff ff ff` to the server after the handshake.
  case oversizedLength = "oversized-length"

  /// One line saying what the relay does.
  public var summary: String {
    switch self {
    case .none: return "eavesdrop: show every unit, change nothing"
    case .tamperBit:
      return "flip the lowest bit of the first ciphertext byte of each client message"
    case .tamperLength: return "claim one byte more in the first client message's length"
    case .replay: return "deliver every client message to the server twice"
    case .reflection: return "also send every client message back to the client"
    case .drop: return "drop every second client message"
    case .reorder: return "swap each pair of client messages"
    case .mitm:
      return "put the relay's own key in the handshake and read (and write) the messages"
    case .oversizedLength: return "send ff ff ff ff to the server after the handshake"
    }
  }

  /// Whether the attack needs frames, which demo 1 does not have.
  public var needsFrames: Bool {
    self == .tamperLength || self == .oversizedLength
  }

  /// Why this attack fails against demo 3, said when the relay applies it.
  public var demo3Reason: String? {
    switch self {
    case .none: return nil
    case .tamperBit:
      return "the tag covers every ciphertext bit: the server rejects the frame and ends the chat"
    case .tamperLength:
      return "the length prefix is authenticated (associated data): the frame fails its tag"
    case .replay:
      return "the copy would need message number n again; the server expects n+1 and rejects it"
    case .reflection:
      return "the client opens server-to-client frames with the other direction's key: it fails"
    case .drop, .reorder:
      return "the next frame carries the wrong message number for the receiver: rejected"
    case .mitm:
      return "the client checks the server's identity (pinned fingerprint or --fingerprint): "
        + "the relay's own signature does not pass"
    case .oversizedLength:
      return "learnchat refuses any length over its limit before reading; the chat ends"
    }
  }
}
