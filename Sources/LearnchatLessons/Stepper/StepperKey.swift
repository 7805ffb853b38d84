/// A key the full-screen stepper understands, decoded from the bytes a terminal sends.
public enum StepperKey: Equatable, Sendable {
  /// A printable character.
  case character(Character)
  case enter
  case escape
  case backspace
  case tab
  case up
  case down
  case left
  case right
  case pageUp
  case pageDown
  case home
  case end
  /// Ctrl-D: end of input, and quit.
  case controlD
  /// Ctrl-C when the terminal passes it as a byte (the stepper normally gets SIGINT instead).
  case controlC
  /// A sequence the stepper has no use for (a function key, Alt with a letter ...).
  case unknown
}
