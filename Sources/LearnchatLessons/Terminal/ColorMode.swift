/// When to colour output: the value of `--color`.
///
/// The raw values are the spellings on the command line, so the CLI target can make this an
/// ArgumentParser option with an empty `ExpressibleByArgument` conformance.
public enum ColorMode: String, CaseIterable, Sendable {
  /// Colour when standard output is a terminal, unless `NO_COLOR` or `TERM=dumb` says not to.
  case auto
  /// Always colour, even into a pipe or file (for `less -R`, or to record a transcript).
  case always
  /// Never colour.
  case never
}
