(function () {
  "use strict";
  // Clicking a finding (or one of its figure links) marks every figure it names and scrolls to
  // the first.  Works from the keyboard too: links are focusable and Enter clicks them.
  function clear() {
    document.querySelectorAll(".fc-target").forEach(function (el) { el.classList.remove("fc-target"); });
    document.querySelectorAll(".fc-active").forEach(function (el) { el.classList.remove("fc-active"); });
  }
  function mark(ids, finding, focusId) {
    clear();
    var first = null, focus = null;
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { return; }
      el.classList.add("fc-target");
      if (!first) { first = el; }
      if (id === focusId) { focus = el; }
    });
    if (finding) { finding.classList.add("fc-active"); }
    var go = focus || first;
    if (go) {
      go.scrollIntoView({ block: "center", inline: "nearest" });
      go.focus({ preventScroll: true });
    }
    return go;
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[data-figs]") : null;
    if (!link) { return; }
    ev.preventDefault();
    var ids = link.getAttribute("data-figs").split(" ").filter(Boolean);
    var href = link.getAttribute("href") || "";
    var focusId = href.charAt(0) === "#" ? href.slice(1) : "";
    mark(ids, link.closest(".fc-finding"), focusId);
    if (history.replaceState) { history.replaceState(null, "", href); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      clear();
      if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
    }
  });
  // Show or hide findings by severity and code.
  function applyFilter() {
    var off = {};
    document.querySelectorAll(".fc-filter input[data-filter]").forEach(function (box) {
      if (!box.checked) { off[box.getAttribute("data-filter") + ":" + box.value] = true; }
    });
    var shown = 0, all = 0;
    document.querySelectorAll("li.fc-finding").forEach(function (item) {
      var hide = off["severity:" + item.getAttribute("data-severity")] || off["code:" + item.getAttribute("data-code")];
      item.hidden = !!hide;
      all += 1;
      if (!hide) { shown += 1; }
    });
    document.querySelectorAll(".fc-filter [data-shown]").forEach(function (el) {
      el.textContent = shown === all ? "" : shown + " of " + all + " shown";
    });
  }
  document.querySelectorAll(".fc-filter").forEach(function (bar) {
    bar.hidden = false;
    bar.addEventListener("change", applyFilter);
  });
  document.documentElement.classList.add("fc-js");
})();
