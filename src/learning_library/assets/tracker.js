/* learning-library: filters for the recommendations tracker.
 *
 * The page lists its recommendations without this script; the script shows
 * the filter form. The filters live in the address (?status=open&theme=neglect),
 * so a filtered view can be shared and theme pages can link straight to their
 * recommendations.
 *
 * A tracker on one page filters by hiding the rows that do not match. A large
 * tracker is cut into pages, listed in [data-ll-tracker-pages] with the years
 * of their reviews; on any of them the filters search all: the script fetches
 * the pages that can hold a match (the list says which years, statuses and
 * overdue flags each page holds), and shows the matching rows of all of them
 * in place of the page's own.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-ll-tracker-form]");
  var table = document.querySelector("[data-ll-tracker]");
  var status = document.querySelector("[data-ll-tracker-status]");
  if (!form || !table || !status) return;
  var body = table.tBodies[0];
  var own = Array.prototype.slice.call(body.rows);
  var pages = Array.prototype.slice.call(document.querySelectorAll("[data-ll-tracker-pages] a[href]"));
  var pagers = Array.prototype.slice.call(document.querySelectorAll("[data-ll-tracker-pager]"));
  var total = Number(table.getAttribute("data-ll-tracker-total")) || own.length;
  var unfiltered = status.textContent;
  var selects = ["status", "owner", "theme", "year"];
  var fetched = {};
  var latest = 0;

  function wanted() {
    var filters = {};
    selects.forEach(function (name) { filters[name] = form.elements[name].value; });
    filters.overdue = form.elements.overdue.checked;
    return filters;
  }

  function filtering(f) {
    return f.overdue || selects.some(function (name) { return f[name]; });
  }

  function matches(row, f) {
    var d = row.dataset;
    if (f.status && d.status !== f.status) return false;
    if (f.owner && d.owner !== f.owner) return false;
    if (f.theme && d.themes.split(" ").indexOf(f.theme) < 0) return false;
    if (f.year && d.year !== f.year) return false;
    if (f.overdue && d.overdue !== "1") return false;
    return true;
  }

  function showing(shown) {
    var noun = total === 1 ? "recommendation" : "recommendations";
    return shown === total ? "Showing all " + total + " " + noun + "." : "Showing " + shown + " of " + total + " " + noun + ".";
  }

  function show(rows) {
    while (body.firstChild) body.removeChild(body.firstChild);
    rows.forEach(function (row) { row.hidden = false; body.appendChild(row); });
  }

  function filterHere(f) {
    var shown = 0;
    own.forEach(function (row) {
      var show = matches(row, f);
      row.hidden = !show;
      if (show) shown += 1;
    });
    return shown;
  }

  // The rows of one page of the tracker, fetched once; their links made absolute, since they move to this page.
  function rowsOf(link) {
    var url = link.href;
    if (!fetched[url]) {
      fetched[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          return Array.prototype.map.call(page.querySelectorAll("[data-ll-tracker] tbody tr"), function (row) {
            Array.prototype.forEach.call(row.querySelectorAll("a[href]"), function (a) {
              a.setAttribute("href", new URL(a.getAttribute("href"), url).href);
            });
            return document.importNode(row, true);
          });
        });
      fetched[url].catch(function () { delete fetched[url]; });
    }
    return fetched[url];
  }

  function filterAll(f) {
    var request = ++latest;
    var needed = pages.filter(function (link) {
      if (f.year && link.getAttribute("data-years").split(" ").indexOf(f.year) < 0) return false;
      if (f.status && link.getAttribute("data-statuses").split(" ").indexOf(f.status) < 0) return false;
      return !f.overdue || link.getAttribute("data-overdue") === "1";
    });
    pagers.forEach(function (pager) { pager.hidden = true; });
    status.textContent = "Finding the recommendations…";
    table.setAttribute("aria-busy", "true");
    Promise.all(needed.map(rowsOf)).then(
      function (lists) {
        if (request !== latest) return;
        var found = [];
        lists.forEach(function (rows) { rows.forEach(function (row) { if (matches(row, f)) found.push(row); }); });
        show(found);
        table.removeAttribute("aria-busy");
        status.textContent = showing(found.length);
      },
      function () {
        if (request !== latest) return;
        show(own);
        table.removeAttribute("aria-busy");
        status.textContent = "The other pages of the tracker could not be loaded, so only this page's " + filterHere(f) +
          " matching recommendations are shown. Check your connection and try again.";
      }
    );
  }

  function apply(updateAddress) {
    var f = wanted();
    if (!pages.length) {
      status.textContent = showing(filterHere(f));
    } else if (filtering(f)) {
      filterAll(f);
    } else {
      latest += 1;
      show(own);
      table.removeAttribute("aria-busy");
      pagers.forEach(function (pager) { pager.hidden = false; });
      status.textContent = unfiltered;
    }
    if (updateAddress) {
      var params = new URLSearchParams();
      selects.forEach(function (name) { if (f[name]) params.set(name, f[name]); });
      if (f.overdue) params.set("overdue", "1");
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }
  }

  // Start from the filters in the address, ignoring values the page does not offer.
  var params = new URLSearchParams(location.search);
  selects.forEach(function (name) {
    var value = params.get(name);
    var select = form.elements[name];
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  });
  form.elements.overdue.checked = params.get("overdue") === "1";

  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  apply(false);
})();
