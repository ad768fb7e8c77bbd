// Keyboard shortcuts for reviewers. No inline script anywhere: this file is the only script (CSP).
(function () {
  "use strict";
  function typing(e) {
    const t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  document.addEventListener("DOMContentLoaded", function () {
    // revealing a blurred picture is recorded in the case's audit log
    const token = document.querySelector('meta[name="csrf-token"]');
    document.querySelectorAll("input[data-audit-reveal]").forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked || !token) return;
        const body = new URLSearchParams({attachment: box.dataset.auditReveal});
        fetch(box.dataset.revealUrl, {method: "POST", body: body, credentials: "same-origin",
                                      headers: {"X-CSRF-Token": token.content}});
      });
    });
    const rows = Array.from(document.querySelectorAll("#queue tr[data-href]"));
    let at = rows.length ? 0 : -1;
    function select(i) {
      if (!rows.length) return;
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r, k) { r.classList.toggle("selected", k === at); });
      rows[at].scrollIntoView({block: "nearest"});
    }
    if (rows.length) select(0);
    rows.forEach(function (r) {
      r.addEventListener("click", function (e) {
        if (e.target.closest("input, label, a, button")) return;  // ticking a box selects, it does not open
        window.location = r.dataset.href;
      });
    });
    const all = document.getElementById("tick-all");
    if (all) all.addEventListener("change", function () {
      document.querySelectorAll("input.tick").forEach(function (b) { b.checked = all.checked; });
    });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e)) return;
      const key = e.key;
      if (rows.length) {
        if (key === "j") { select(at + 1); e.preventDefault(); }
        else if (key === "k") { select(at - 1); e.preventDefault(); }
        else if (key === "Enter" && at >= 0) { window.location = rows[at].dataset.href; e.preventDefault(); }
        return;
      }
      const ids = {c: "confirm", d: "dismiss", e: "escalate"};
      if (ids[key] && document.getElementById(ids[key])) { document.getElementById(ids[key]).click(); e.preventDefault(); }
      else if (key === "n" && document.getElementById("next")) { document.getElementById("next").click(); }
      else if (key === "p" && document.getElementById("prev")) { document.getElementById("prev").click(); }
      else if (key === "/" && document.getElementById("note")) { document.getElementById("note").focus(); e.preventDefault(); }
    });
  });
})();
