/// Demo 1, the original's plaintext chat: each side's text as raw UTF-8 bytes on a TCP stream,
/// with no framing and no encryption (docs/architecture.md).
public enum Demo1 {}
