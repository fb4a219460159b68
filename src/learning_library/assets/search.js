/*
 * learning-library search page: Pagefind full-text search with facets.
 *
 * The query, the facets and the sort order live in the page address
 * (?q=supervision&theme=Neglect&year=2022&year=2023&sort=date), so a search can
 * be shared as a link. Pagefind fetches only the index fragments a query needs.
 * No inline script: this file is loaded by the search page, so a strict
 * Content-Security-Policy can forbid inline scripts.
 */
(function () {
  "use strict";

  var FACETS = [
    ["theme", "Theme"],
    ["type", "Type"],
    ["year", "Year"],
    ["age", "Age of the child"],
    ["agency", "Agency"],
  ];
  var PAGE = 10;
  var script = document.currentScript;
  var form = document.querySelector("[data-ll-search]");
  if (!form || !script) return;
  var input = form.querySelector("input[name=q]");
  var sortSelect = form.querySelector("select[name=sort]");
  var facetsBox = form.querySelector("[data-ll-facets]");
  var status = document.querySelector("[data-ll-status]");
  var list = document.querySelector("[data-ll-results]");
  var pagefindUrl = new URL("../../pagefind/pagefind.js", script.src).href;
  var siteRoot = new URL("../../", script.src).pathname; // the site may live below the host's root
  var pagefind = null;
  var current = 0;
  var shown = [];
  var results = [];
  var timer = null;
  var busy = false; // a Pagefind search is running
  var again = false; // the reader changed the search while it ran

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function chosen() {
    var filters = {};
    FACETS.forEach(function (facet) {
      var values = Array.prototype.map.call(
        facetsBox.querySelectorAll("input[name=" + facet[0] + "]:checked"),
        function (box) { return box.value; }
      );
      if (values.length) filters[facet[0]] = { any: values };
    });
    return filters;
  }

  function writeAddress() {
    var out = new URLSearchParams();
    if (input.value.trim()) out.set("q", input.value.trim());
    if (sortSelect.value) out.set("sort", sortSelect.value);
    var filters = chosen();
    Object.keys(filters).forEach(function (name) {
      filters[name].any.forEach(function (value) { out.append(name, value); });
    });
    var query = out.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  function buildFacets(all, wanted) {
    facetsBox.textContent = "";
    FACETS.forEach(function (facet) {
      var values = all[facet[0]] || {};
      var names = Object.keys(values).sort(function (a, b) {
        return facet[0] === "year" ? b.localeCompare(a) : a.localeCompare(b);
      });
      if (!names.length) return;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = facet[1];
      fieldset.appendChild(legend);
      names.forEach(function (value) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = facet[0];
        box.value = value;
        box.checked = wanted.getAll(facet[0]).indexOf(value) !== -1;
        var count = document.createElement("span");
        count.className = "ll-facet-count";
        count.setAttribute("data-ll-count", facet[0] + "\u0000" + value);
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " "));
        label.appendChild(count);
        fieldset.appendChild(label);
      });
      facetsBox.appendChild(fieldset);
    });
  }

  function updateCounts(counts) {
    Array.prototype.forEach.call(facetsBox.querySelectorAll("[data-ll-count]"), function (span) {
      var key = span.getAttribute("data-ll-count").split("\u0000");
      var n = (counts[key[0]] || {})[key[1]] || 0;
      span.textContent = "(" + n + ")";
    });
  }

  function render(items, more) {
    if (!more) list.textContent = "";
    items.forEach(function (data) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      var title = document.createElement("p");
      title.className = "ll-result-title";
      title.appendChild(link);
      item.appendChild(title);
      var meta = document.createElement("p");
      meta.className = "ll-result-meta";
      var type = (data.filters && data.filters.type) ? data.filters.type.join(", ") : "";
      meta.textContent = [type, data.meta.date ? formatDate(data.meta.date) : ""].filter(Boolean).join(" · ");
      item.appendChild(meta);
      if (data.meta.summary) {
        var summary = document.createElement("p");
        summary.textContent = data.meta.summary;
        item.appendChild(summary);
      }
      if (input.value.trim() && data.excerpt) {
        var excerpt = document.createElement("p");
        excerpt.className = "ll-result-excerpt";
        excerpt.innerHTML = "…" + data.excerpt + "…"; // Pagefind escapes the text and adds only <mark>
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    });
    var existing = document.querySelector("[data-ll-more]");
    if (existing) existing.remove();
    if (shown.length < results.length) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.setAttribute("data-ll-more", "");
      button.textContent = "Show more results";
      button.addEventListener("click", function () { showMore(current); });
      list.insertAdjacentElement("afterend", button);
    }
  }

  function formatDate(iso) {
    var parts = iso.split("-");
    var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    return Number(parts[2]) + " " + months[Number(parts[1]) - 1] + " " + parts[0];
  }

  function showMore(run) {
    var next = results.slice(shown.length, shown.length + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (run !== current) return;
      var more = shown.length > 0;
      shown = shown.concat(items);
      render(items, more);
    });
  }

  // One Pagefind search at a time: a fast typist would otherwise queue a
  // search per keystroke, and the last one (the one the reader wants) would
  // wait behind them all. Changes made while a search runs are folded into
  // one more search when it returns.
  function search() {
    if (busy) {
      again = true;
      return Promise.resolve();
    }
    writeAddress();
    var run = ++current;
    form.setAttribute("data-ll-state", "searching");
    var term = input.value.trim();
    var filters = chosen();
    if (!term && !Object.keys(filters).length) {
      results = [];
      shown = [];
      list.textContent = "";
      status.textContent = "Type a word or choose a theme, type or year to see reviews and briefings.";
      return pagefind.filters().then(function (all) {
        updateCounts(all);
        if (run === current) form.setAttribute("data-ll-state", "done");
      });
    }
    var options = { filters: filters };
    if (sortSelect.value === "date") options.sort = { date: "desc" };
    busy = true;
    return pagefind.search(term || null, options).then(function (found) {
      busy = false;
      if (again) {
        again = false;
        return search();
      }
      if (run !== current || !found) return;
      results = found.results;
      shown = [];
      updateCounts(found.filters || {});
      var what = term ? " for “" + term + "”" : "";
      status.textContent = results.length + (results.length === 1 ? " result" : " results") + what + ".";
      if (!results.length) list.textContent = "";
      return showMore(run).then(function () {
        if (run === current) form.setAttribute("data-ll-state", "done");
      });
    }, function (error) {
      busy = false;
      again = false;
      throw error;
    });
  }

  // Pagefind matches the last word as a prefix, and a prefix of one or two
  // letters matches a large part of the index: slow, and rarely what the
  // reader means while still typing. Such a search waits for a pause.
  function shortPrefix() {
    var words = input.value.trim().split(/\s+/);
    return words[words.length - 1].length < 3;
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, shortPrefix() ? 300 : 60);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    // Fetch the index chunks for the words so far while the debounce waits.
    if (pagefind && !shortPrefix()) pagefind.preload(input.value.trim());
    schedule();
  });
  sortSelect.addEventListener("change", search);
  facetsBox.addEventListener("change", search);

  status.textContent = "Loading search…";
  import(pagefindUrl).then(function (module) {
    pagefind = module;
    return pagefind.options({ excerptLength: 24, baseUrl: siteRoot }).then(function () {
      return pagefind.filters();
    });
  }).then(function (all) {
    var wanted = params();
    input.value = wanted.get("q") || "";
    sortSelect.value = wanted.get("sort") === "date" ? "date" : "";
    buildFacets(all, wanted);
    updateCounts(all);
    form.setAttribute("data-ll-ready", "");
    return search();
  }).catch(function () {
    status.textContent = "Search could not load. Browse the reviews, briefings or themes instead.";
  });
})();
