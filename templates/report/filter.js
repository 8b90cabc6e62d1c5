(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var postColumn = Number(table.getAttribute("data-post-column"));
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var counter = document.getElementById("findings-shown");
  var clear = document.getElementById("findings-clear");
  var params = new URLSearchParams(window.location.search);
  var post = params.get("post");

  // A test is [column, value]: a cell's text, or data-severity when the column is absent.
  function value(row, column) {
    return column === null ? row.getAttribute("data-severity") : row.cells[column].textContent;
  }

  function apply() {
    var tests = [];
    selects.forEach(function (select) {
      var column = select.getAttribute("data-column");
      if (select.value) { tests.push([column === null ? null : Number(column), select.value]); }
    });
    if (post) { tests.push([postColumn, post]); }
    var shown = 0;
    rows.forEach(function (row) {
      var keep = tests.every(function (test) { return value(row, test[0]) === test[1]; });
      if (row.hidden === keep) { row.hidden = !keep; }
      if (keep) { shown += 1; }
    });
    counter.textContent = counter.getAttribute("data-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    clear.hidden = tests.length === 0;
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
