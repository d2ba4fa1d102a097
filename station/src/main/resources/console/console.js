// The operator console's page (issue 14). It renders /api/status, pushed by /api/events (server-sent
// events), with textContent only (no HTML from data). The operator token lives in this closure while
// the page is open: never stored, never sent anywhere but the controls' Authorization header.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let token = '';
  let lastEvent = 0;

  const fmt = {
    n: (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en')),
    pct: (v) => (v === null || v === undefined ? '–' : (v * 100).toFixed(1) + ' %'),
    bytes: (v) => {
      if (v === null || v === undefined) return '–';
      const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let i = 0;
      while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
      return v.toFixed(i ? 1 : 0) + ' ' + u[i];
    },
    age: (s) => {
      if (s === null || s === undefined) return '–';
      if (s < 60) return s + ' s';
      if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
      return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    },
    time: (iso) => (iso ? iso.substring(11, 19) : '–'),
  };

  function text(id, v, cls) {
    const el = $(id);
    el.textContent = v;
    if (cls !== undefined) el.className = cls;
  }

  function row(cells) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      if (c instanceof Node) td.appendChild(c); else td.textContent = c;
      tr.appendChild(td);
    }
    return tr;
  }

  function fill(tableId, rows) {
    const body = $(tableId).tBodies[0];
    body.replaceChildren(...rows);
  }

  function render(s) {
    text('station', 'Tagline ' + s.station);
    text('mode', s.mode);
    text('clock', s.now.substring(0, 19).replace('T', ' ') + ' UTC');
    const b = s.banner;
    $('banner').className = 'banner ' + b.severity;
    $('banner').dataset.state = b.state;
    text('banner-text', b.text);
    text('banner-detail', b.detail);

    const light = s.line.stack_light;
    for (const c of ['red', 'amber', 'green']) $('lamp-' + c).className = 'lamp ' + c + (light[c] ? ' on' : '');
    text('line-state', s.line.state.toLowerCase().replace('_', ' ') + (s.line.operator_paused ? ' (operator)' : ''));
    text('buzzer', light.buzzer ? 'buzzer on' : '', light.buzzer ? 'alarm-text' : 'dim');

    const c = s.counters;
    text('since', 'since ' + fmt.time(c.since));
    text('good', fmt.n(c.good));
    text('failed', fmt.n(c.failed), c.failed > 0 ? 'failed' : '');
    text('attempted', fmt.n(c.attempted));
    text('fpy', fmt.pct(c.first_pass_yield));

    renderRate(s.rate);
    fill('work', Object.entries(s.work.on_hand).map(([p, n]) => row([p, fmt.n(n)])));
    text('eta', s.work.eta_s === null ? '–' : fmt.age(s.work.eta_s) + ' (' + fmt.n(s.work.total) + ' on hand)');

    const max = s.failures.reduce((m, f) => Math.max(m, f.count), 1);
    fill('pareto', s.failures.map((f) => {
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = Math.max(2, Math.round((f.count / max) * 120)) + 'px';
      return row([f.reason, fmt.n(f.count), bar]);
    }));
    $('pareto-none').hidden = s.failures.length > 0;

    renderSync(s.sync);
    renderHealth(s.health);
    renderAlarms(s.alarms);
    fill('chips', s.last_chips.map((ch) => {
      const tr = row([fmt.time(ch.at), ch.tag_id || '–', ch.uid || '–', ch.protocol,
        ch.outcome === 'configured' ? 'configured' : ch.reason, fmt.n(ch.duration_ms)]);
      if (ch.outcome !== 'configured') tr.className = 'failed';
      return tr;
    }));
  }

  function renderRate(r) {
    const below = r.target_per_hour !== null && r.per_hour < r.target_per_hour;
    text('rate', fmt.n(r.per_hour), below ? 'below' : '');
    text('target', r.target_per_hour === null ? '' : 'target ' + fmt.n(r.target_per_hour));
    const values = r.trend_per_hour;
    const top = Math.max(1, r.target_per_hour || 0, ...values) * 1.1;
    const step = 120 / Math.max(1, values.length - 1);
    $('trend-line').setAttribute('points', values.map((v, i) =>
      (i * step).toFixed(1) + ',' + (30 - (v / top) * 30).toFixed(1)).join(' '));
    const t = $('trend-target');
    const y = r.target_per_hour === null ? -5 : 30 - (r.target_per_hour / top) * 30;
    t.setAttribute('y1', y.toFixed(1));
    t.setAttribute('y2', y.toFixed(1));
  }

  function renderSync(y) {
    text('outbox', fmt.n(y.outbox_pending) + (y.in_doubt ? ' (' + y.in_doubt + ' in doubt)' : ''));
    text('oldest', fmt.age(y.oldest_pending_s), y.oldest_pending_s > 300 ? 'warn-text' : '');
    text('last-sync', y.last_success_at ? fmt.time(y.last_success_at) : 'not yet');
    text('quarantined', fmt.n(y.quarantined), y.quarantined > 0 ? 'warn-text' : '');
  }

  function renderHealth(h) {
    text('reader', (h.reader.connected ? 'connected' : 'NOT CONNECTED') + ', ' + h.reader.firmware,
      h.reader.connected ? '' : 'alarm-text');
    text('disk', fmt.bytes(h.disk_free_bytes) + ' (minimum ' + fmt.bytes(h.min_free_bytes) + ')',
      h.disk_low ? 'alarm-text' : '');
    text('db', fmt.bytes(h.db_bytes) + (h.store_open ? '' : ', closed'));
    text('since-chip', fmt.age(h.since_last_chip_s));
    text('keyset', 'version ' + h.key_set_version);
  }

  function renderAlarms(alarms) {
    fill('alarms', alarms.map((a) => {
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = a.latched ? 'Acknowledge and clear' : (a.acknowledged ? 'Acknowledged' : 'Acknowledge');
      btn.disabled = a.acknowledged;
      btn.addEventListener('click', () => control('/api/alarms/' + encodeURIComponent(a.code) + '/ack'));
      const tr = row([a.code, a.message, fmt.time(a.since), btn]);
      tr.className = 'alarm-row ' + (a.acknowledged ? 'acked' : 'unacked');
      return tr;
    }));
    $('alarms-none').hidden = alarms.length > 0;
  }

  async function control(path, body) {
    if (!token) {
      text('control-result', 'enter the operator token first', 'refused');
      return;
    }
    try {
      const r = await fetch(path, {
        method: 'POST',
        headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify(body || {}),
      });
      const a = await r.json();
      text('control-result', (a.ok ? '' : 'refused (' + r.status + '): ') + a.message, a.ok ? 'dim' : 'refused');
    } catch (e) {
      text('control-result', 'the station did not answer: ' + e.message, 'refused');
    }
  }

  function connect() {
    const es = new EventSource('/api/events');
    es.addEventListener('status', (e) => {
      lastEvent = Date.now();
      text('link', 'live');
      render(JSON.parse(e.data));
    });
    es.onerror = () => text('link', 'reconnecting…');
  }

  // No event for 5 s: the page no longer shows the station, and says so instead of showing old values.
  setInterval(() => {
    if (lastEvent && Date.now() - lastEvent > 5000) {
      $('banner').className = 'banner stale';
      text('banner-text', 'No data');
      text('banner-detail', 'the console has not heard from the station for ' +
        Math.round((Date.now() - lastEvent) / 1000) + ' s');
    }
  }, 1000);

  document.addEventListener('DOMContentLoaded', () => {
    $('token').addEventListener('input', (e) => { token = e.target.value.trim(); });
    $('btn-reset').addEventListener('click', () => control('/api/line/reset'));
    $('btn-pause').addEventListener('click', () => control('/api/line/pause'));
    $('btn-resume').addEventListener('click', () => control('/api/line/resume'));
    $('btn-reload').addEventListener('click', () => control('/api/platform/reload-credentials'));
    $('btn-requeue').addEventListener('click', () => {
      const reason = $('requeue-reason').value.trim();
      if (!reason) {
        text('control-result', 'give a reason for the requeue', 'refused');
        return;
      }
      control('/api/outbox/requeue', { reason: reason });
    });
    connect();
  });
})();
