/*
 * The editor's own script, loaded after Decap CMS (src/learning_library/editor/admin.py writes the page).
 *
 * 1. What blocks publication, in the preview pane. Under `learning-library edit` the preview
 *    server says what the last check found (/api/preview); the preview of an entry lists the
 *    findings in its file, as the site's preview does on every page. Where there is no such
 *    server (the published editor, on GitHub) the pane shows the entry alone: there the
 *    pull request's check reports them.
 * 2. Names for the controls Decap CMS 3.16 leaves unnamed (screen readers would say only
 *    "button"), so the editor has no serious or critical axe-core violation.
 */
(function () {
  "use strict";

  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  var Preview = createClass({
    getInitialState: function () {
      return { state: null };
    },
    componentDidMount: function () {
      this.load();
      this.timer = setInterval(this.load, 2000);
    },
    componentWillUnmount: function () {
      clearInterval(this.timer);
    },
    load: function () {
      var self = this;
      fetch("/api/preview", { cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) { self.setState({ state: state }); })
        .catch(function () { self.setState({ state: null }); });
    },
    findings: function () {
      var path = this.props.entry.get("path");
      var state = this.state.state;
      if (!state || !path) {
        return null;
      }
      return state.findings.filter(function (f) { return f.path === path || f.path.slice(-path.length - 1) === "/" + path; });
    },
    render: function () {
      var entry = this.props.entry;
      var findings = this.findings();
      var check = null;
      if (findings && findings.length) {
        check = h("section", { className: "ll-check ll-blocked", "aria-label": "What blocks publication" },
          h("h2", {}, findings.length === 1 ? "1 problem blocks publication" : findings.length + " problems block publication"),
          h("p", {}, "In the file as last saved. Fix each one, then save again."),
          h("ol", {}, findings.map(function (f, i) {
            var parts = f.message.split(";");
            return h("li", { key: i },
              h("strong", {}, "Line " + f.line + ": "),
              f.text ? h("mark", {}, f.text) : null,
              " " + parts[0] + ".",
              parts.length > 1 ? h("span", {}, " What to do: " + parts.slice(1).join(";").trim() + ".") : null);
          })));
      } else if (findings) {
        check = h("section", { className: "ll-check ll-clear", "aria-label": "The check" },
          h("p", {}, "The check found nothing that blocks publication in the file as last saved."));
      }
      return h("article", { className: "ll-preview" },
        check,
        h("h1", {}, text(entry.getIn(["data", "title"]))),
        h("p", { className: "ll-summary" }, text(entry.getIn(["data", "summary"]))),
        this.props.widgetFor("body"));
    },
  });

  if (CMS && h && createClass) {
    // The collections' names, which the page lists for this script (the configuration is generated).
    var listed = document.querySelector('meta[name="learning-library-collections"]');
    (listed ? listed.content.split(" ") : []).forEach(function (collection) {
      CMS.registerPreviewTemplate(collection, Preview);
    });
    CMS.registerPreviewStyle("editor.css");
  }

  function name(element, label) {
    if (!element.getAttribute("aria-label") && !element.textContent.trim()) {
      element.setAttribute("aria-label", label);
    }
  }

  var labelled = 0;

  function nameControls() {
    document.querySelectorAll("iframe#preview-pane:not([title])").forEach(function (frame) {
      frame.setAttribute("title", "Preview of this document");
    });
    document.querySelectorAll('[aria-roledescription="sortable"]:not([aria-label])').forEach(function (handle) {
      handle.setAttribute("aria-label", "Drag to move this item");
    });
    document.querySelectorAll('[class*="ListItemTopBar"]').forEach(function (bar) {
      var buttons = bar.querySelectorAll(":scope > button");
      if (buttons.length) {
        name(buttons[0], "Show or hide this item");
      }
      if (buttons.length > 1) {
        name(buttons[buttons.length - 1], "Remove this item");
      }
    });
    document.querySelectorAll('[role="textbox"][contenteditable="true"]:not([aria-label]):not([aria-labelledby])').forEach(function (box) {
      var field = box.parentElement;
      while (field && !field.querySelector("label[for]")) {
        field = field.parentElement;
      }
      var label = field && field.querySelector("label[for]");
      if (label) {
        label.id = label.id || "ll-label-" + (labelled += 1);
        box.setAttribute("aria-labelledby", label.id);
      }
    });
  }

  new MutationObserver(nameControls).observe(document.documentElement, { childList: true, subtree: true });
})();
