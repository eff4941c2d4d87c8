// Small helpers shared by the self-refreshing pages (no framework, no external script).
window.admin = {
  poll(url, everyMs, onData, onFail) {
    const tick = () => fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(onData)
      .catch(e => onFail && onFail(e))
      .finally(() => setTimeout(tick, everyMs));
    setTimeout(tick, everyMs);
  },
  text(v, unavailable) { return v === null || v === undefined ? unavailable : String(v); },
  el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    (children || []).forEach(c => e.append(c));
    return e;
  },
  time(iso) { return iso ? new Date(iso).toLocaleTimeString() : ''; }
};
