#!/usr/bin/env python3
"""The build step behind the EmbedTextFiles plugin: writes one Swift file holding text files.

    embed-text-files.py OUTPUT NAME=SUFFIX=FOLDER...

For each NAME=SUFFIX=FOLDER, OUTPUT gets `enum NAME { static let files: [(name:, text:)] }` with
every file in FOLDER whose name ends in SUFFIX (such as `.md`), sorted by name (a missing folder
gives an empty list). The folder is
listed here, at build time, not by the plugin when it plans the build: SwiftPM reruns this step
when a folder or file it was given changes, so an added lesson is picked up too. The output is
rewritten only when it changes, so an unchanged build compiles nothing again.
"""
import pathlib
import re
import sys


def declaration(type_name, suffix, folder):
    entries = []
    files = sorted(folder.glob("*" + suffix)) if folder.is_dir() else []
    for path in files:
        text = path.read_text(encoding="utf-8")
        # One more '#' than the longest run in the text, so nothing in it can end the raw
        # string or interpolate. The literal drops the newline before its closing delimiter.
        hashes = "#" * (max([len(run) for run in re.findall(r"#+", text)] + [0]) + 1)
        entries.append(
            f'    (\n      {hashes}"{path.name}"{hashes},\n      {hashes}"""\n{text}\n"""{hashes}\n    ),\n'
        )
    return (
        "\n/// Text files built into the binary, used when no folder of them is found.\n"
        f"enum {type_name} {{\n"
        "  /// Each file's name and text.\n"
        "  static let files: [(name: String, text: String)] = [\n"
        + "".join(entries)
        + "  ]\n}\n"
    )


def main(arguments):
    if len(arguments) < 2 or any(pair.count("=") < 2 for pair in arguments[1:]):
        sys.exit("usage: embed-text-files.py OUTPUT NAME=SUFFIX=FOLDER...")
    output = pathlib.Path(arguments[0])
    source = (
        "// Generated at build time by the EmbedTextFiles plugin (Plugins/EmbedTextFiles) from\n"
        "// Markdown files: edit those, never this.\n"
    )
    for pair in arguments[1:]:
        type_name, suffix, folder = pair.split("=", 2)
        source += declaration(type_name, suffix, pathlib.Path(folder))
    if not output.exists() or output.read_text(encoding="utf-8") != source:
        output.write_text(source, encoding="utf-8")


main(sys.argv[1:])
