// The live page of one sale: polls its stats, keeps the samples and draws Redis remaining as an SVG line.
(() => {
  const root = document.getElementById('live');
  const na = root.dataset.unavailable;
  const svg = document.getElementById('curve');
  const NS = 'http://www.w3.org/2000/svg';
  const W = 600, H = 220, PAD = 30, MAX_SAMPLES = 200;
  const samples = [];
  const set = (id, v) => { const e = document.getElementById(id); e.textContent = v; e.classList.toggle('unavailable', v === na); };
  const line = (x1, y1, x2, y2, cls) => { const l = document.createElementNS(NS, 'line');
    Object.entries({ x1, y1, x2, y2, stroke: cls, 'stroke-width': 1 }).forEach(([k, v]) => l.setAttribute(k, v)); return l; };
  const label = (x, y, t) => { const e = document.createElementNS(NS, 'text');
    e.setAttribute('x', x); e.setAttribute('y', y); e.setAttribute('font-size', 11); e.setAttribute('fill', '#6b7785'); e.textContent = t; return e; };
  function draw(stock) {
    svg.replaceChildren(line(PAD, H - PAD, W - 8, H - PAD, '#cbd5e1'), line(PAD, 8, PAD, H - PAD, '#cbd5e1'),
      label(2, 16, String(stock)), label(8, H - PAD, '0'));
    if (samples.length === 0) return;
    const t0 = samples[0].t, span = Math.max(1, samples[samples.length - 1].t - t0);
    const pts = samples.map(s => [PAD + (W - 8 - PAD) * (s.t - t0) / span, H - PAD - (H - PAD - 8) * s.v / Math.max(1, stock)]);
    const path = document.createElementNS(NS, 'polyline');
    path.setAttribute('points', pts.map(p => p.map(n => n.toFixed(1)).join(',')).join(' '));
    path.setAttribute('fill', 'none'); path.setAttribute('stroke', '#1d4ed8'); path.setAttribute('stroke-width', 2);
    svg.append(path, label(W - 120, H - 10, admin.time(new Date(samples[samples.length - 1].t).toISOString())));
  }
  function show(s) {
    set('redisRemaining', admin.text(s.redisRemaining, '—'));
    set('mysqlRemaining', admin.text(s.mysqlRemaining, na));
    set('liveReservations', admin.text(s.liveReservations, na));
    const warn = document.getElementById('unavailable');
    warn.classList.toggle('hidden', s.unavailable.length === 0);
    warn.textContent = s.unavailable.join(', ');
    const body = document.getElementById('orders');
    body.replaceChildren(...(s.orders ? Object.entries(s.orders).map(([k, v]) => admin.el('tr', {}, [
      admin.el('td', {}, [admin.el('span', { class: 'badge st-' + k }, [k])]), admin.el('td', { class: 'num' }, [String(v)])]))
      : [admin.el('tr', {}, [admin.el('td', { class: 'unavailable', colspan: 2 }, [na])])]));
    if (s.redisRemaining != null) {
      samples.push({ t: Date.parse(s.at), v: s.redisRemaining });
      if (samples.length > MAX_SAMPLES) samples.shift();
    }
    draw(s.stock);
  }
  const url = root.dataset.stats;
  fetch(url, { credentials: 'same-origin' }).then(r => r.json()).then(show).catch(() => draw(1));
  admin.poll(url, Number(root.dataset.poll), show);
})();
