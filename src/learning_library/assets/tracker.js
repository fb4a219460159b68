/* learning-library: filters for the recommendations tracker.
 *
 * The page lists every recommendation without this script; the script shows
 * the filter form and hides the rows that do not match. The filters live in
 * the address (?status=open&theme=neglect), so a filtered view can be shared
 * and theme pages can link straight to their recommendations.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-ll-tracker-form]");
  var table = document.querySelector("[data-ll-tracker]");
  var status = document.querySelector("[data-ll-tracker-status]");
  if (!form || !table || !status) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = ["status", "owner", "theme", "year"];

  function wanted() {
    var filters = {};
    selects.forEach(function (name) { filters[name] = form.elements[name].value; });
    filters.overdue = form.elements.overdue.checked;
    return filters;
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

  function apply(updateAddress) {
    var f = wanted();
    var shown = 0;
    rows.forEach(function (row) {
      var show = matches(row, f);
      row.hidden = !show;
      if (show) shown += 1;
    });
    var noun = rows.length === 1 ? "recommendation" : "recommendations";
    status.textContent = shown === rows.length
      ? "Showing all " + rows.length + " " + noun + "."
      : "Showing " + shown + " of " + rows.length + " " + noun + ".";
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
