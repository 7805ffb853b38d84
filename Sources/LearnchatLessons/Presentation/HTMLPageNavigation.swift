extension HTMLPage {
  /// The stage list: every stage on the page, by number, actor and title, each a link to its
  /// section. On wide screens it stays beside the text; elsewhere the key bar links to it.
  static func stageList(_ stages: [HTMLPageStage]) -> String {
    var html = "<nav class=\"stages\" id=\"stages\" aria-labelledby=\"stages-heading\">\n"
    html += "<h2 id=\"stages-heading\">Stages</h2>\n<ol>\n"
    for entry in stages {
      html +=
        "<li class=\"\(HTMLEscaping.text(entry.stage.actor.rawValue))\">"
        + "<a href=\"#\(entry.anchor)\">\(entry.headingHTML)</a></li>\n"
    }
    return html + "</ol>\n</nav>\n"
  }

  /// The key bar: what the keys do, a link to the stage list, and the "go to stage" form that
  /// `g` opens. Hidden until the script runs, since without it the keys do nothing; never
  /// printed.
  static func keyBar(_ stages: [HTMLPageStage]) -> String {
    var html = "<aside class=\"keys\" aria-label=\"Keys\" hidden>\n"
    html +=
      "<p class=\"hints\"><kbd>←</kbd> <kbd>→</kbd> or <kbd>p</kbd> <kbd>n</kbd> stage · "
      + "<kbd>g</kbd> go to · <a href=\"#stages\">all stages</a></p>\n"
    html += "<form class=\"goto\" hidden>\n"
    html += "<label for=\"goto-stage\">Go to stage (number or name)</label>\n"
    html +=
      "<input id=\"goto-stage\" name=\"stage\" autocomplete=\"off\" spellcheck=\"false\" "
      + "list=\"goto-stage-names\" size=\"14\">\n"
    html += "<button type=\"submit\">Go</button>\n"
    html += "<output class=\"goto-message\" for=\"goto-stage\" aria-live=\"polite\"></output>\n"
    html += "<datalist id=\"goto-stage-names\">\n"
    for entry in stages {
      html +=
        "<option value=\"\(entry.anchor)\">\(entry.label) "
        + "\(HTMLEscaping.text(entry.stage.title))</option>\n"
    }
    html += "</datalist>\n</form>\n</aside>\n"
    return html
  }
}
