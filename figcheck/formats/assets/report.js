(function () {
  "use strict";
  // A finding in the list links to its place: its figures are marked, its comments beside the
  // text light up, and the first figure is scrolled to and focused.  A comment's number (and its
  // "Back to the list" link) goes back to the finding in the list; a figure's small number goes to
  // its comment.  All of it works from the keyboard too: links are focusable, Enter clicks them.
  function clear() {
    document.querySelectorAll(".fc-target").forEach(function (el) { el.classList.remove("fc-target"); });
    document.querySelectorAll(".fc-active").forEach(function (el) { el.classList.remove("fc-active"); });
  }
  function ids(el, name) {
    return (el && el.getAttribute(name) || "").split(" ").filter(Boolean);
  }
  function go(el) {
    if (!el) { return; }
    el.scrollIntoView({ block: "center", inline: "nearest" });
    if (!el.hasAttribute("tabindex") && !/^(A|INPUT|MARK)$/.test(el.tagName)) {
      el.setAttribute("tabindex", "-1");
    }
    el.focus({ preventScroll: true });
  }
  function mark(figs, notes, finding, focusId) {
    clear();
    var first = null, focus = null;
    figs.forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { return; }
      el.classList.add("fc-target");
      if (!first) { first = el; }
      if (id === focusId) { focus = el; }
    });
    notes.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.classList.add("fc-active"); }
    });
    if (finding) { finding.classList.add("fc-active"); }
    go(focus || first);
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (!link) { return; }
    var href = link.getAttribute("href") || "";
    var target = document.getElementById(href.slice(1));
    if (!target) { return; }
    if (link.hasAttribute("data-figs")) {
      // from the findings list (or a comment): the finding's figures and comments
      mark(ids(link, "data-figs"), ids(link, "data-notes"), link.closest(".fc-finding"), href.slice(1));
    } else if (target.classList.contains("fc-note")) {
      // a figure's number: its comment, and the finding's figures in this document
      mark(ids(target, "data-figs"), [target.id], null, "");
      go(target);
    } else if (target.classList.contains("fc-finding")) {
      // back to the list
      clear();
      target.classList.add("fc-active");
      go(target.querySelector("a.fc-finding-link") || target);
    } else {
      return;
    }
    ev.preventDefault();
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
