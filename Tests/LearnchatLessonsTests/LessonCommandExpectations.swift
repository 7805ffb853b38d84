import Foundation
import Testing

@testable import LearnchatLessons

/// What the lesson text says each command prints or leaves behind, by block
/// (`lesson N stage #i`); a block that is not listed must simply succeed.
extension LessonCommandsTests {
  static let expectations: [String: Expectation] = [
    "lesson 1 eavesdrop #1": Expectation { run, values in
      let hex = try #require(values["message_hex"])
      #expect(run.lines == [hex])
    },
    "lesson 1 two-sends #0": Expectation { run, _ in
      #expect(run.output.contains("How are you?"))
    },
    "lesson 2 keygen #0": Expectation { run, _ in
      for field in ["modulus:", "publicExponent: 65537 (0x10001)", "prime1:", "prime2:"] {
        #expect(run.output.contains(field))
      }
    },
    "lesson 2 pem-export #0": Expectation { run, _ in
      #expect(run.output.contains("19:d=1  hl=4 l= 271 prim:  BIT STRING"))
      #expect(run.output.contains("INTEGER           :010001"))
    },
    "lesson 2 public-key-frame #0": Expectation { run, values in
      let prefix = try #require(values["length_prefix"])
      #expect(run.lines == [prefix])
    },
    "lesson 2 session-key #0": Expectation { run, _ in
      #expect(run.lines.count == 1 && run.lines[0].count == 64)
    },
    "lesson 2 oaep-wrap #0": Expectation { run, _ in
      let mine = try Data(contentsOf: URL(fileURLWithPath: run.folder + "/wrapped.bin"))
      let runs = try Data(contentsOf: URL(fileURLWithPath: run.folder + "/wrapped-key.bin"))
      #expect(mine.count == 256)
      #expect(mine != runs, "OAEP's randomness makes every wrap differ")
    },
    "lesson 2 oaep-unwrap #0": Expectation { run, values in
      #expect(
        Self.xxdHex(run.output) == values["session_key"]?.replacingOccurrences(of: " ", with: ""))
    },
    "lesson 2 nonce #0": Expectation { run, _ in
      #expect(run.lines.count == 2 && run.lines[0] == run.lines[1])
    },
    "lesson 2 seal #0": Expectation { run, values in
      let ciphertext = try #require(values["ciphertext"])
      let tag = try #require(values["tag"])
      #expect(run.lines == ["ciphertext: \(ciphertext)", "tag:        \(tag)"])
    },
    "lesson 2 message-frame #0": Expectation { run, values in
      let prefix = try #require(values["length_prefix"])
      let length = try #require(values["body_length"])
      #expect(run.lines.first == "length     \(prefix) = \(length)")
    },
    "lesson 2 decrypt #0": Expectation(fails: true) { run, _ in
      #expect(run.lines == [HandshakeWalkthrough.message])
      #expect(run.errors.contains("cryptography.exceptions.InvalidTag"))
    },
    "lesson 3 tamper-bit #0": Expectation(fails: true) { run, _ in
      #expect(run.lines == ["b'Leet me at noon.'"])
      #expect(run.errors.contains("cryptography.exceptions.InvalidTag"))
    },
    "lesson 3 nonce-reuse #0": Expectation { run, values in
      let xor = try #require(values["xor"])
      #expect(run.lines == [xor])
    },
    "lesson 3 nonce-reuse #1": Expectation { run, _ in
      let exported = try run.values("out3/transcript.json", "nonce-reuse")
      let nonce = try #require(exported["nonce"])
      #expect(
        run.lines == ["nonce 1: \(nonce)", "nonce 2: \(nonce)", "The door code is 4172, come in."])
    },
    "lesson 4 introduction #0": Expectation { run, _ in
      #expect(FileManager.default.fileExists(atPath: run.folder + "/out4/server-identity.pem"))
    },
    "lesson 4 identity #0": Expectation { run, _ in
      // First the DER in xxd (44 bytes: three lines), then the fingerprint's base64.
      let der = Self.xxdHex(run.lines.dropLast().joined(separator: "\n"))
      #expect(der.count == 88, "44 bytes")
      #expect(der.hasPrefix("302a300506032b6570032100"))
      let fingerprint = try #require(run.values("out4/transcript.json", "identity")["fingerprint"])
      #expect(run.lines.last == String(fingerprint.dropFirst("SHA256:".count)))
    },
    "lesson 4 client-hello #0": Expectation { run, _ in
      #expect(run.lines.count == 2 && run.lines[0] == run.lines[1] && run.lines[0].count == 64)
    },
    "lesson 4 server-hello #0": Expectation { run, _ in
      #expect(
        run.lines == [
          "as sent -> valid", "other ClientHello -> InvalidSignature",
          "swapped ephemeral -> InvalidSignature",
        ])
    },
    "lesson 4 keys #0": Expectation { run, _ in
      let keys = try run.values("out4/transcript.json", "keys")
      let transcript = try #require(keys["transcript_hash"])
      let client = try #require(keys["client_key"])
      let server = try #require(keys["server_key"])
      #expect(
        run.lines == [
          "transcript hash: \(transcript)", "client to server: \(client)",
          "server to client: \(server)",
        ])
    },
    "lesson 4 message #0": Expectation { run, _ in
      let message = try #require(run.values("out4/transcript.json", "message")["message"])
      #expect(run.lines.count == 3)
      #expect(run.lines.first?.hasSuffix("-> \(message)") == true)
      #expect(run.lines.dropFirst().allSatisfy { $0.hasSuffix("-> InvalidTag") })
    },
    "lesson 4 nonce-reuse #0": Expectation { run, _ in
      #expect(run.lines.count == 1)
      #expect(run.lines.first?.split(separator: " ").contains { $0 != "00" } == true)
    },
  ]

  /// The bytes of `xxd` output, as hex without spaces.
  static func xxdHex(_ output: String) -> String {
    output.split(separator: "\n").map { line in
      // `00000000: d746 8270 ...  .F.p...`: the hex sits between the colon and two spaces.
      let afterOffset = line.drop { $0 != ":" }.dropFirst()
      let hex = afterOffset.components(separatedBy: "  ").first { !$0.isEmpty } ?? ""
      return hex.replacingOccurrences(of: " ", with: "")
    }.joined()
  }
}
