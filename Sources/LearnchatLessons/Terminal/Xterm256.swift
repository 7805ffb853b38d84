/// The RGB values of the 256-colour palette, as xterm defines them and other terminals copy.
///
/// Entries 16 to 231 are a 6×6×6 cube whose levels are 0, 95, 135, 175, 215 and 255; entries
/// 232 to 255 are a grey ramp from 8 to 238 in steps of 10. Entries 0 to 15 are the basic
/// colours, which each terminal's colour scheme sets, so they have no fixed value here.
public enum Xterm256 {
  /// The levels of one channel of the colour cube.
  static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// Red, green and blue (0 to 255) of palette entry `index`; nil for 0 to 15.
  public static func rgb(_ index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8)? {
    switch index {
    case 16...231:
      let cube = Int(index) - 16
      return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    case 232...255:
      let grey = UInt8(8 + 10 * (Int(index) - 232))
      return (grey, grey, grey)
    default:
      return nil
    }
  }
}
