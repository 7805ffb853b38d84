import LearnchatDemos

/// A labelled span of bytes in a dump, such as a frame's length prefix or its GCM tag.
///
/// The same type the demos layer describes its frames with, so a frame's layout goes straight
/// into a dump. A range that runs past the end of the bytes is kept as given (the field table
/// reports the length the caller declared) but only the bytes that exist are coloured and shown.
public typealias ByteField = FrameField

extension FrameField {
  /// A field called `name` of `length` bytes starting at `offset`.
  public init(name: String, offset: Int, length: Int, note: String? = nil) {
    self.init(name: name, range: offset..<(offset + max(0, length)), note: note)
  }
}
