// swift-tools-version: 6.0
// learnchat: a command-line tool that teaches how a secure chat works by running one and
// showing every byte. One target per layer; each imports only the layers below it.
import PackageDescription

let package = Package(
  name: "learnchat",
  products: [
    .executable(name: "learnchat", targets: ["learnchat"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // System libraries: a module map and a shim header each, nothing vendored.
    // libcrypto only: learnchat uses no TLS, and loading libssl at every start costs time.
    .systemLibrary(
      name: "COpenSSL",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    .systemLibrary(
      name: "Ccmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    .systemLibrary(
      name: "Cedit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),

    // Crypto layer: the only target that imports OpenSSL.
    .target(name: "LearnchatCrypto", dependencies: ["COpenSSL"]),
    // Wire layer: POSIX TCP, the frame codec, the tap.
    .target(name: "LearnchatWire"),
    // Demos layer: the three protocols, as steps that report what they did to an observer,
    // each frame's field layout, and the attacks on them.
    .target(name: "LearnchatDemos", dependencies: ["LearnchatCrypto", "LearnchatWire"]),
    // Chat layer: the real chat and the on-path relay (`serve`, `connect`, `intercept`); the
    // only target that imports libedit, the keyboard's line editor.
    .target(
      name: "LearnchatChat",
      dependencies: ["Cedit", "LearnchatCrypto", "LearnchatWire", "LearnchatDemos"]),
    // Lessons layer: the only target that imports cmark; lesson files, renderers, the stepper.
    // lessons/*.md, exercises/*.md and exercises/*.py are compiled in by the EmbedTextFiles plugin.
    .target(
      name: "LearnchatLessons",
      dependencies: ["Ccmark", "LearnchatCrypto", "LearnchatWire", "LearnchatDemos"],
      plugins: ["EmbedTextFiles"]),
    // The build-time step that turns the Markdown folders into Swift (never checked in).
    .plugin(name: "EmbedTextFiles", capability: .buildTool()),
    // Benchmarks: the figures of `learnchat bench`.
    .target(
      name: "LearnchatBench", dependencies: ["LearnchatCrypto", "LearnchatWire", "LearnchatDemos"]),

    // The command line only.
    .executableTarget(
      name: "learnchat",
      dependencies: [
        "LearnchatCrypto",
        "LearnchatWire",
        "LearnchatDemos",
        "LearnchatChat",
        "LearnchatLessons",
        "LearnchatBench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .testTarget(
      name: "LearnchatCryptoTests",
      dependencies: ["LearnchatCrypto", "LearnchatTestSupport"],
      // Read from the source tree by the tests; not bundled.
      exclude: ["Fixtures"]
    ),
    // What more than one test target needs: running tshark with the dissector, golden files.
    .target(
      name: "LearnchatTestSupport",
      dependencies: ["LearnchatCrypto", "LearnchatWire", "LearnchatDemos"],
      path: "Tests/Support/LearnchatTestSupport"),
    .testTarget(
      name: "LearnchatWireTests", dependencies: ["LearnchatWire", "LearnchatTestSupport"]),
    .testTarget(
      name: "LearnchatDemosTests",
      dependencies: ["LearnchatCrypto", "LearnchatWire", "LearnchatDemos", "LearnchatTestSupport"],
      // Read from the source tree by the tests; not bundled.
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "LearnchatChatTests",
      dependencies: [
        "learnchat", "LearnchatCrypto", "LearnchatWire", "LearnchatDemos", "LearnchatChat",
        "LearnchatTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "LearnchatLessonsTests",
      // Ccmark: cmark's own HTML renderer, the reference MarkdownHTMLTests compares ours with.
      dependencies: [
        "LearnchatCrypto", "LearnchatWire", "LearnchatLessons", "Ccmark", "LearnchatTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "LearnchatCLITests",
      dependencies: ["learnchat", "LearnchatTestSupport"],
      // The browser test's Python script, run by HTMLPageBrowserTests, and the golden files
      // GoldenOutputTests compares with; read from the source tree, not bundled.
      exclude: ["Browser", "Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)

// Fuzzing lives in the nested package Fuzz/Package.swift (scripts/fuzz; scripts/test runs its
// regression tests), so that a plain `swift build` here compiles only learnchat and its layers.
// It uses these layers as libraries.
package.products += [
  .library(name: "LearnchatCrypto", targets: ["LearnchatCrypto"]),
  .library(name: "LearnchatWire", targets: ["LearnchatWire"]),
  .library(name: "LearnchatDemos", targets: ["LearnchatDemos"]),
  .library(name: "LearnchatLessons", targets: ["LearnchatLessons"]),
]
