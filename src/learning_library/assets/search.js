/*
 * learning-library search page: Pagefind full-text search with filters.
 *
 * The query, the filters and the sort order live in the page address
 * (?q=supervision&theme=Neglect&year=2022&year=2023&sort=date), so a search can
 * be shared as a link. Pagefind fetches only the index fragments a query needs.
 * No inline script: this file is loaded by the search page, so a strict
 * Content-Security-Policy can forbid inline scripts.
 *
 * Filters: several values of one group combine with OR, groups with AND. A
 * value's count is how many results there would be with it ticked as well, so
 * in a group that already has a tick the count comes from a search without
 * that group; values that would find nothing are hidden (unless ticked).
 *
 * Other libraries (the site's `extra: regional_search`): their Pagefind indexes
 * are merged into this one, each result is labelled with its library, and
 * "Library" is one more filter group. Without that setting no other host is
 * contacted.
 */
(function () {
  "use strict";

  var PAGE = 10;
  var WIDE = "(min-width: 45em)"; // the filters become a column beside the results
  var PROBE_MS = 6000; // how long another library may take to answer before it is left out
  var script = document.currentScript;
  var form = document.querySelector("[data-ll-search]");
  var panel = document.querySelector("[data-ll-filters]");
  if (!form || !script || !panel) return;
  var input = form.querySelector("input[name=q]");
  var sortBox = document.querySelector("[data-ll-sort]");
  var sortSelect = sortBox.querySelector("select");
  var facetsBox = panel.querySelector("[data-ll-facets]");
  var filterCount = panel.querySelector("[data-ll-filter-count]");
  var clearButton = panel.querySelector("[data-ll-clear]");
  var status = document.querySelector("[data-ll-status]");
  var notice = document.querySelector("[data-ll-notice]");
  var list = document.querySelector("[data-ll-results]");
  var settings = JSON.parse(facetsBox.getAttribute("data-ll-settings") || "{}");
  var FACETS = settings.facets || [];
  var libraries = settings.libraries || [];
  var pagefindUrl = new URL("../../pagefind/pagefind.js", script.src).href;
  var siteRoot = new URL("../../", script.src).pathname; // the site may live below the host's root
  var pagefind = null;
  var current = 0;
  var source = null; // where the results of the current search come from, a page at a time
  var shown = 0;
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
        facetsBox.querySelectorAll("input[name=" + facet.name + "]:checked"),
        function (box) { return box.value; }
      );
      if (values.length) filters[facet.name] = { any: values };
    });
    return filters;
  }

  function without(filters, name) {
    var out = {};
    Object.keys(filters).forEach(function (key) { if (key !== name) out[key] = filters[key]; });
    return out;
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

  // --- the filters ----------------------------------------------------------

  // The facet's values in the page's order, in its groups (types: reviews, then briefings),
  // then any the index holds that the page did not list (another library's words).
  function layout(facet, present) {
    if (facet.newest_first) {
      return [{ values: Object.keys(present).sort(function (a, b) { return b.localeCompare(a); }) }];
    }
    var groups = facet.groups || [{ values: facet.values || [] }];
    var listed = [].concat.apply([], groups.map(function (g) { return g.values; }));
    var extra = Object.keys(present).filter(function (v) { return listed.indexOf(v) === -1; });
    extra.sort(function (a, b) { return a.localeCompare(b); });
    return extra.length ? groups.concat([{ values: extra }]) : groups;
  }

  function checkbox(facet, value, wanted) {
    var label = document.createElement("label");
    label.className = "ll-facet-value";
    label.setAttribute("data-ll-value", facet.name + "\u0000" + value);
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = facet.name;
    box.value = value;
    box.checked = wanted.getAll(facet.name).indexOf(value) !== -1;
    var count = document.createElement("span");
    count.className = "ll-facet-count";
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + value + " "));
    label.appendChild(count);
    return label;
  }

  function fieldset(legendText, className) {
    var set = document.createElement("fieldset");
    if (className) set.className = className;
    var legend = document.createElement("legend");
    legend.textContent = legendText;
    set.appendChild(legend);
    return set;
  }

  function buildFacets(all, wanted) {
    facetsBox.textContent = "";
    FACETS.forEach(function (facet) {
      var present = all[facet.name] || {};
      if (!Object.keys(present).length && !wanted.getAll(facet.name).length) return;
      var set = fieldset(facet.label);
      set.setAttribute("data-ll-facet", facet.name);
      layout(facet, present).forEach(function (group) {
        var into = group.label ? fieldset(group.label, "ll-facet-group") : set;
        group.values.forEach(function (value) { into.appendChild(checkbox(facet, value, wanted)); });
        if (into !== set) set.appendChild(into);
      });
      facetsBox.appendChild(set);
    });
  }

  // Show each value with its count; hide those that would find nothing (a ticked one stays, so it can be unticked).
  function updateCounts(counts) {
    Array.prototype.forEach.call(facetsBox.querySelectorAll("[data-ll-value]"), function (label) {
      var key = label.getAttribute("data-ll-value").split("\u0000");
      var n = (counts[key[0]] || {})[key[1]] || 0;
      var box = label.querySelector("input");
      label.querySelector(".ll-facet-count").textContent = "(" + n + ")";
      label.hidden = n === 0 && !box.checked;
      box.disabled = n === 0 && !box.checked;
    });
    Array.prototype.forEach.call(facetsBox.querySelectorAll("fieldset"), function (set) {
      set.hidden = !set.querySelector("[data-ll-value]:not([hidden])");
    });
    var on = facetsBox.querySelectorAll("input:checked").length;
    filterCount.textContent = on ? " (" + on + " on)" : "";
    clearButton.hidden = !on;
  }

  // Counts for every group: from the search itself, except in a group with a tick,
  // whose counts come from the same search without that group (OR within it).
  function counts(term, filters, found) {
    var names = Object.keys(filters);
    return Promise.all(names.map(function (name) {
      var others = without(filters, name);
      var ask = !term && !Object.keys(others).length
        ? pagefind.filters()
        : pagefind.search(term || null, { filters: others }).then(function (r) { return (r && r.filters) || {}; });
      return ask.then(function (c) { return [name, c[name] || {}]; });
    })).then(function (pairs) {
      var all = {};
      Object.keys(found).forEach(function (name) { all[name] = found[name]; });
      pairs.forEach(function (pair) { all[pair[0]] = pair[1]; });
      return all;
    });
  }

  // --- the results ----------------------------------------------------------

  // One list of results, shown a page at a time.
  function listSource(results) {
    var next = 0;
    return {
      total: results.length,
      take: function (n) {
        var slice = results.slice(next, next + n);
        next += slice.length;
        return Promise.all(slice.map(function (r) { return r.data(); }));
      },
    };
  }

  // Several libraries' results sorted newest first: Pagefind sorts each library's
  // own, so the lists are merged by date, loading each one's next result as needed.
  function mergedSource(lists) {
    var heads = lists.map(function () { return 0; });
    var loaded = lists.map(function () { return null; });
    function head(i) {
      if (heads[i] >= lists[i].length) return Promise.resolve(null);
      if (!loaded[i]) loaded[i] = lists[i][heads[i]].data();
      return loaded[i];
    }
    function take(n, out) {
      if (!n) return Promise.resolve(out);
      return Promise.all(lists.map(function (_, i) { return head(i); })).then(function (items) {
        var best = -1;
        items.forEach(function (item, i) {
          if (item && (best === -1 || (item.meta.date || "") > (items[best].meta.date || ""))) best = i;
        });
        if (best === -1) return out;
        heads[best] += 1;
        loaded[best] = null;
        out.push(items[best]);
        return take(n - 1, out);
      });
    }
    return {
      total: lists.reduce(function (sum, l) { return sum + l.length; }, 0),
      take: function (n) { return take(n, []); },
    };
  }

  function addCounts(into, more) {
    Object.keys(more || {}).forEach(function (name) {
      into[name] = into[name] || {};
      Object.keys(more[name]).forEach(function (value) {
        into[name][value] = (into[name][value] || 0) + more[name][value];
      });
    });
    return into;
  }

  // Search, as Pagefind does, or, sorting by date across libraries, each library's newest first.
  function find(term, filters, byDate) {
    var options = { filters: filters };
    if (byDate) options.sort = { date: "desc" };
    if (!byDate || !libraries.length) {
      return pagefind.search(term || null, options).then(function (found) {
        return found && { source: listSource(found.results), counts: found.filters || {} };
      });
    }
    var labels = filters.library ? filters.library.any : [settings.own].concat(libraries.map(function (l) { return l.label; }));
    return Promise.all(labels.map(function (label) {
      var one = without(filters, "library");
      one.library = label;
      return pagefind.search(term || null, { filters: one, sort: { date: "desc" } });
    })).then(function (founds) {
      var total = {};
      founds.forEach(function (f) { if (f) addCounts(total, f.filters); });
      return { source: mergedSource(founds.map(function (f) { return f ? f.results : []; })), counts: total };
    });
  }

  function libraryOf(url) {
    for (var i = 0; i < libraries.length; i += 1) {
      if (url.indexOf(libraries[i].url) === 0) return libraries[i].label;
    }
    return settings.own || "";
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
      if (libraries.length) {
        var from = document.createElement("span");
        from.className = "ll-result-library";
        from.textContent = libraryOf(data.url);
        meta.appendChild(from);
        meta.appendChild(document.createTextNode(" · "));
      }
      meta.appendChild(document.createTextNode([type, data.meta.date ? formatDate(data.meta.date) : ""].filter(Boolean).join(" · ")));
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
    if (source && shown < source.total) {
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
    return source.take(PAGE).then(function (items) {
      if (run !== current) return;
      var more = shown > 0;
      shown += items.length;
      render(items, more);
    });
  }

  function announce(total, term, filters) {
    var on = Object.keys(filters).reduce(function (n, name) { return n + filters[name].any.length; }, 0);
    var what = term ? " for “" + term + "”" : "";
    var narrowed = on ? ", " + on + (on === 1 ? " filter" : " filters") + " on" : "";
    status.textContent = total + (total === 1 ? " result" : " results") + what + narrowed + ".";
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
      source = null;
      shown = 0;
      list.textContent = "";
      var existing = document.querySelector("[data-ll-more]");
      if (existing) existing.remove();
      status.textContent = "Type a word or choose a theme, type or year to see reviews and briefings.";
      return pagefind.filters().then(function (all) {
        updateCounts(all);
        if (run === current) form.setAttribute("data-ll-state", "done");
      });
    }
    busy = true;
    return find(term, filters, sortSelect.value === "date").then(function (found) {
      return found && counts(term, filters, found.counts).then(function (all) {
        found.all = all;
        return found;
      });
    }).then(function (found) {
      busy = false;
      if (again) {
        again = false;
        return search();
      }
      if (run !== current || !found) return;
      source = found.source;
      shown = 0;
      updateCounts(found.all);
      announce(source.total, term, filters);
      if (!source.total) {
        list.textContent = "";
        var more = document.querySelector("[data-ll-more]");
        if (more) more.remove();
      }
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

  // --- other libraries --------------------------------------------------------

  // The other parts of a library's index (a large library is indexed in parts:
  // see search.py), as its parts.json lists them; none if it has no such list.
  function parts(library) {
    return fetch(library.index + "parts.json", { mode: "cors" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (listed) {
        return Array.isArray(listed) ? listed.filter(function (part) { return /^part-[0-9]+\/$/.test(part); }) : [];
      }, function () { return []; });
  }

  // Merge another library's index, every part of it, if it answers: a library that is down must not stop the search.
  function merge(library) {
    var controller = window.AbortController ? new AbortController() : null;
    var timeout = window.setTimeout(function () { if (controller) controller.abort(); }, PROBE_MS);
    var options = { baseUrl: library.url, mergeFilter: { library: library.label } };
    return fetch(library.index + "pagefind-entry.json", { mode: "cors", signal: controller && controller.signal })
      .then(function (response) {
        window.clearTimeout(timeout);
        if (!response.ok) throw new Error(library.label + " answered " + response.status);
        return parts(library);
      })
      .then(function (others) {
        var indexes = [library.index].concat(others.map(function (part) { return library.index + part; }));
        return Promise.all(indexes.map(function (index) { return pagefind.mergeIndex(index, options); }));
      })
      .then(function () { return null; }, function () { window.clearTimeout(timeout); return library.label; });
  }

  function mergeAll() {
    return Promise.all(libraries.map(merge)).then(function (missing) {
      missing = missing.filter(Boolean);
      if (missing.length) {
        notice.textContent = "Results from " + missing.join(" and ") + " could not be included just now; the results below are from the other libraries.";
        notice.hidden = false;
      }
    });
  }

  // --- the page ---------------------------------------------------------------

  var wide = window.matchMedia ? window.matchMedia(WIDE) : null;
  function fitScreen() {
    panel.open = !!(wide && wide.matches);
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
  clearButton.addEventListener("click", function () {
    Array.prototype.forEach.call(facetsBox.querySelectorAll("input:checked"), function (box) { box.checked = false; });
    search();
    input.focus();
  });
  if (wide && wide.addEventListener) wide.addEventListener("change", fitScreen);

  status.textContent = "Loading search…";
  import(pagefindUrl).then(function (module) {
    pagefind = module;
    var options = { excerptLength: 24, baseUrl: siteRoot };
    if (libraries.length) options.mergeFilter = { library: settings.own };
    return pagefind.options(options).then(function () {
      return libraries.length ? mergeAll() : null;
    }).then(function () {
      return pagefind.filters();
    });
  }).then(function (all) {
    var wanted = params();
    input.value = wanted.get("q") || "";
    sortSelect.value = wanted.get("sort") === "date" ? "date" : "";
    buildFacets(all, wanted);
    updateCounts(all);
    fitScreen();
    panel.hidden = false;
    sortBox.hidden = false;
    form.setAttribute("data-ll-ready", "");
    return search();
  }).catch(function () {
    status.textContent = "Search could not load. Browse the reviews, briefings or themes instead.";
  });
})();
