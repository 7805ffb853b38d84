import Foundation
import Testing

/// What the dynamic loader maps at every start: the whole of Foundation drags in ICU (a 40 MB
/// library) and took most of `learnchat --version`'s time and memory, so the layers use
/// FoundationEssentials only (and OpenSSL's libcrypto without libssl).
@Suite struct StartupLibrariesTests {
  #if os(Linux)
    @Test("the executable loads FoundationEssentials, not Foundation, ICU or libssl")
    func noFullFoundation() throws {
      // glibc's loader lists what it would load and exits, running nothing (what ldd does).
      let run = try LearnchatBinary.run(
        ["--version"], environment: ["LD_TRACE_LOADED_OBJECTS": "1"])
      #expect(run.status == 0)
      // Lines such as "\tlibcrypto.so.3 => /lib/x86_64-linux-gnu/libcrypto.so.3 (0x...)".
      let libraries = run.output.split(separator: "\n").compactMap {
        $0.split(whereSeparator: \.isWhitespace).first.map(String.init)
      }
      // The listing is real: the libraries learnchat does use are in it.
      #expect(libraries.contains("libFoundationEssentials.so"))
      #expect(libraries.contains("libcrypto.so.3"))
      for unwanted in [
        "libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so",
        "libssl.so.3",
      ] {
        #expect(!libraries.contains(unwanted), "\(unwanted) is loaded")
      }
    }
  #endif
}
