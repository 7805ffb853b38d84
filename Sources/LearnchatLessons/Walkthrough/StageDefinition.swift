/// Who performs a stage, shown in its heading and colour.
public enum StageActor: String, Sendable, CaseIterable {
  case server
  case client
  /// The network between them: what an eavesdropper sees.
  case wire
  /// Someone on the path who reads, changes, drops or injects bytes (lessons 3 and 4).
  case attacker
}

/// One stage a demo goes through, declared before it runs so a lesson file can be checked
/// against it.
public struct StageDefinition: Sendable, Equatable {
  /// The name lesson files use in `<!-- stage: ... -->`.
  public let id: String
  /// A short title for the stage's heading.
  public let title: String
  /// Who acts.
  public let actor: StageActor
  /// The `{{placeholders}}` this stage fills with live values.
  public let placeholders: [String]

  /// A stage named `id`, titled `title`, performed by `actor`, filling `placeholders`.
  public init(id: String, title: String, actor: StageActor, placeholders: [String] = []) {
    self.id = id
    self.title = title
    self.actor = actor
    self.placeholders = placeholders
  }
}
