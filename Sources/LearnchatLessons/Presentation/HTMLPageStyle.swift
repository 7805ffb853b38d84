extension HTMLPage {
  /// The page's own styles (the dumps' are `HexDumpHTMLRenderer.css`); every colour is one of
  /// `HTMLPalette`'s custom properties.
  ///
  /// On screens wider than 72rem the stage list stays in a column beside the text; narrower,
  /// it comes first and the fixed key bar links to it. Console and code blocks wrap instead of
  /// scrolling. In print: no stage list or key bar, each stage from a new page, blocks kept
  /// whole where they fit, everything wrapped to the paper, the paper palette.
  static let css = """
    [hidden] { display: none !important; }
    html { background: var(--page); color: var(--text); }
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 0 0 5rem; }
    nav.stages, main, footer.page-footer {
      max-width: 60rem; margin: 0 auto; padding: 0 1rem; box-sizing: border-box;
    }
    @media screen and (min-width: 40rem) {
      nav.stages, main, footer.page-footer { padding: 0 2rem; }
    }
    @media screen and (min-width: 72rem) {
      body { display: grid; grid-template-columns: 17rem minmax(0, 1fr); column-gap: 1rem; }
      nav.stages {
        grid-column: 1; grid-row: 1 / span 2; align-self: start; position: sticky; top: 0;
        max-height: 100vh; overflow-y: auto; margin: 0; padding: 1rem 0 1rem 1rem;
      }
      main, footer.page-footer { grid-column: 2; margin: 0; }
    }
    main { overflow-wrap: break-word; }
    a { color: var(--link); }
    code, kbd, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--code); padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
    main pre:not(.hexdump) {
      background: var(--code); padding: 0.6rem 0.8rem; border-radius: 4px; font-size: 0.9em;
      white-space: pre-wrap; overflow-wrap: anywhere;
    }
    h1, h2 { line-height: 1.25; }
    h2 { border-bottom: 2px solid currentColor; padding-bottom: 0.2rem; margin-top: 2.5rem; }
    h2 .number { color: var(--muted); font-weight: normal; }
    h2 .actor, nav.stages .actor { font-variant: small-caps; margin-right: 0.2rem; }
    section.server h2, nav.stages .server .actor, pre.console .server { color: var(--server); }
    section.client h2, nav.stages .client .actor, pre.console .client { color: var(--client); }
    section.wire h2, nav.stages .wire .actor, pre.console .wire { color: var(--wire); }
    section.attacker h2, nav.stages .attacker .actor, pre.console .attacker { color: var(--attacker); }
    section.stage { scroll-margin-top: 0.5rem; border-radius: 4px; }
    section.stage:focus { outline: none; }
    section.stage:focus-visible { outline: 2px solid var(--focus); outline-offset: 0.4rem; }
    .outcome { padding: 0.5rem 0.8rem; border-left: 4px solid; }
    .outcome.succeeded, .outcome.disrupted { background: var(--danger); border-color: var(--attacker); }
    .outcome.failed { background: var(--safe); border-color: var(--f3); }
    .seeded, .stopped {
      background: var(--notice); padding: 0.5rem 0.8rem; border-left: 4px solid var(--wire);
    }
    nav.stages h2 { font-size: 1rem; margin: 1rem 0 0.3rem; border-bottom: 1px solid var(--rule); }
    nav.stages ol { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
    nav.stages a {
      display: block; padding: 0.15rem 0.4rem 0.15rem 3.6em; text-indent: -3.2em;
      color: var(--text); text-decoration: none; border-radius: 3px;
    }
    nav.stages a:hover { text-decoration: underline; }
    nav.stages a[aria-current] { box-shadow: inset 3px 0 0 var(--focus); font-weight: bold; }
    nav.stages .number { color: var(--muted); display: inline-block; min-width: 3.2em; text-indent: 0; }
    a:focus-visible, button:focus-visible, input:focus-visible {
      outline: 3px solid var(--focus); outline-offset: 1px;
    }
    footer.page-footer { color: var(--muted); font-size: 0.9rem; }
    footer.page-footer p { border-top: 1px solid var(--rule); padding-top: 0.6rem; margin-top: 3rem; }
    aside.keys {
      position: fixed; right: 1rem; bottom: 1rem; max-width: calc(100vw - 2rem);
      box-sizing: border-box; background: var(--page); color: var(--text);
      border: 1px solid var(--rule); border-radius: 6px; padding: 0.3rem 0.7rem;
      font-size: 0.85rem; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); z-index: 1;
    }
    aside.keys p { margin: 0; }
    @media screen and (min-width: 72rem) {
      /* In the stage list's column, under the list, rather than over the text. */
      aside.keys { left: 1rem; right: auto; max-width: 16rem; }
    }
    kbd {
      background: var(--code); border: 1px solid var(--rule); border-radius: 3px;
      padding: 0 0.3em; font-size: 0.9em;
    }
    form.goto { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin-top: 0.4rem; }
    form.goto input, form.goto button {
      font: inherit; color: var(--text); background: var(--page);
      border: 1px solid var(--muted); border-radius: 3px; padding: 0.1rem 0.4rem;
    }
    .goto-message { flex-basis: 100%; }
    @page { margin: 15mm 14mm; }
    @media print {
      nav.stages, aside.keys { display: none !important; }
      body { display: block; font-size: 10.5pt; padding: 0; }
      main, footer.page-footer { max-width: none; margin: 0; padding: 0; }
      h1 { margin-top: 0; }
      section.stage { break-before: page; }
      h2 { break-after: avoid; margin-top: 0; }
      main pre:not(.hexdump) { border: 1px solid var(--rule); }
      pre { white-space: pre-wrap; overflow: visible; overflow-wrap: anywhere; }
      pre.console, .outcome, .seeded, .stopped, figure, li { break-inside: avoid; }
      p { orphans: 3; widows: 3; }
      .dump-rows { font-size: 8.5pt; }
      .outcome, .seeded, .stopped { border: 1px solid var(--rule); border-left-width: 4px; }
      footer.page-footer p { margin-top: 1.5rem; }
    }

    """
}
