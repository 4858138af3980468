// gridwarden console: the live alert feed, today's counts and the grid risk map, pushed by server-sent events.
// Everything is drawn with the DOM's own text nodes, so no text of an alert is ever read as HTML.
(() => {
  'use strict';

  const I18N = {
    zh: {
      title: '预警值班台', feed: '实时预警', counts: '今日预警', map: '网格风险地图', legend: '风险指数',
      allDepartments: '全部部门', allStreets: '全部街道', allRules: '全部规则', allLevels: '全部级别',
      other: 'English', brokerLost: '与消息服务器（Kafka）的连接已中断，正在重连……页面数据可能不是最新的。',
      streamLost: '与值班台服务的连接已中断，正在重连……', live: '实时', lost: '中断',
      department: '部门', today: '今日', average: '近{n}日日均', total: '合计', index: '风险指数',
      recent: '近期预警', none: '无', close: '关闭',
      fields: {
        alertId: '预警编号', ruleId: '规则', level: '级别', ruleSetVersion: '规则集版本', department: '责任部门',
        grid: '网格', community: '社区', street: '街道', worker: '网格员', caseId: '案件', category: '类别',
        eventTime: '发生时间', deadline: '时限', evidence: '证据', message: '内容'
      },
      levels: {WARNING: '临期', OVERDUE: '超期', ESCALATED: '升级督办', ALERT: '预警', CRITICAL: '紧急'}
    },
    en: {
      title: 'Duty console', feed: 'Live alerts', counts: 'Alerts today', map: 'Grid risk map', legend: 'Risk index',
      allDepartments: 'All departments', allStreets: 'All streets', allRules: 'All rules', allLevels: 'All levels',
      other: '中文', brokerLost: 'The connection to the message broker (Kafka) is lost; reconnecting. What the page shows may be out of date.',
      streamLost: 'The connection to the console server is lost; reconnecting.', live: 'live', lost: 'lost',
      department: 'Department', today: 'Today', average: 'Daily average, {n} days', total: 'Total', index: 'Risk index',
      recent: 'Recent alerts', none: 'none', close: 'Close',
      fields: {
        alertId: 'Alert', ruleId: 'Rule', level: 'Level', ruleSetVersion: 'Rule set', department: 'Department',
        grid: 'Grid', community: 'Community', street: 'Street', worker: 'Grid worker', caseId: 'Case',
        category: 'Category', eventTime: 'Event time', deadline: 'Deadline', evidence: 'Evidence', message: 'Message'
      },
      levels: {WARNING: 'Warning', OVERDUE: 'Overdue', ESCALATED: 'Escalated', ALERT: 'Alert', CRITICAL: 'Critical'}
    }
  };
  const LEVELS = ['WARNING', 'OVERDUE', 'ALERT', 'ESCALATED', 'CRITICAL'];
  const MAX_ALERTS = 500;

  const state = {
    lang: localStorage.getItem('gridwarden-lang') === 'en' ? 'en' : 'zh',
    layout: null, alerts: [], counts: null, risk: new Map(), tiles: new Map(), places: new Map(),
    broker: true, stream: false, rules: new Set()
  };
  const $ = id => document.getElementById(id);
  const t = key => I18N[state.lang][key];
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };
  const nameOf = (zh, en) => state.lang === 'en' && en ? en : zh;
  const when = iso => iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '') : '';

  // ---- language ----
  function applyLanguage() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
    $('lang').textContent = t('other');
    if (state.layout) {
      $('district').textContent = nameOf(state.layout.district, state.layout.districtEn);
      fillFilters();
      drawMap();
    }
    renderFeed();
    renderCounts();
    showConnection();
  }
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem('gridwarden-lang', state.lang);
    applyLanguage();
  });

  // ---- filters ----
  const filters = ['department', 'street', 'rule', 'level'];
  function fillFilters() {
    const options = {
      department: Object.entries(state.layout.departments).map(([id, n]) => [id, nameOf(n.zh, n.en)]),
      street: state.layout.streets.map(s => [s.id, nameOf(s.name, s.nameEn)]),
      rule: [...state.rules].sort().map(r => [r, r]),
      level: LEVELS.map(l => [l, I18N[state.lang].levels[l]])
    };
    for (const f of filters) {
      const select = $('filter-' + f);
      const chosen = select.value;
      while (select.options.length > 1) select.remove(1);
      select.options[0].textContent = t('all' + f[0].toUpperCase() + f.slice(1) + 's');
      for (const [value, label] of options[f].sort((a, b) => a[1].localeCompare(b[1]))) {
        const o = el('option', null, label);
        o.value = value;
        select.appendChild(o);
      }
      select.value = chosen;
    }
  }
  filters.forEach(f => $('filter-' + f).addEventListener('change', renderFeed));
  function passes(a) {
    const v = f => $('filter-' + f).value;
    return (!v('department') || a.department === v('department')) && (!v('street') || a.streetId === v('street'))
      && (!v('rule') || a.ruleId === v('rule')) && (!v('level') || a.level === v('level'));
  }

  // ---- feed ----
  function alertItem(a, fresh) {
    const li = el('li', 'lv-' + a.level + (fresh ? ' new' : ''));
    li.dataset.alertId = a.alertId;
    const head = el('div');
    head.appendChild(el('span', 'badge', I18N[state.lang].levels[a.level] || a.level));
    head.appendChild(el('span', null, state.lang === 'en' ? a.titleEn : a.title));
    li.appendChild(head);
    const dept = state.layout && state.layout.departments[a.department];
    li.appendChild(el('div', 'meta', [when(a.eventTime), dept ? nameOf(dept.zh, dept.en) : a.department,
      nameOf(a.streetName, null), a.gridName || a.gridId].filter(x => x).join(' · ')));
    li.addEventListener('click', () => showDetail(a));
    return li;
  }
  function renderFeed() {
    const feed = $('feed');
    feed.replaceChildren(...state.alerts.filter(passes).map(a => alertItem(a, false)));
  }
  function addAlert(a) {
    if (state.alerts.some(x => x.alertId === a.alertId)) return;
    state.alerts.unshift(a);
    if (state.alerts.length > MAX_ALERTS) state.alerts.pop();
    if (!state.rules.has(a.ruleId)) {
      state.rules.add(a.ruleId);
      if (state.layout) fillFilters();
    }
    if (passes(a)) {
      $('feed').prepend(alertItem(a, true));
      const items = $('feed').children;
      if (items.length > MAX_ALERTS) items[items.length - 1].remove();
    }
    const tile = state.tiles.get(a.gridId);
    if (tile) tile.classList.add('alerted');
  }
  function showDetail(a) {
    const d = $('detail');
    const f = I18N[state.lang].fields;
    const dept = state.layout && state.layout.departments[a.department];
    const rows = [
      ['alertId', a.alertId], ['level', (I18N[state.lang].levels[a.level] || a.level) + ' (' + a.severity + ')'],
      ['ruleId', a.ruleId], ['ruleSetVersion', a.ruleSetVersion],
      ['department', dept ? nameOf(dept.zh, dept.en) + ' (' + a.department + ')' : a.department],
      ['grid', (a.gridName || '') + ' ' + (a.gridId || '')], ['community', nameOf(a.communityName, null) || a.communityId],
      ['street', nameOf(a.streetName, null) || a.streetId], ['worker', a.workerName || a.workerId],
      ['caseId', a.caseId], ['category', state.lang === 'en' ? a.categoryNameEn : a.categoryName],
      ['eventTime', when(a.eventTime)], ['deadline', when(a.deadline)], ['evidence', (a.evidence || []).join(', ')],
      ['message', state.lang === 'en' ? a.messageEn : a.message]
    ];
    const dl = el('dl');
    for (const [k, v] of rows) {
      if (v === undefined || v === null || String(v).trim() === '') continue;
      dl.appendChild(el('dt', null, f[k]));
      dl.appendChild(el('dd', null, v));
    }
    const close = el('button', null, t('close'));
    close.addEventListener('click', () => d.close());
    d.replaceChildren(el('h2', null, state.lang === 'en' ? a.titleEn : a.title), dl, close);
    d.showModal();
  }

  // ---- counts ----
  function renderCounts() {
    const table = $('counts');
    const c = state.counts;
    if (!c || !state.layout) { table.replaceChildren(); return; }
    $('counts-day').textContent = c.today;
    const head = el('tr');
    head.appendChild(el('th', null, t('department')));
    LEVELS.forEach(l => head.appendChild(el('th', null, I18N[state.lang].levels[l])));
    head.appendChild(el('th', null, t('total')));
    const rows = [head];
    const departments = new Set([...Object.keys(c.todayByDepartment), ...Object.keys(c.averageByDepartment)]);
    for (const id of [...departments].sort()) {
      const tr = el('tr');
      tr.dataset.department = id;
      const n = state.layout.departments[id];
      tr.appendChild(el('td', null, n ? nameOf(n.zh, n.en) : id));
      let total = 0, totalAvg = 0;
      for (const l of LEVELS.concat([null])) {
        const today = l ? (c.todayByDepartment[id] || {})[l] || 0 : total;
        const avg = l ? (c.averageByDepartment[id] || {})[l] || 0 : totalAvg;
        if (l) { total += today; totalAvg += avg; }
        const td = el('td', today > avg ? 'up' : null, String(today));
        td.appendChild(el('span', 'avg', ' / ' + avg.toFixed(1)));
        td.title = t('today') + ' / ' + t('average').replace('{n}', c.days);
        tr.appendChild(td);
      }
      rows.push(tr);
    }
    table.replaceChildren(...rows);
  }

  // ---- map ----
  const bucket = index => index <= 0 ? 0 : index < 1 ? 1 : index < 3 ? 2 : index < 6 ? 3 : 4;
  function colour(gridId) {
    const r = state.risk.get(gridId);
    return bucket(r ? r.index : 0);
  }
  function drawMap() {
    const map = $('map');
    state.tiles.clear();
    const alerted = new Set(state.alerts.map(a => a.gridId));
    if (state.layout.geometry) {
      drawOutlines(map, alerted);
      return;
    }
    let grids = 0;
    const streets = [];
    for (const s of state.layout.streets) {
      const street = el('div', 'street');
      street.dataset.street = s.id;
      street.appendChild(el('h3', null, nameOf(s.name, s.nameEn)));
      const communities = el('div', 'communities');
      for (const c of s.communities) {
        const community = el('div', 'community');
        community.dataset.community = c.id;
        community.appendChild(el('h4', null, nameOf(c.name, c.nameEn)));
        const tiles = el('div', 'tiles');
        for (const g of c.grids) {
          const tile = el('div', 'tile q' + colour(g.id) + (alerted.has(g.id) ? ' alerted' : ''));
          tile.dataset.grid = g.id;
          state.tiles.set(g.id, tile);
          state.places.set(g.id, {name: g.name, community: c, street: s});
          tiles.appendChild(tile);
          grids++;
        }
        community.appendChild(tiles);
        communities.appendChild(community);
      }
      street.appendChild(communities);
      streets.push(street);
    }
    map.classList.toggle('large', grids > 3000);
    map.replaceChildren(...streets);
    rollUp();
  }
  function drawOutlines(map, alerted) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    const rings = f => f.geometry.type === 'Polygon' ? [f.geometry.coordinates]
      : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    for (const f of state.layout.geometry.features) {
      for (const poly of rings(f)) for (const ring of poly) for (const [x, y] of ring) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
    svg.setAttribute('viewBox', `${minX} ${-maxY} ${maxX - minX} ${maxY - minY}`);
    for (const f of state.layout.geometry.features) {
      const id = f.properties && f.properties.gridId;
      const d = rings(f).map(poly => poly.map(ring => 'M' + ring.map(([x, y]) => x + ',' + (-y)).join('L') + 'Z')
        .join('')).join('');
      const path = document.createElementNS(NS, 'path');
      path.setAttribute('d', d);
      path.setAttribute('class', 'tile q' + colour(id) + (alerted.has(id) ? ' alerted' : ''));
      path.dataset.grid = id;
      state.tiles.set(id, path);
      svg.appendChild(path);
    }
    map.replaceChildren(svg);
  }
  function setRisk(r) {
    state.risk.set(r.gridId, r);
    const tile = state.tiles.get(r.gridId);
    if (tile) tile.setAttribute('class', tile.getAttribute('class').replace(/\bq\d\b/, 'q' + bucket(r.index)));
  }
  // a street's and a community's index: the sum of their grids'
  function rollUp() {
    if (!state.layout || state.layout.geometry) return;
    for (const s of state.layout.streets) {
      let street = 0;
      for (const c of s.communities) {
        const sum = c.grids.reduce((n, g) => n + (state.risk.get(g.id) ? state.risk.get(g.id).index : 0), 0);
        street += sum;
        const h = document.querySelector(`[data-community="${c.id}"] > h4`);
        if (h) h.textContent = nameOf(c.name, c.nameEn) + (sum > 0 ? ' ' + sum.toFixed(1) : '');
      }
      const h = document.querySelector(`[data-street="${s.id}"] > h3`);
      if (h) h.textContent = nameOf(s.name, s.nameEn) + (street > 0 ? ' · ' + t('index') + ' ' + street.toFixed(1) : '');
    }
  }
  let rollUpPending = false;
  function rollUpSoon() {
    if (rollUpPending) return;
    rollUpPending = true;
    setTimeout(() => { rollUpPending = false; rollUp(); }, 500);
  }

  // ---- hover ----
  const tooltip = $('tooltip');
  $('map').addEventListener('mousemove', e => {
    const id = e.target.dataset && e.target.dataset.grid;
    if (!id) { tooltip.hidden = true; return; }
    tooltip.style.left = (e.clientX + 14) + 'px';
    tooltip.style.top = (e.clientY + 14) + 'px';
    if (tooltip.dataset.grid !== id) {
      tooltip.dataset.grid = id;
      showTooltip(id, state.alerts.filter(a => a.gridId === id).slice(0, 5));
      fetch('api/grids/' + encodeURIComponent(id)).then(r => r.json()).then(g => {
        if (tooltip.dataset.grid === id) showTooltip(id, g.alerts.slice(0, 5));
      }).catch(() => {});
    }
    tooltip.hidden = false;
  });
  $('map').addEventListener('mouseleave', () => { tooltip.hidden = true; tooltip.dataset.grid = ''; });
  function showTooltip(id, alerts) {
    const place = state.places.get(id);
    const r = state.risk.get(id);
    const lines = [el('strong', null, (place && place.name ? place.name + ' ' : '') + id)];
    if (place) lines.push(el('div', null, nameOf(place.street.name, place.street.nameEn) + ' · '
      + nameOf(place.community.name, place.community.nameEn)));
    lines.push(el('div', null, t('index') + ': ' + (r ? r.index.toFixed(2) + ' (' + when(r.at) + ')' : '0')));
    lines.push(el('div', null, t('recent') + ': ' + (alerts.length ? '' : t('none'))));
    for (const a of alerts) lines.push(el('div', 'lv-' + a.level, '· ' + (state.lang === 'en' ? a.titleEn : a.title)));
    tooltip.replaceChildren(...lines);
  }

  // ---- connection ----
  function showConnection() {
    const lost = !state.stream ? t('streamLost') : !state.broker ? t('brokerLost') : null;
    const banner = $('banner');
    banner.hidden = !lost;
    banner.textContent = lost || '';
    const c = $('connection');
    c.className = 'connection ' + (lost ? 'down' : 'up');
    c.textContent = lost ? t('lost') : t('live');
  }

  function connect() {
    const events = new EventSource('events');
    events.addEventListener('snapshot', e => {
      const s = JSON.parse(e.data);
      state.broker = s.broker;
      state.stream = true;
      state.alerts = [];
      for (const a of s.alerts.slice().reverse()) addAlert(a);
      state.risk.clear();
      s.risk.forEach(r => state.risk.set(r.gridId, r));
      state.counts = s.counts;
      fillFilters();
      drawMap();
      renderFeed();
      renderCounts();
      showConnection();
      if (!window.gridwardenReady) window.gridwardenReady = performance.now();
    });
    events.addEventListener('alert', e => addAlert(JSON.parse(e.data)));
    events.addEventListener('risk', e => { setRisk(JSON.parse(e.data)); rollUpSoon(); });
    events.addEventListener('counts', e => { state.counts = JSON.parse(e.data); renderCounts(); });
    events.addEventListener('status', e => { state.broker = JSON.parse(e.data).broker; showConnection(); });
    events.onopen = () => { state.stream = true; showConnection(); };
    events.onerror = () => { state.stream = false; showConnection(); }; // the browser reconnects by itself
  }

  fetch('api/layout').then(r => r.json()).then(layout => {
    state.layout = layout;
    applyLanguage();
    connect();
  });
})();
