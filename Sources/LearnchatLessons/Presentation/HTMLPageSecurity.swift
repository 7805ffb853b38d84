import LearnchatCrypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension HTMLPage {
  /// The page's content security policy, for a `<meta http-equiv>` before its style: nothing
  /// may load from anywhere (no font, image, frame or connection; only `data:` images, which
  /// are in the page), and the only style and script that apply are the page's own, named by
  /// their SHA-256. So even markup that slipped into the page could neither run nor fetch.
  ///
  /// Should hashing fail, inline style and script are allowed instead of named: the page keeps
  /// working and still loads nothing.
  static func contentSecurityPolicy(style: String, script: String) -> String {
    let sources = [style, script].map { text in
      (try? SHA256.hash(Array(text.utf8))).map { "'sha256-\(Data($0).base64EncodedString())'" }
    }
    let styleSource = sources[0] ?? "'unsafe-inline'"
    let scriptSource = sources[1] ?? "'unsafe-inline'"
    return "default-src 'none'; style-src \(styleSource); script-src \(scriptSource); "
      + "img-src data:; base-uri 'none'; form-action 'none'"
  }
}
