(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var counter = document.getElementById("findings-shown");
  var clear = document.getElementById("findings-clear");
  var params = new URLSearchParams(window.location.search);
  var post = params.get("post");

  function apply() {
    var wanted = {};
    selects.forEach(function (select) {
      if (select.value) { wanted[select.getAttribute("data-filter")] = select.value; }
    });
    if (post) { wanted.post = post; }
    var shown = 0;
    rows.forEach(function (row) {
      var keep = Object.keys(wanted).every(function (key) {
        return row.getAttribute("data-" + key) === wanted[key];
      });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    counter.textContent = counter.getAttribute("data-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    clear.hidden = Object.keys(wanted).length === 0;
  }

  selects.forEach(function (select) {
    var value = params.get(select.getAttribute("data-filter"));
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === value;
    });
    if (value !== null && known) { select.value = value; }
    select.addEventListener("change", apply);
  });
  clear.addEventListener("click", function (event) {
    event.preventDefault();
    post = null;
    selects.forEach(function (select) { select.value = ""; });
    apply();
  });
  document.documentElement.setAttribute("data-filter-ready", "1");
  apply();
}());
