// The expert's scoring page (法治评议). Plain JavaScript, no build step, no outside request.
//
// Every value typed goes to localStorage at once (one record per token + unit + criterion) and,
// once valid, into a queue sent to the server in the order typed, with retry and backoff. A record
// is removed when the server confirms it, so what the page shows as 已保存 is what the server said;
// what is still in localStorage is 待发送 (or refused, with the reason). GET ./state every 3 s (not
// while the tab is hidden) follows the console and picks up changes made in the chair's window.
"use strict";

(function () {
  const POLL_MS = 3000;
  const TYPING_MS = 700;          // a value is sent once typing pauses (or the field is left)
  const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
  const TIMEOUT_MS = 8000;
  const REVOKED_TEXT = "此链接已失效，请向会务人员索取新的二维码";
  const PHASES = { report: "汇报中", questions: "提问答复中", scoring: "评分环节" };

  const BASE = location.pathname.replace(/\/+$/, "");           // /e/TOKEN
  const TOKEN = decodeURIComponent(BASE.split("/").pop() || "");
  const KEY = "fazhi:" + TOKEN + ":";
  const ENTRY = KEY + "v:";

  const $ = (id) => document.getElementById(id);
  const el = {};
  let state = null;               // the last /state answer (also cached in localStorage)
  let current = null;             // the unit shown
  let rows = new Map();           // criterion path → {row, input, badge, err}
  let revoked = false;
  let sending = false;
  let failures = 0;
  let sendTimer = null;
  let pollTimer = null;
  let noticeTimer = null;
  // Writes the server confirmed, numbered: a /state answer read before a write was confirmed does
  // not know it yet, and must not blank a value (or unlock a unit) the server already holds.
  let writeNo = 0;
  const confirmed = new Map();    // JSON [unit, path|null] → {unit, path, value, no}; path null = submit

  // ---- storage -----------------------------------------------------------------------------

  function store(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  const entryKey = (unit, path) => ENTRY + JSON.stringify([unit, path]);
  const getEntry = (unit, path) => load(entryKey(unit, path));
  function dropEntry(unit, path) { try { localStorage.removeItem(entryKey(unit, path)); } catch (e) { /* full */ } }
  function putEntry(entry) {
    const seq = (Number(load(KEY + "seq")) || 0) + 1;
    store(KEY + "seq", seq);
    entry.seq = seq;
    store(entryKey(entry.unit, entry.path), entry);
    return entry;
  }
  function entries() {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(ENTRY)) {
        const e = load(k);
        if (e) out.push(e);
      }
    }
    return out.sort((a, b) => a.seq - b.seq);
  }
  const queue = () => entries().filter((e) => e.state === "pending");

  // ---- values ------------------------------------------------------------------------------

  // Full-width digits and points (typed with a Chinese input method) become ASCII.
  function normalise(raw) {
    return String(raw)
      .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\uff0e\u3002]/g, ".")
      .replace(/[\uff0d\u2212]/g, "-")
      .replace(/[\s\u3000]/g, "");
  }

  function fmt(hundredths) {
    const sign = hundredths < 0 ? "-" : "";
    const n = Math.abs(hundredths);
    const whole = Math.floor(n / 100);
    const frac = String(n % 100).padStart(2, "0").replace(/0+$/, "");
    return sign + whole + (frac ? "." + frac : "");
  }
  const hundredths = (text) => Math.round(parseFloat(text) * 100);

  // {value: "8.5"} (normalised, "" = empty), {incomplete: true} while "8." is being typed, or
  // {error: "…"} in the same words as the server.
  function check(raw, max, final) {
    let text = normalise(raw);
    if (text === "") return { value: "" };
    if (/^\d+\.$/.test(text)) {
      if (!final) return { incomplete: true };
      text = text.slice(0, -1);
    }
    if (/^\.\d+$/.test(text)) text = "0" + text;
    if (/^-\d+(\.\d+)?$/.test(text)) return { error: "得分不能为负数，应在 0 到 " + fmt(hundredths(max)) + " 之间。" };
    if (!/^\d+(\.\d+)?$/.test(text)) {
      const shown = raw.length > 20 ? raw.slice(0, 20) + "…" : raw;
      return { error: "“" + shown + "”不是数字（分数只能是数字和一个小数点，如 8 或 8.5）" };
    }
    const frac = (text.split(".")[1] || "").replace(/0+$/, "");
    if (frac.length > 2) return { error: "得分 " + text + " 最多保留两位小数。" };
    text = text.replace(/^0+(?=\d)/, "");
    if (hundredths(text) > hundredths(max)) {
      return { error: "得分 " + text + " 超出范围，应在 0 到 " + fmt(hundredths(max)) + " 之间。" };
    }
    return { value: text };
  }

  // ---- state -------------------------------------------------------------------------------

  const unitOf = (name) => (state ? state.units.find((u) => u.name === name) : null);
  const serverValue = (unit, path) => {
    const u = unitOf(unit);
    const v = u && u.scores ? u.scores[path] : undefined;
    return v === undefined || v === null ? "" : String(v);
  };
  const absent = (u) => u.status === "absent" || u.status === "缺席";
  const ended = () => !!state && (state.status === "finished" || state.status === "sealed");
  const closed = (u) => !u || u.recused || absent(u) || u.submitted || revoked || ended();

  function unitLabel(u) {
    if (u.recused) return ["回避", "recused"];
    if (absent(u)) return ["缺席", "absent"];
    if (u.submitted) return ["已提交", "submitted"];
    const local = entries().some((e) => e.unit === u.name);
    if (local || Object.keys(u.scores || {}).length) return ["评分中", "scoring"];
    return ["未评", "none"];
  }

  // What one field shows: the local record if any, else the server's value.
  function field(unit, path) {
    const e = getEntry(unit, path);
    if (e) return { value: e.value, state: e.state, error: e.error || "" };
    const v = serverValue(unit, path);
    return { value: v, state: v === "" ? "empty" : "saved", error: "" };
  }

  // ---- network -----------------------------------------------------------------------------

  async function call(method, name, body) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    try {
      const res = await fetch(BASE + "/" + name, {
        method, cache: "no-store", credentials: "same-origin", signal: ctrl.signal,
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      return { status: res.status, data: data || {}, retryAfter: Number(res.headers.get("Retry-After")) || 0 };
    } finally {
      clearTimeout(timer);
    }
  }

  function setOnline(ok) {
    const was = el.offline.hidden;
    el.offline.hidden = ok || revoked;
    if (was !== el.offline.hidden) paint();
  }

  function setRevoked() {
    revoked = true;
    el.revoked.hidden = false;
    el.offline.hidden = true;
    el.live.hidden = true;
    clearTimeout(sendTimer);
    clearTimeout(pollTimer);
    render();
  }

  function notice(text, kind) {
    setTimeout(fitBar, 0);
    el.notice.textContent = text;
    el.notice.className = "banner " + (kind || "info");
    el.notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { el.notice.hidden = true; fitBar(); }, 8000);
  }

  function scheduleSend(ms) {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(pump, Math.max(0, ms));
  }

  // Send the queue head; one value at a time, in the order typed.
  async function pump() {
    if (sending || revoked) return;
    const head = queue()[0];
    if (!head) return;
    const wait = (head.due || 0) - Date.now();
    if (wait > 0) { scheduleSend(wait); return; }
    sending = true;
    let res = null;
    try {
      res = await call("POST", "scores", { unit: head.unit, criterion: head.path, score: head.value });
    } catch (err) {
      res = null;
    }
    sending = false;
    const now = getEntry(head.unit, head.path);
    const same = now && now.seq === head.seq;
    if (res === null || res.status >= 500 || res.status === 429) {
      if (res === null) setOnline(false);
      const delay = Math.max(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)], res ? res.retryAfter * 1000 : 0);
      failures++;
      paint();
      scheduleSend(delay);
      return;
    }
    failures = 0;
    setOnline(true);
    if (res.status === 403) { setRevoked(); return; }
    if (res.status === 200) {
      confirm(head.unit, head.path, head.value);
      const u = unitOf(head.unit);
      if (u) {
        u.scores = u.scores || {};
        if (head.value === "") delete u.scores[head.path];
        else u.scores[head.path] = parseFloat(head.value);
        store(KEY + "state", state);
      }
      if (same) dropEntry(head.unit, head.path);
    } else if (same) {
      const why = res.data.error || ("服务器拒绝了这个分数（" + res.status + "）");
      now.state = "rejected";
      now.error = why;
      store(entryKey(now.unit, now.path), now);
      if (res.status === 409) { notice(why, "error"); poll(); }
    }
    paint();
    scheduleSend(0);
  }

  async function poll() {
    clearTimeout(pollTimer);
    if (revoked) return;
    if (document.visibilityState !== "hidden") {
      try {
        const since = writeNo;
        const res = await call("GET", "state");
        if (res.status === 403) { setRevoked(); return; }
        if (res.status === 200 && res.data.units) {
          setOnline(true);
          accept(overlay(res.data, since));
          if (queue().length && !sending) scheduleSend(0);
        }
      } catch (err) {
        setOnline(false);
      }
    }
    pollTimer = setTimeout(poll, POLL_MS);
  }

  function confirm(unit, path, value) {
    writeNo++;
    confirmed.set(JSON.stringify([unit, path]), { unit, path, value, no: writeNo });
  }

  // Lay the writes confirmed after the state request left over its answer.
  function overlay(next, since) {
    for (const [key, c] of confirmed) {
      if (c.no <= since) { confirmed.delete(key); continue; }
      const u = (next.units || []).find((x) => x.name === c.unit);
      if (!u) continue;
      if (c.path === null) { u.submitted = true; continue; }
      u.scores = u.scores || {};
      if (c.value === "") delete u.scores[c.path]; else u.scores[c.path] = parseFloat(c.value);
    }
    return next;
  }

  function accept(next) {
    const structure = JSON.stringify([next.criteria, next.units.map((u) => u.name)]);
    const changed = !state || structure !== JSON.stringify([state.criteria, state.units.map((u) => u.name)]);
    state = next;
    store(KEY + "state", state);
    // A value the server holds now (the chair may have typed it) wins over a refused local one.
    for (const e of entries()) {
      const u = unitOf(e.unit);
      if (!u) { dropEntry(e.unit, e.path); continue; }
      if (e.state !== "pending" && (u.submitted || serverValue(e.unit, e.path) === e.value)) dropEntry(e.unit, e.path);
    }
    if (!current || !unitOf(current)) current = load(KEY + "unit");
    if (!current || !unitOf(current)) current = firstChoice();
    const u = unitOf(current);
    const live = state.live || {};
    if (closed(u) && live.unit && live.unit !== current && !closed(unitOf(live.unit)) && !typing()) choose(live.unit);
    else if (changed) render();
    else paint();
  }

  function firstChoice() {
    const live = state.live || {};
    if (live.unit && unitOf(live.unit) && !closed(unitOf(live.unit))) return live.unit;
    const open = state.units.find((u) => !closed(u));
    return open ? open.name : (state.units[0] ? state.units[0].name : null);
  }

  const typing = () => document.activeElement && document.activeElement.tagName === "INPUT";

  // ---- rendering ---------------------------------------------------------------------------

  function choose(name) {
    current = name;
    store(KEY + "unit", name);
    el.picker.open = false;
    render();
    window.scrollTo(0, 0);
  }

  // Build the criteria list for the current unit (once per unit), then paint the values.
  function render() {
    if (!state) return;
    el.expert.textContent = state.expert || "";
    el.session.textContent = state.session || "";
    document.title = (state.session ? state.session + " · " : "") + "专家评分";
    el.criteria.textContent = "";
    rows = new Map();
    el.sheet.hidden = !current;
    el.bar.hidden = !current;
    if (!current) { paint(); return; }
    let total = 0;
    state.criteria.forEach((c, i) => {
      total += hundredths(c.max);
      const li = document.createElement("li");
      li.className = "criterion";
      const parts = String(c.path).split("/");
      const leaf = parts.pop();
      const text = document.createElement("div");
      text.className = "ctext";
      if (parts.length) {
        const up = document.createElement("div");
        up.className = "parent";
        up.textContent = parts.join(" / ");
        text.appendChild(up);
      }
      const name = document.createElement("label");
      name.className = "leaf";
      name.htmlFor = "s" + i;
      name.textContent = leaf;
      text.appendChild(name);
      const max = document.createElement("div");
      max.className = "max";
      max.textContent = "满分 " + fmt(hundredths(c.max));
      text.appendChild(max);
      if (c.description) {
        const d = document.createElement("div");
        d.className = "desc";
        d.textContent = c.description;
        text.appendChild(d);
      }
      const box = document.createElement("div");
      box.className = "cinput";
      const input = document.createElement("input");
      input.id = "s" + i;
      input.type = "text";
      input.inputMode = "decimal";
      input.enterKeyHint = "next";
      input.autocomplete = "off";
      input.spellcheck = false;
      input.maxLength = 12;
      input.dataset.path = c.path;
      input.setAttribute("aria-describedby", "e" + i);
      input.addEventListener("input", () => typed(c, input, false));
      input.addEventListener("change", () => typed(c, input, true));
      input.addEventListener("blur", () => typed(c, input, true));
      input.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") {
          ev.preventDefault();
          typed(c, input, true);
          const next = document.getElementById("s" + (i + 1));
          if (next && !next.disabled) next.focus(); else input.blur();
        }
      });
      const badge = document.createElement("span");
      badge.className = "badge";
      box.appendChild(input);
      box.appendChild(badge);
      const err = document.createElement("p");
      err.className = "err";
      err.id = "e" + i;
      err.setAttribute("role", "alert");
      li.appendChild(text);
      li.appendChild(box);
      li.appendChild(err);
      el.criteria.appendChild(li);
      rows.set(c.path, { row: li, input, badge, err, crit: c });
    });
    el.max.textContent = fmt(total);
    paint();
  }

  const BADGES = { saved: "已保存", pending: "待发送", rejected: "未保存", invalid: "未保存", draft: "输入中" };

  // Update everything that depends on values, without rebuilding (a focused field keeps its text).
  function paint() {
    if (!state) return;
    paintUnits();
    paintLive();
    const u = unitOf(current);
    if (!u) return;
    el.unitName.textContent = u.name;
    const [label, cls] = unitLabel(u);
    const live = state.live || {};
    el.unitState.textContent = label + (live.unit === u.name && live.phase ? " · 现场" + (PHASES[live.phase] || "") : "");
    el.unitState.className = "unit-state s-" + cls;
    const locked = closed(u);
    let sum = 0, filled = 0, waiting = 0, bad = 0;
    for (const [path, r] of rows) {
      const f = field(u.name, path);
      if (document.activeElement !== r.input && r.input.value !== f.value) r.input.value = f.value;
      r.input.disabled = locked;
      r.badge.textContent = revoked && f.state === "pending" ? "未发送" : (BADGES[f.state] || "");
      r.badge.className = "badge b-" + f.state;
      r.err.textContent = f.error;
      r.row.classList.toggle("has-error", !!f.error);
      if (f.state === "pending") waiting++;
      if (f.state === "rejected" || f.state === "invalid") bad++;
      if (f.state === "draft") waiting++;
      if ((f.state === "saved" || f.state === "pending") && f.value !== "") {
        sum += hundredths(f.value);
        if (f.state === "saved") filled++;
      }
    }
    el.total.textContent = fmt(sum);
    const allWaiting = queue().length;
    el.sync.className = "sync " + (allWaiting ? "s-waiting" : "s-saved");
    if (revoked) el.sync.textContent = allWaiting ? allWaiting + " 项未发送" : "";
    else if (allWaiting) el.sync.textContent = (el.offline.hidden ? "" : "离线 · ") + allWaiting + " 项待发送";
    else el.sync.textContent = filled ? "全部已保存" : "";
    const missing = rows.size - filled - waiting - bad;
    let why = "";
    if (revoked) why = REVOKED_TEXT;
    else if (ended()) why = state.status === "sealed" ? "评议会已封盘，评分不能再修改。" : "评议会已结束，评分已锁定。";
    else if (u.recused) why = "您对本单位回避，无需评分。";
    else if (absent(u)) why = "本单位缺席，无需评分。";
    else if (u.submitted) why = "本单位评分已提交，已锁定。";
    else if (bad) why = bad + " 项分数有误，请按提示修改。";
    else if (waiting) why = waiting + " 项待发送，发送完成后才能提交。";
    else if (missing > 0) why = "还有 " + missing + " 项未评分。";
    el.submit.disabled = !!why;
    el.submit.textContent = u.submitted ? "已提交" : "提交本单位评分";
    el.why.textContent = why;
    fitBar();
  }

  // The bar is fixed at the bottom: keep a focused field (and the last criterion) above it.
  function fitBar() {
    const h = el.bar.hidden ? 0 : el.bar.offsetHeight;
    document.documentElement.style.scrollPaddingBottom = (h + 12) + "px";
    document.documentElement.style.scrollPaddingTop = (el.banners.offsetHeight + 8) + "px";
    el.main.style.paddingBottom = (h + 16) + "px";
  }

  // Rebuilt only when something in it changed: a list replaced under a finger loses the tap.
  let unitsShown = "";
  function paintUnits() {
    const live = state.live || {};
    const u0 = unitOf(current);
    el.picked.textContent = u0 ? u0.name : "请选择";
    const shown = JSON.stringify([current, live, state.units.map((u) => [u.name, unitLabel(u)[0]])]);
    if (shown === unitsShown) return;
    unitsShown = shown;
    el.units.textContent = "";
    for (const u of state.units) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "unit" + (u.name === current ? " current" : "") + (u.name === live.unit ? " on-stage" : "");
      const name = document.createElement("span");
      name.className = "uname";
      name.textContent = u.name;
      b.appendChild(name);
      if (u.name === live.unit && live.phase) {
        const s = document.createElement("span");
        s.className = "stage";
        s.textContent = "现场" + (PHASES[live.phase] || "");
        b.appendChild(s);
      }
      const [label, cls] = unitLabel(u);
      const st = document.createElement("span");
      st.className = "ustate s-" + cls;
      st.textContent = label;
      b.appendChild(st);
      b.addEventListener("click", () => choose(u.name));
      li.appendChild(b);
      el.units.appendChild(li);
    }
  }

  function paintLive() {
    const live = state.live || {};
    const target = unitOf(live.unit);
    const offer = !revoked && live.phase === "scoring" && target && live.unit !== current && !closed(target);
    el.live.hidden = !offer;
    el.stage.hidden = !target || !live.phase;
    if (target && live.phase) el.stage.textContent = "现场：" + live.unit + " · " + (PHASES[live.phase] || "");
    if (offer) el.live.textContent = "现在请为 " + live.unit + " 评分（点此前往）";
  }

  // ---- input -------------------------------------------------------------------------------

  function typed(c, input, final) {
    const u = unitOf(current);
    if (!u || closed(u)) return;
    const raw = input.value;
    const r = check(raw, c.max, final);
    const before = getEntry(u.name, c.path);
    if (r.incomplete) {
      // "8." on the way to "8.5": keep the text, send nothing yet
      putEntry({ unit: u.name, path: c.path, value: raw, state: "draft", error: "" });
    } else if (r.error) {
      putEntry({ unit: u.name, path: c.path, value: raw, state: "invalid", error: r.error });
    } else if (r.value === serverValue(u.name, c.path)) {
      if (before) dropEntry(u.name, c.path);
      if (final && raw !== r.value) input.value = r.value;
    } else if (before && before.state === "pending" && before.value === r.value) {
      if (final && before.due > Date.now()) { before.due = Date.now(); store(entryKey(u.name, c.path), before); }
    } else {
      putEntry({ unit: u.name, path: c.path, value: r.value, state: "pending", error: "",
                 due: Date.now() + (final ? 0 : TYPING_MS) });
      if (final && raw !== r.value) input.value = r.value;
    }
    paint();
    scheduleSend(final ? 0 : TYPING_MS);
  }

  // ---- submit ------------------------------------------------------------------------------

  function askSubmit() {
    const u = unitOf(current);
    if (!u || el.submit.disabled) return;
    el.confirmText.textContent = "提交对“" + u.name + "”的评分：得分合计 " + el.total.textContent + " / 满分 " + el.max.textContent + "。";
    if (typeof el.confirm.showModal === "function") el.confirm.showModal(); else el.confirm.setAttribute("open", "");
    el.confirmNo.focus();
  }

  function closeConfirm() {
    if (typeof el.confirm.close === "function") el.confirm.close(); else el.confirm.removeAttribute("open");
  }

  async function doSubmit() {
    const u = unitOf(current);
    closeConfirm();
    if (!u) return;
    el.submit.disabled = true;
    let res = null;
    try { res = await call("POST", "submit", { unit: u.name }); } catch (err) { res = null; }
    if (res === null) {
      setOnline(false);
      notice("网络未连接，提交没有发出；请恢复连接后再提交。", "warn");
    } else if (res.status === 403) {
      setRevoked();
    } else if (res.status === 200) {
      confirm(u.name, null, true);
      u.submitted = true;
      store(KEY + "state", state);
      notice("“" + u.name + "”的评分已提交。", "ok");
    } else {
      notice(res.data.error || ("提交没有成功（" + res.status + "）"), "error");
    }
    paint();
    poll();
  }

  // ---- start -------------------------------------------------------------------------------

  function start() {
    for (const id of ["expert", "session", "revoked", "offline", "live", "notice", "picker", "picked", "units",
                      "sheet", "criteria", "bar", "total", "max", "sync", "submit", "why", "confirm", "stage"]) el[id] = $(id);
    el.unitName = $("unit-name");
    el.main = document.querySelector("main");
    el.banners = document.querySelector(".banners");
    window.addEventListener("resize", fitBar);
    for (const ev of ["focusin"]) document.addEventListener(ev, (e) => {
      if (e.target.tagName === "INPUT") setTimeout(() => e.target.scrollIntoView({ block: "nearest" }), 0);
    });
    el.unitState = $("unit-state");
    el.confirmText = $("confirm-text");
    el.confirmNo = $("confirm-no");
    el.submit.addEventListener("click", askSubmit);
    el.confirmNo.addEventListener("click", closeConfirm);
    $("confirm-yes").addEventListener("click", doSubmit);
    el.live.addEventListener("click", () => { const live = state && state.live; if (live && live.unit) choose(live.unit); });
    window.addEventListener("online", () => { failures = 0; scheduleSend(0); poll(); });
    window.addEventListener("offline", () => setOnline(false));
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") poll(); });
    const cached = load(KEY + "state");
    if (cached && cached.units) accept(cached);
    poll();
    scheduleSend(0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
