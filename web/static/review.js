// sarpack review: decisions without page reloads, keyboard shortcuts, manual redactions.
// Plain JS, no build step. Every POST carries the session's CSRF token.
(function () {
  "use strict";
  const root = document.getElementById("case");
  // colour swatches and boxes (inline style attributes are blocked by the CSP; the CSSOM is not)
  document.querySelectorAll(".swatch[data-colour]").forEach((el) => { el.style.background = el.dataset.colour; });
  if (!root) return;
  const caseId = root.dataset.case;
  const csrf = root.dataset.csrf;
  const editable = root.dataset.editable === "1";

  document.querySelectorAll(".box").forEach((el) => {
    const [x, y, w, h] = el.dataset.box.split(",").map(Number);
    el.style.left = (x * 100) + "%";
    el.style.top = (y * 100) + "%";
    el.style.width = (w * 100) + "%";
    el.style.height = (h * 100) + "%";
    el.style.borderColor = el.dataset.colour;
    el.addEventListener("click", () => select(rows.findIndex((r) => r.dataset.sid === el.dataset.sid), true));
  });

  // ---------------------------------------------------------------- suggestions
  const rows = Array.from(document.querySelectorAll(".sugg"));
  let current = -1;

  function select(i, scrollList) {
    if (i < 0 || i >= rows.length) return;
    rows.forEach((r) => r.classList.remove("current"));
    document.querySelectorAll(".box.current").forEach((b) => b.classList.remove("current"));
    current = i;
    const row = rows[i];
    row.classList.add("current");
    const boxes = document.querySelectorAll('.box[data-sid="' + row.dataset.sid + '"]');
    boxes.forEach((b) => b.classList.add("current"));
    if (boxes.length) boxes[0].scrollIntoView({ block: "center", behavior: "instant" });
    if (scrollList !== false) row.scrollIntoView({ block: "nearest", behavior: "instant" });
  }

  // "show only the flagged ones": the other rows are hidden, and the keys move over the shown ones only
  const flaggedOnly = document.getElementById("flagged-only");
  const shown = (r) => !(flaggedOnly && flaggedOnly.checked) || r.classList.contains("flagged");
  if (flaggedOnly) {
    flaggedOnly.addEventListener("change", () => {
      document.body.classList.toggle("flagged-only", flaggedOnly.checked);
      if (current >= 0 && !shown(rows[current])) {
        const j = rows.findIndex(shown);
        if (j >= 0) select(j);
      }
    });
  }

  // the next shown row after (dir 1) or before (dir -1) row i; i itself when there is none
  function step(i, dir) {
    for (let j = i + dir; j >= 0 && j < rows.length; j += dir) if (shown(rows[j])) return j;
    return i < 0 ? rows.findIndex(shown) : i;
  }

  function nextPending(from) {
    for (let k = 1; k <= rows.length; k++) {
      const j = (from + k) % rows.length;
      if (rows[j].classList.contains("state-pending") && shown(rows[j])) return j;
    }
    return Math.min(from + 1, rows.length - 1);
  }

  function setState(sid, state, reason, colour) {
    const row = document.getElementById(sid);
    if (row) {
      row.classList.remove("state-pending", "state-accepted", "state-rejected");
      row.classList.add("state-" + state);
      row.querySelector(".decision").textContent = state;
      const sel = row.querySelector("select.reason");
      if (sel && reason) sel.value = reason;
    }
    document.querySelectorAll('.box[data-sid="' + sid + '"]').forEach((b) => {
      b.classList.remove("state-pending", "state-accepted", "state-rejected");
      b.classList.add("state-" + state);
    });
  }

  function setPending(n) {
    const el = document.getElementById("pending-count");
    if (el) el.textContent = n;
    const ap = document.getElementById("approve");
    if (ap) ap.disabled = n > 0;
  }

  async function post(url, data) {
    const resp = await fetch(url, {
      method: "POST",
      headers: { "X-CSRF-Token": csrf, "X-Requested-With": "fetch", "Accept": "application/json" },
      body: data,
      credentials: "same-origin",
    });
    if (resp.status === 401) { window.location = "/login"; throw new Error("signed out"); }
    const body = await resp.json();
    if (!resp.ok) { alert(body.detail || ("error " + resp.status)); throw new Error(body.detail); }
    return body;
  }

  async function decide(row, action) {
    const form = row.querySelector("form");
    const data = new FormData(form);
    data.set("action", action);
    const body = await post(form.getAttribute("action"), new URLSearchParams(data));
    body.changed.forEach((c) => setState(c.id, c.state, c.reason));
    setPending(body.pending);
    const box = form.querySelector(".every input");
    if (box) box.checked = false;
    return body;
  }

  rows.forEach((row, i) => {
    const form = row.querySelector("form");
    row.addEventListener("click", (e) => { if (current !== i) select(i, false); });
    if (!form) return;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const action = (e.submitter && e.submitter.value) || "accept";
      select(i, false);
      await decide(row, action);
      if (action === "accept" || action === "reject") select(nextPending(i));
    });
    const sel = form.querySelector("select.reason");
    if (sel) sel.addEventListener("change", () => decide(row, "reason"));
  });

  document.addEventListener("keydown", async (e) => {
    const t = e.target;
    if (!editable || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
    if (e.key === "n" || e.key === "j") { e.preventDefault(); select(step(current, 1)); }
    else if (e.key === "p" || e.key === "k") { e.preventDefault(); select(step(current, -1)); }
    else if ((e.key === "a" || e.key === "r") && current >= 0) {
      e.preventDefault();
      const i = current;
      await decide(rows[i], e.key === "a" ? "accept" : "reject");
      select(nextPending(i));
    }
  });

  // ---------------------------------------------------------------- manual redactions
  if (!editable) return;
  const pages = Array.from(document.querySelectorAll(".page"));
  const redactBtn = document.getElementById("redact-selected");
  const reasonSel = document.getElementById("manual-reason");
  let tool = "select";
  document.querySelectorAll('input[name="tool"]').forEach((r) => r.addEventListener("change", () => {
    tool = r.value;
    document.body.classList.toggle("mode-draw", tool === "draw");
  }));

  function picked() { return Array.from(document.querySelectorAll(".word.picked")); }
  function updateBtn() { redactBtn.disabled = picked().length === 0; }

  async function loadWords(pageEl) {
    if (pageEl.dataset.wordsLoaded) return;
    pageEl.dataset.wordsLoaded = "1";
    const url = "/cases/" + encodeURIComponent(caseId) + "/docs/" + pageEl.dataset.doc + "/pages/" + pageEl.dataset.page + "/words";
    const resp = await fetch(url, { headers: { "X-Requested-With": "fetch", "Accept": "application/json" } });
    if (!resp.ok) return;
    const layer = pageEl.querySelector(".words");
    (await resp.json()).words.forEach((w) => {
      const s = document.createElement("span");
      s.className = "word";
      s.textContent = w.t + " ";
      s.dataset.i = w.i;
      s.style.left = (w.b[0] * 100) + "%";
      s.style.top = (w.b[1] * 100) + "%";
      s.style.width = (w.b[2] * 100) + "%";
      s.style.height = (w.b[3] * 100) + "%";
      s.addEventListener("click", (e) => {
        if (tool !== "select") return;
        if (!window.getSelection().isCollapsed) return;
        s.classList.toggle("picked");
        updateBtn();
      });
      layer.appendChild(s);
    });
    pageEl.dataset.wordsReady = "1";
  }
  const io = new IntersectionObserver((entries) => entries.forEach((en) => { if (en.isIntersecting) loadWords(en.target); }),
    { rootMargin: "400px" });
  pages.forEach((p) => io.observe(p));

  // Native text selection over the invisible words picks them too.
  document.addEventListener("mouseup", () => {
    if (tool !== "select") return;
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed) return;
    document.querySelectorAll(".word").forEach((w) => { if (sel.containsNode(w, true)) w.classList.add("picked"); });
    sel.removeAllRanges();
    updateBtn();
  });

  redactBtn.addEventListener("click", async () => {
    const byPage = new Map();
    picked().forEach((w) => {
      const p = w.closest(".page");
      const key = p.dataset.doc + "|" + p.dataset.page;
      if (!byPage.has(key)) byPage.set(key, []);
      byPage.get(key).push(w.dataset.i);
    });
    for (const [key, idx] of byPage) {
      const [doc, page] = key.split("|");
      await post("/cases/" + encodeURIComponent(caseId) + "/manual",
        new URLSearchParams({ doc_id: doc, page: page, words: idx.join(","), reason: reasonSel.value }));
    }
    window.location.reload();
  });

  // Drawing a box: image pixels -> fractions of the page; the server turns them into PDF points.
  pages.forEach((p) => {
    let start = null, rectEl = null;
    p.addEventListener("mousedown", (e) => {
      if (tool !== "draw" || e.button !== 0) return;
      e.preventDefault();
      const r = p.getBoundingClientRect();
      start = [(e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height];
      rectEl = document.createElement("div");
      rectEl.className = "drawing";
      p.appendChild(rectEl);
    });
    p.addEventListener("mousemove", (e) => {
      if (!start) return;
      const r = p.getBoundingClientRect();
      const x = (e.clientX - r.left) / r.width, y = (e.clientY - r.top) / r.height;
      rectEl.style.left = (Math.min(x, start[0]) * 100) + "%";
      rectEl.style.top = (Math.min(y, start[1]) * 100) + "%";
      rectEl.style.width = (Math.abs(x - start[0]) * 100) + "%";
      rectEl.style.height = (Math.abs(y - start[1]) * 100) + "%";
    });
    p.addEventListener("mouseup", async (e) => {
      if (!start) return;
      const r = p.getBoundingClientRect();
      const clamp = (v) => Math.max(0, Math.min(1, v));
      const x = clamp((e.clientX - r.left) / r.width), y = clamp((e.clientY - r.top) / r.height);
      const box = [start[0], start[1], x, y];
      start = null;
      try {
        await post("/cases/" + encodeURIComponent(caseId) + "/manual",
          new URLSearchParams({ doc_id: p.dataset.doc, page: p.dataset.page, box: box.join(","), reason: reasonSel.value }));
        window.location.reload();
      } finally { rectEl.remove(); }
    });
  });
})();

// After approval: poll until the bundle is produced.
(function () {
  const root = document.getElementById("case");
  if (!root || root.dataset.state !== "approved") return;
  const timer = setInterval(async () => {
    const resp = await fetch("/cases/" + encodeURIComponent(root.dataset.case) + "/state",
      { headers: { "X-Requested-With": "fetch", "Accept": "application/json" } });
    if (!resp.ok) return;
    const st = await resp.json();
    if (st.state !== "approved") { clearInterval(timer); window.location.reload(); }
  }, 1500);
})();
