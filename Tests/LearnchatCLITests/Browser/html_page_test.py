#!/usr/bin/env python3
"""Checks pages written by `learnchat lesson N --html FILE` in a real browser.

Drives the system's Chromium (never a downloaded one) through Playwright, headless, and checks
what a unit test cannot: layout at 683 and 1280 pixels wide in light and dark, the keys that
step through the stages, the highlighting between a dump's bytes and its field table, the
print style, the footer, and that the page asks the network for nothing.

Usage: html_page_test.py SPEC.json [--screenshots DIR]

SPEC.json: {"chromium": PATH, "date": "YYYY-MM-DD", "version": V or null,
            "pages": [{"path": FILE, "lesson": N, "seed": S}, ...]}

Prints one line per check, "ok NAME" or "FAIL NAME: why", and exits 1 if any failed. The
footer's version is its own check, footer-version, so a caller can tell it apart.
"""

import argparse
import json
import os
import pathlib
import sys

from playwright.sync_api import sync_playwright

WIDTHS = [683, 1280]
# Also checked for layout: a phone, where even 8-byte rows need smaller type.
LAYOUT_WIDTHS = [360] + WIDTHS
SCHEMES = ["light", "dark"]
HEIGHT = 800


class Checks:
    """Collects results; a check that raises is reported as failed with its exception."""

    def __init__(self):
        self.failed = 0

    def result(self, name, problems):
        problems = [p for p in problems if p]
        if problems:
            self.failed += 1
            print(f"FAIL {name}: " + "; ".join(str(p) for p in problems[:8]), flush=True)
        else:
            print(f"ok {name}", flush=True)

    def run(self, name, function, *arguments):
        try:
            self.result(name, function(*arguments) or [])
        except Exception as error:  # a broken check is a failed check, not a crashed script
            self.result(name, [f"{type(error).__name__}: {error}"])


# Everything that must fit the width: the document, and each visible block that could be
# wider than the window (dumps, console and code blocks, field tables, the key bar).
OVERFLOW_SCRIPT = """
() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`document is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`);
  }
  const selector = "pre, table, figure, nav, main, footer, aside, section, h1, h2, p, li, code";
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    if (style.display === "none" || element.getClientRects().length === 0) continue;
    const box = element.getBoundingClientRect();
    const name = element.tagName.toLowerCase() + (element.className ? "." + element.className : "");
    if (box.right > window.innerWidth + 0.5 || box.left < -0.5) {
      problems.push(`${name} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
    }
    // Content wider than its box: a scroll bar, or text running out of it.
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth) {
      problems.push(`${name} overflows: ${element.scrollWidth} > ${element.clientWidth}px`);
    }
  }
  return problems;
}
"""

# The dump layouts: one visible per figure, with the expected bytes per row, offsets that
# step by a row, `hexdump -C` columns, and the same bytes as the other layout.
LAYOUT_SCRIPT = """
(expected) => {
  const problems = [];
  const figures = document.querySelectorAll("figure.hexdump-figure");
  if (figures.length === 0) problems.push("no dumps on the page");
  const bytesOf = (pre) => pre.textContent.split("\\n").filter((l) => l)
    .map((line) => /^([0-9a-f]{8})  (.*?)  \\|(.*)\\|$/.exec(line));
  figures.forEach((figure, index) => {
    const pres = [...figure.querySelectorAll("pre.hexdump")];
    const shown = pres.filter((pre) => getComputedStyle(pre).display !== "none");
    if (shown.length !== 1) {
      problems.push(`figure ${index} shows ${shown.length} layouts`);
      return;
    }
    const perRow = Number(shown[0].dataset.rowBytes);
    if (perRow !== expected) problems.push(`figure ${index} shows ${perRow} bytes a row`);
    const all = {};
    for (const pre of pres) {
      const n = Number(pre.dataset.rowBytes);
      const rows = bytesOf(pre);
      let hex = "";
      rows.forEach((row, r) => {
        if (!row) { problems.push(`figure ${index} layout ${n} row ${r} is not hexdump -C`); return; }
        if (parseInt(row[1], 16) !== r * n) {
          problems.push(`figure ${index} layout ${n} row ${r} has offset ${row[1]}`);
        }
        const bytes = row[2].trim().split(/ +/);
        if (r < rows.length - 1 && bytes.length !== n) {
          problems.push(`figure ${index} layout ${n} row ${r} has ${bytes.length} bytes`);
        }
        if (row[3].length !== bytes.length) {
          problems.push(`figure ${index} layout ${n} row ${r}: ${row[3].length} text characters`);
        }
        hex += bytes.join("");
      });
      all[n] = hex;
    }
    const values = Object.values(all);
    if (values.some((v) => v !== values[0])) {
      problems.push(`figure ${index}: the layouts show different bytes`);
    }
  });
  return problems;
}
"""

STATE_SCRIPT = """
() => {
  const active = document.activeElement;
  const section = active ? active.closest("section.stage") : null;
  const box = section ? section.getBoundingClientRect() : null;
  const form = document.querySelector("form.goto");
  return {
    focused: section && section === active ? section.id : null,
    hash: location.hash,
    top: box ? box.top : null,
    bottom: box ? box.bottom : null,
    height: window.innerHeight,
    formOpen: !!form && !form.hidden,
    activeTag: active ? active.tagName : null,
    message: (document.querySelector(".goto-message") || {}).textContent || "",
  };
}
"""


def open_page(browser, url, width, scheme, media="screen"):
    """A fresh page at `url`; every request that is not the page itself is recorded, and
    refused, as are console errors (a refused style or script among them)."""
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT}, color_scheme=scheme)
    page = context.new_page()
    page.learnchat_requests = []
    page.learnchat_errors = []

    def route(r):
        if r.request.url.split("#")[0] == url:
            r.continue_()
        else:
            page.learnchat_requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.learnchat_errors.append(m.text))
    page.on("pageerror", lambda e: page.learnchat_errors.append(str(e)))
    page.emulate_media(media=media, color_scheme=scheme)
    page.goto(url)
    return page


def check_layout(page, width):
    problems = page.evaluate(OVERFLOW_SCRIPT)
    problems += page.evaluate(LAYOUT_SCRIPT, 8 if width < 900 else 16)
    return problems


def check_keys(page):
    sections = page.evaluate(
        "() => [...document.querySelectorAll('section.stage')].map((s) => ({id: s.id, "
        "number: s.dataset.stage, shown: s.querySelector('h2 .number').textContent}))")
    if len(sections) < 4:
        return [f"only {len(sections)} stage sections"]
    problems = []
    # A whole run: section k is stage k+1 of them all, and says so.
    for index, section in enumerate(sections):
        want = f"{index + 1}/{len(sections)}"
        if section["number"] != str(index + 1) or section["shown"] != want:
            problems.append(f"{section['id']} is numbered {section['number']} and shows "
                            f"{section['shown']}, not {want}")

    def expect(label, index):
        state = page.evaluate(STATE_SCRIPT)
        want = sections[index]["id"]
        if state["focused"] != want:
            problems.append(f"after {label}: focus on {state['focused']}, not {want}")
        if state["hash"] != "#" + want:
            problems.append(f"after {label}: hash {state['hash']!r}, not #{want}")
        top, bottom, height = state["top"], state["bottom"], state["height"]
        if top is None or top < -2 or top > height or bottom < 0:
            problems.append(f"after {label}: {want} is not in view (top {top})")

    page.keyboard.press("n")
    expect("n", 0)
    page.keyboard.press("ArrowRight")
    expect("Right", 1)
    page.keyboard.press("n")
    expect("n n", 2)
    page.keyboard.press("p")
    expect("p", 1)
    page.keyboard.press("ArrowLeft")
    expect("Left", 0)
    for chord in ["Alt+n", "Control+ArrowRight", "Meta+n"]:
        page.keyboard.press(chord)
        expect(chord + " (ignored)", 0)

    page.keyboard.press("g")
    state = page.evaluate(STATE_SCRIPT)
    if not state["formOpen"] or state["activeTag"] != "INPUT":
        problems.append(f"g did not open the form with its field focused: {state}")
    page.keyboard.type("n")  # typed into the field: must not move
    expect_hash = "#" + sections[0]["id"]
    if page.evaluate("location.hash") != expect_hash:
        problems.append("typing n in the form moved to another stage")
    page.keyboard.press("Backspace")
    target = sections[3]
    page.keyboard.type(target["number"])
    page.keyboard.press("Enter")
    expect(f"g {target['number']} Enter", 3)
    if page.evaluate(STATE_SCRIPT)["formOpen"]:
        problems.append("the form stayed open after a jump")

    last = len(sections) - 1
    page.keyboard.press("g")
    page.keyboard.type(sections[last]["id"])
    page.keyboard.press("Enter")
    expect(f"g {sections[last]['id']} Enter", last)

    page.keyboard.press("g")
    page.keyboard.type("no-such-stage")
    page.keyboard.press("Enter")
    state = page.evaluate(STATE_SCRIPT)
    if not state["formOpen"] or "no-such-stage" not in state["message"]:
        problems.append(f"an unknown stage did not keep the form open with a message: {state}")
    page.keyboard.press("Escape")
    state = page.evaluate(STATE_SCRIPT)
    if state["formOpen"]:
        problems.append("Esc did not close the form")
    expect("g ... Esc", last)
    page.keyboard.press("p")
    expect("p from the last", last - 1)
    return problems


HIGHLIGHT_SCRIPT = """
(figureIndex) => {
  const figure = document.querySelectorAll("figure.hexdump-figure")[figureIndex];
  const visible = [...figure.querySelectorAll("pre.hexdump")]
    .find((pre) => getComputedStyle(pre).display !== "none");
  const lit = (selector, root) => [...(root || figure).querySelectorAll(selector)]
    .map((e) => e.classList.contains("hl"));
  const outside = [...document.querySelectorAll(".hl")].filter((e) => !figure.contains(e)).length;
  const fields = [...figure.querySelectorAll("tbody tr")].map((row) => row.dataset.field);
  const result = { outside, rows: {}, spans: {}, background: {} };
  for (const field of fields) {
    result.rows[field] = lit(`tr[data-field="${field}"]`);
    result.spans[field] = lit(`[data-field="${field}"]:not(tr)`);
    const first = visible.querySelector(`[data-field="${field}"]`);
    result.background[field] = first ? getComputedStyle(first).backgroundColor : null;
  }
  return result;
}
"""


def check_highlight(page):
    problems = []
    figure = page.evaluate(
        "() => [...document.querySelectorAll('figure.hexdump-figure')].findIndex("
        "(f) => f.querySelectorAll('tbody tr').length >= 2)")
    if figure < 0:
        return ["no dump with two fields"]
    figures = page.locator("figure.hexdump-figure").nth(figure)
    plain = page.evaluate(HIGHLIGHT_SCRIPT, figure)["background"]["1"]

    def expect_lit(label, field):
        state = page.evaluate(HIGHLIGHT_SCRIPT, figure)
        for name, rows in state["rows"].items():
            if any(rows) != (name == field):
                problems.append(f"{label}: row {name} lit {any(rows)}")
        for name, spans in state["spans"].items():
            want = name == field
            if not spans or any(lit != want for lit in spans):
                problems.append(f"{label}: bytes of field {name} lit {spans.count(True)}/{len(spans)}")
        if state["outside"]:
            problems.append(f"{label}: {state['outside']} elements lit in other figures")
        if field is not None and state["background"][field] == plain:
            problems.append(f"{label}: highlighted bytes look the same ({plain})")

    def pointer_away():
        # The window's top left corner is never a dump, even after focusing scrolls the page.
        page.mouse.move(1, 1)

    figures.locator("pre.hexdump:visible [data-field='1']").first.hover()
    expect_lit("hovering bytes of field 1", "1")
    pointer_away()
    expect_lit("pointer away", None)
    figures.locator("tbody tr[data-field='0']").hover()
    expect_lit("hovering row 0", "0")
    pointer_away()
    figures.locator("tbody tr[data-field='1']").focus()
    expect_lit("focusing row 1", "1")
    outline = figures.locator("tbody tr[data-field='1']").evaluate(
        "(row) => getComputedStyle(row).outlineStyle")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-field')")
    expect_lit("Shift+Tab to row 0", "0" if focused == "0" else focused)
    if focused != "0":
        problems.append(f"Shift+Tab from row 1 reached {focused}, not row 0")
    if outline in ("none", ""):
        problems.append("a focused row has no visible outline")
    figures.locator("pre.hexdump:visible [data-field='0']").first.focus()
    expect_lit("focusing bytes of field 0", "0")
    page.evaluate("document.activeElement.blur()")
    expect_lit("focus gone", None)
    return problems


def check_print(page):
    problems = page.evaluate(OVERFLOW_SCRIPT)
    styles = page.evaluate("""() => ({
      hidden: ["nav.stages", "aside.keys"].map((s) => [s, getComputedStyle(document.querySelector(s)).display]),
      breaks: [...document.querySelectorAll("section.stage")].map((s) => getComputedStyle(s).breakBefore),
      figures: [...document.querySelectorAll("figure")].map((f) => getComputedStyle(f).breakInside),
      wrap: [...document.querySelectorAll("main pre")].map((p) => getComputedStyle(p).whiteSpace),
    })""")
    for selector, display in styles["hidden"]:
        if display != "none":
            problems.append(f"{selector} is printed ({display})")
    if any(b != "page" for b in styles["breaks"]):
        problems.append(f"stages do not start new pages: {styles['breaks']}")
    if any(b != "avoid" for b in styles["figures"]):
        problems.append("dumps may be split across pages")
    if any(w != "pre-wrap" for w in styles["wrap"]):
        problems.append(f"printed blocks that cannot wrap: {set(styles['wrap'])}")
    return problems


def check_footer(page, lesson, seed, date):
    footer = page.evaluate("""() => {
      const f = document.querySelector("footer.page-footer");
      const text = (s) => { const e = f && f.querySelector(s); return e ? e.textContent : null; };
      return { text: f ? f.textContent : null, lesson: text(".lesson"), seed: text(".seed code"),
               date: text(".date"), elements: f ? f.querySelectorAll("*:not(p, span, code, time)").length : 0,
               scripts: document.scripts.length, title: document.title };
    }""")
    problems = []
    if footer["text"] is None:
        return ["no footer"]
    if not (footer["lesson"] or "").startswith(f"Lesson {lesson}"):
        problems.append(f"lesson {footer['lesson']!r}")
    if footer["seed"] != seed:
        problems.append(f"seed {footer['seed']!r}, not {seed!r}")
    if footer["date"] != date:
        problems.append(f"date {footer['date']!r}, not {date!r}")
    if footer["elements"] or footer["scripts"] != 1:
        problems.append(f"markup from the run: {footer['elements']} elements, {footer['scripts']} scripts")
    return problems


def check_version(page, version):
    text = page.evaluate(
        "() => (document.querySelector('footer.page-footer .version') || {}).textContent || ''")
    if version is None:
        return []
    return [] if text == f"Written by learnchat {version}" else [f"footer says {text!r}"]


def screenshots(browser, url, folder, stem):
    for scheme in SCHEMES:
        for width in WIDTHS:
            page = open_page(browser, url, width, scheme)
            page.screenshot(path=f"{folder}/{stem}-{scheme}-{width}.png")
            figure = page.locator("figure.hexdump-figure:has(tbody tr:nth-child(2))").first
            figure.scroll_into_view_if_needed()
            figure.locator("pre.hexdump:visible [data-field='1']").first.hover()
            figure.screenshot(path=f"{folder}/{stem}-{scheme}-{width}-dump.png")
            page.context.close()
    for width in WIDTHS:
        page = open_page(browser, url, width, "dark", media="print")
        page.screenshot(path=f"{folder}/{stem}-print-{width}.png", full_page=True)
        page.context.close()
    page = open_page(browser, url, 1280, "light")
    page.pdf(path=f"{folder}/{stem}.pdf", format="A4")
    page.context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec")
    parser.add_argument("--screenshots", metavar="DIR")
    arguments = parser.parse_args()
    spec = json.loads(pathlib.Path(arguments.spec).read_text())
    checks = Checks()
    launch = {"executable_path": spec["chromium"], "headless": True}
    if os.geteuid() == 0:
        launch["args"] = ["--no-sandbox"]  # Chromium's sandbox refuses to run as root
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch)
        for entry in spec["pages"]:
            url = pathlib.Path(entry["path"]).resolve().as_uri()
            name = f"lesson {entry['lesson']}"
            requests, errors = [], []
            for scheme in SCHEMES:
                for width in LAYOUT_WIDTHS:
                    page = open_page(browser, url, width, scheme)
                    checks.run(f"{name} layout {width}px {scheme}", check_layout, page, width)
                    requests += page.learnchat_requests
                    errors += page.learnchat_errors
                    page.context.close()
            for width in WIDTHS:
                page = open_page(browser, url, width, "light")
                checks.run(f"{name} keys {width}px", check_keys, page)
                requests += page.learnchat_requests
                errors += page.learnchat_errors
                page.context.close()
            page = open_page(browser, url, 1280, "dark")
            checks.run(f"{name} highlight", check_highlight, page)
            checks.run(f"{name} footer", check_footer, page, entry["lesson"], entry["seed"], spec["date"])
            checks.run(f"footer-version {name}", check_version, page, spec.get("version"))
            requests += page.learnchat_requests
            errors += page.learnchat_errors
            page.context.close()
            for width in WIDTHS:
                page = open_page(browser, url, width, "dark", media="print")
                checks.run(f"{name} print {width}px", check_print, page)
                requests += page.learnchat_requests
                errors += page.learnchat_errors
                page.context.close()
            checks.result(f"{name} no network", [f"requested {u}" for u in sorted(set(requests))])
            checks.result(f"{name} no console errors", sorted(set(errors)))
            if arguments.screenshots:
                screenshots(browser, url, arguments.screenshots, f"lesson{entry['lesson']}")
        browser.close()
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
