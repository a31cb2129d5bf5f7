// Partial updates and the keyboard: decisions without a reload, skill suggestions, "why not?".
"use strict";
(function () {
  const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  async function post(form) {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch", "X-CSRF-Token": csrf() },
      credentials: "same-origin",
    });
    return { ok: response.ok, status: response.status, html: await response.text() };
  }

  // Decisions: the decision cell is replaced by the server's fragment.
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("decide")) return;
    event.preventDefault();
    const cell = form.closest(".decision");
    cell.classList.add("loading");
    try {
      const answer = await post(form);
      if (answer.status === 303 || answer.html.indexOf("<html") >= 0) { window.location.reload(); return; }
      cell.innerHTML = answer.html;
    } catch (error) {
      form.submit();
    } finally {
      cell.classList.remove("loading");
    }
  });

  // "Why not …?" answered in place.
  const whyForm = document.getElementById("why-not-form");
  if (whyForm) {
    whyForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const target = document.getElementById("why-not-answer");
      target.textContent = "…";
      const url = whyForm.action + "?" + new URLSearchParams(new FormData(whyForm)).toString();
      const response = await fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
      target.innerHTML = await response.text();
    });
  }

  // Skills suggested from the pasted paragraph.
  const suggest = document.getElementById("suggest-skills");
  if (suggest) {
    suggest.addEventListener("click", async () => {
      const form = document.getElementById("request-form");
      const status = document.getElementById("suggest-status");
      status.textContent = "…";
      const response = await fetch("/requests/parse", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf(), "X-Requested-With": "fetch" },
        body: JSON.stringify({ title: form.title.value, description: form.description.value }),
        credentials: "same-origin",
      });
      const answer = await response.json();
      const lines = (answer.skills || []).map((s) => (s.must_have ? "!" : "") + (s.canonical || s.name));
      const field = document.getElementById("skills-field");
      const existing = field.value.split("\n").map((l) => l.trim()).filter(Boolean);
      field.value = existing.concat(lines.filter((l) => existing.indexOf(l) < 0)).join("\n");
      status.textContent = answer.error || String(lines.length);
    });
  }

  // Keyboard: j/k move between candidates, s/p/r decide, Enter opens the details.
  const rows = () => Array.from(document.querySelectorAll("li.match"));
  document.addEventListener("keydown", (event) => {
    const tag = (event.target.tagName || "").toLowerCase();
    if (["input", "textarea", "select"].indexOf(tag) >= 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const list = rows();
    if (!list.length) return;
    let index = list.indexOf(document.activeElement.closest ? document.activeElement.closest("li.match") : null);
    const focus = (i) => { const row = list[Math.max(0, Math.min(list.length - 1, i))]; row.focus(); row.scrollIntoView({ block: "nearest" }); };
    if (event.key === "j") { focus(index + 1); event.preventDefault(); return; }
    if (event.key === "k") { focus(index - 1); event.preventDefault(); return; }
    if (index < 0) return;
    const row = list[index];
    const decisions = { s: "shortlisted", p: "presented", r: "rejected" };
    if (decisions[event.key]) {
      const form = row.querySelector('form.decide[data-decision="' + decisions[event.key] + '"]');
      if (!form) return;
      event.preventDefault();
      if (decisions[event.key] === "rejected") { form.querySelector("select").focus(); return; }
      form.requestSubmit();
    }
    if (event.key === "Enter" && event.target === row) {
      const details = row.querySelector("details");
      if (details) details.open = !details.open;
    }
  });
})();
