/// Demo 2, the original's secure chat: an AES-256 session key wrapped with RSA-OAEP, then
/// AES-256-GCM messages in length-prefixed frames, each with a random nonce (docs/architecture.md).
public enum Demo2 {}
