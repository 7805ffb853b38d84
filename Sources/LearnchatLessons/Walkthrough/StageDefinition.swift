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

/// A walkthrough's stages as an enum, declared once: each case is a stage (its raw value the
/// name lesson files use), in run order, and ``details`` says how each is shown.
///
/// Adding a stage is one case here, one stage body in the walkthrough's `run`, and its section
/// in the lesson file.
public protocol WalkthroughStage: RawRepresentable, CaseIterable, Sendable
where RawValue == String {
  /// The stage's heading, who performs it, and the placeholders it fills.
  var details: StageDetails { get }
}

extension WalkthroughStage {
  /// The stage as lesson files and presentations see it.
  public var definition: StageDefinition {
    StageDefinition(
      id: rawValue, title: details.title, actor: details.actor,
      placeholders: details.placeholders)
  }
}

/// How one stage is shown: the parts of a ``StageDefinition`` besides its name.
public struct StageDetails: Sendable {
  /// A short title for the stage's heading.
  public let title: String
  /// Who acts.
  public let actor: StageActor
  /// The `{{placeholders}}` the stage fills with live values.
  public let placeholders: [String]

  /// A stage titled `title`, performed by `actor`, filling `placeholders`.
  public init(_ title: String, _ actor: StageActor, placeholders: [String] = []) {
    self.title = title
    self.actor = actor
    self.placeholders = placeholders
  }
}
