// "Print or save as PDF": the app hands over its summary (app/flow/printable_summary.h),
// made on the device; this lays it out as real text (selectable, read by screen readers,
// black on white) in a part of the page that only printing shows, and opens the browser's
// print dialog. The summary leaves the page again when printing is done, and whenever the
// page is put away, so it never lingers in the document or the back/forward cache.
(function () {
  "use strict";

  var ID = "print-summary";

  function remove() {
    var old = document.getElementById(ID);
    if (old) old.parentNode.removeChild(old);
  }

  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;  // text only: the summary holds trial texts
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }

  function lines(parent, list) {
    var bullets = null;
    list.forEach(function (line) {
      if (line.kind === "bullet") {
        if (!bullets) bullets = add(parent, "ul");
        add(bullets, "li", line.text);
        return;
      }
      bullets = null;
      if (line.kind === "title") add(parent, "p", line.text, "verdict");
      else if (line.kind === "heading") add(parent, "h3", line.text);
      else if (line.kind === "strong") add(add(parent, "p"), "strong", line.text);
      else add(parent, "p", line.text, line.kind === "note" ? "note" : "");
    });
  }

  function build(summary) {
    var root = document.createElement("article");
    root.id = ID;
    root.lang = summary.lang;
    add(root, "h1", summary.title);
    var date = new Date().toLocaleDateString(summary.lang, { year: "numeric", month: "long", day: "numeric" });
    add(root, "p", summary.made.replace("{date}", date), "made");
    add(root, "p", summary.intro);
    if (summary.crisis.length) {
      var crisis = add(root, "section", undefined, "crisis");
      add(crisis, "h2", summary.crisis[0]);
      summary.crisis.slice(1).forEach(function (text) { add(crisis, "p", text); });
    }
    if (summary.crisis_line) add(root, "p", summary.crisis_line);
    summary.studies.forEach(function (study) {
      var section = add(root, "section", undefined, "study");
      add(section, "h2", study.title);
      lines(section, study.lines);
      add(section, "p", study.file, "file");
    });
    if (summary.answers.length) {
      var answers = add(root, "section", undefined, "answers");
      add(answers, "h2", summary.answers_heading);
      var list = add(answers, "dl");
      summary.answers.forEach(function (a) {
        add(list, "dt", a.question);
        add(list, "dd", a.answer);
      });
    }
    summary.footer.forEach(function (text) { add(root, "p", text, "note"); });
    return root;
  }

  /**
   * @param {string} json the printable summary (app/flow/printable_summary.h): {lang, title,
   *   made, intro, crisis: string[], crisis_line, studies: Object[], answers_heading,
   *   answers: Object[], footer: string[]}, every text already in the person's language
   */
  window.trialmatch.printSummary = function (json) {
    remove();
    document.body.appendChild(build(JSON.parse(json)));
    window.print();
  };
  window.addEventListener("afterprint", remove);
  window.addEventListener("pagehide", remove);
})();
