// Refreshes the dashboard's cards and sales table from /dashboard/figures.
(() => {
  const root = document.getElementById('dashboard');
  const na = root.dataset.unavailable;
  const base = document.querySelector('a.brand').getAttribute('href').replace(/\/$/, '');
  const set = (id, v) => { const e = document.getElementById(id); e.textContent = v; e.classList.toggle('unavailable', v === na); };
  const orders = o => o ? Object.entries(o).map(([k, v]) => k + ': ' + v).join(', ') : na;
  admin.poll(base + '/dashboard/figures', Number(root.dataset.poll), f => {
    set('updated', admin.time(f.at));
    set('ordersPerSecond', f.ordersPerSecond == null ? '—' : f.ordersPerSecond.toFixed(1));
    set('successRate', f.successRate == null ? '—' : (f.successRate * 100).toFixed(1) + ' %');
    set('pendingReservations', admin.text(f.pendingReservations, na));
    set('dlqBacklog', admin.text(f.dlqBacklog, na));
    set('hangingTransactions', admin.text(f.hangingTransactions, na));
    const warn = document.getElementById('unavailable');
    warn.classList.toggle('hidden', f.unavailable.length === 0);
    warn.textContent = f.unavailable.join(', ');
    const body = document.getElementById('sales');
    const empty = body.querySelector('tr.empty');
    if (f.sales.length === 0 && empty) return;
    body.replaceChildren(...f.sales.map(s => admin.el('tr', { 'data-id': s.activityId }, [
      admin.el('td', {}, [String(s.activityId)]),
      admin.el('td', {}, [admin.el('a', { href: base + '/sales/' + s.activityId }, [s.title])]),
      admin.el('td', {}, [admin.el('span', { class: 'badge st-' + s.status }, [s.status])]),
      admin.el('td', { class: 'num' }, [String(s.stock)]),
      admin.el('td', { class: 'num' }, [admin.text(s.redisRemaining, '—')]),
      admin.el('td', { class: 'num' }, [admin.text(s.mysqlRemaining, na)]),
      admin.el('td', { class: 'num' }, [String(s.liveReservations)]),
      admin.el('td', {}, [orders(s.orders)])
    ])));
  }, () => set('updated', na));
})();
