// The map widget: partner points clustered by the server over the base map
// (map-base.js). It opens on the partners the filters select, applies filters
// without reloading the page, keeps filters and view in the address, lists
// partners sharing a town in one popup, and lights up list and markers
// together. The list beside the map is rendered by the server and works
// without this script.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined' || !window.KizunaMapBase) return;
  var form = document.getElementById('map-filters');
  var filterBox = document.getElementById('map-filter-box');
  var listBox = document.getElementById('map-list');
  var status = document.getElementById('map-status');
  var legend = document.getElementById('map-legend');
  // The page's texts, in its language (JSON in a data attribute; English if absent).
  var texts = {
    shapes: 'Country shapes: Natural Earth via world-atlas', here: '{count} partners here',
    more: '{count} more here: see the list with the map.', zoomApart: 'Zoom in to see them apart',
    openList: '{count} partners here: open the list', zoomIn: '{count} partners: zoom in',
    found: '{result} found', status: {}
  };
  try {
    var given = JSON.parse(document.getElementById('map-messages').dataset.messages);
    Object.keys(given).forEach(function (k) { texts[k] = given[k]; });
  } catch (e) { /* the English above */ }
  function say(key, values) {
    return texts[key].replace(/\{(\w+)\}/g, function (all, name) { return values && name in values ? values[name] : all; });
  }

  // Laptops see the filters; phones see the map first and open "Filters (n)".
  if (filterBox && window.matchMedia('(min-width: 60rem)').matches) {
    filterBox.open = true;
    filterBox.classList.add('is-pinned');
  }
  if (legend) legend.hidden = false;

  var query = element.dataset.query || '';
  var focusId = element.dataset.focus || null;
  var tileUrl = element.dataset.tileUrl;
  // Framing stops where the base map still shows the place: country shapes
  // tell little closer than a region, tiles show a city.
  var FIT = { padding: [32, 32], maxZoom: tileUrl ? 12 : 5 };
  // Without a tile layer Leaflet knows no zoom limits; clustering needs them.
  var map = L.map(element, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 1 });
  window.kizunaMap = map;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 14, attribution: element.dataset.tileAttribution || '' }).addTo(map);
  }
  map.attributionControl.addAttribution(say('shapes'));
  var base = window.KizunaMapBase.create(map, Boolean(tileUrl));

  // "west,south,east,north" (west > east across ±180°) as Leaflet bounds.
  function toBounds(v) {
    var east = v[2] < v[0] ? v[2] + 360 : v[2];
    return L.latLngBounds([v[1], v[0]], [v[3], east]);
  }
  function frame(text) {
    if (text) map.fitBounds(toBounds(text.split(',').map(parseFloat)), FIT);
    else map.setView([30, 60], 2);
  }
  if (element.dataset.lat && element.dataset.lng) {
    map.setView([parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)], parseInt(element.dataset.zoom || '2', 10));
  } else {
    frame(element.dataset.frame);
  }

  function withQuery(path, extra) {
    var parts = [query, extra].filter(function (p) { return p; });
    return path + (parts.length ? '?' + parts.join('&') : '');
  }
  function json(path, extra) {
    return fetch(withQuery(path, extra), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  function shadeCountries() { json('/api/v1/map/countries').then(base.shade).catch(function () { /* unshaded */ }); }
  base.ready.then(function () {
    element.dataset.base = 'drawn';
    shadeCountries();
  }).catch(function () { /* the points still show without the base map */ });

  // ---- list and markers light up together --------------------------------
  var markersById = {};
  // The partner a "see on the map" link names comes lit from the server.
  var lit = focusId && document.getElementById('partner-' + focusId) ? [document.getElementById('partner-' + focusId)] : [];
  function listItem(id) { return document.getElementById('partner-' + id); }
  function unlight() {
    lit.forEach(function (el) { el.classList.remove('is-highlighted'); });
    lit = [];
  }
  function light(elements) {
    unlight();
    lit = elements.filter(Boolean);
    lit.forEach(function (el) { el.classList.add('is-highlighted'); });
  }
  // Scrolls the list (not the page) when it scrolls on its own, beside the map.
  function reveal(item) {
    if (!item || !listBox || listBox.scrollHeight <= listBox.clientHeight) return;
    var top = item.offsetTop - listBox.offsetTop;
    if (top < listBox.scrollTop || top + item.offsetHeight > listBox.scrollTop + listBox.clientHeight) {
      listBox.scrollTop = top - 8;
    }
  }
  function lightItems(ids) {
    var items = ids.map(listItem);
    light(items);
    reveal(items.filter(Boolean)[0]);
  }
  function onListEvent(event) {
    var item = event.target.closest && event.target.closest('li[data-partner]');
    if (!item) return;
    var marker = markersById[item.dataset.partner];
    var el = marker && marker.getElement();
    light([item, el]);
    if (marker) marker.setZIndexOffset(1000);
  }
  function offList(event) {
    var item = event.target.closest && event.target.closest('li[data-partner]');
    if (!item || item.contains(event.relatedTarget)) return;
    var marker = markersById[item.dataset.partner];
    if (marker) marker.setZIndexOffset(0);
    unlight();
  }
  if (listBox) {
    listBox.addEventListener('mouseover', onListEvent);
    listBox.addEventListener('focusin', onListEvent);
    listBox.addEventListener('mouseout', offList);
    listBox.addEventListener('focusout', offList);
  }

  // ---- markers and popups --------------------------------------------------
  var points = L.layerGroup().addTo(map);
  function link(href, text) {
    var a = document.createElement('a');
    a.href = href; a.textContent = text;
    return a;
  }
  function popup(p) {
    var box = document.createElement('div');
    box.className = 'partner-popup';
    var h = document.createElement('strong');
    h.appendChild(link('/organisations/' + encodeURIComponent(p.id), p.name));
    box.appendChild(h);
    if (p.city) { var c = document.createElement('div'); c.textContent = p.city; box.appendChild(c); }
    var items = (p.agreements || []).map(function (a) { return link('/agreements/' + encodeURIComponent(a.id), a.title + ' (' + (texts.status[a.status] || a.status) + ')'); })
      .concat((p.programmes || []).map(function (x) { return link('/programmes/' + encodeURIComponent(x.id), x.title); }));
    if (items.length) {
      var ul = document.createElement('ul');
      items.forEach(function (a) { var li = document.createElement('li'); li.appendChild(a); ul.appendChild(li); });
      box.appendChild(ul);
    }
    return box;
  }
  // Partners sharing a spot or a town open together, in one popup.
  function spotPopup(p) {
    var box = document.createElement('div');
    box.className = 'spot-popup';
    var h = document.createElement('p');
    h.className = 'spot-popup-title';
    h.textContent = say('here', { count: p.count });
    box.appendChild(h);
    p.partners.forEach(function (one) { box.appendChild(popup(one)); });
    if (p.count > p.partners.length) {
      var more = document.createElement('p');
      more.textContent = say('more', { count: p.count - p.partners.length });
      box.appendChild(more);
    }
    if (p.expansion_zoom) {
      var zoom = document.createElement('button');
      zoom.type = 'button';
      zoom.className = 'spot-zoom';
      zoom.textContent = say('zoomApart');
      zoom.addEventListener('click', function () { map.closePopup(); map.fitBounds(toBounds(p.bounds), { padding: FIT.padding, maxZoom: 14 }); });
      box.appendChild(zoom);
    }
    return box;
  }
  function clusterIcon(count) {
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    return L.divIcon({ html: '<div><span>' + count + '</span></div>', className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40) });
  }
  var pointIcon = L.divIcon({ className: 'partner-dot', iconSize: L.point(24, 24) });

  function memberIds(p) {
    if (!p.cluster) return [p.id];
    if (p.partners) return p.partners.map(function (x) { return x.id; });
    return p.ids || [];
  }
  function addMarker(f) {
    var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
    var p = f.properties;
    var marker;
    if (p.cluster && p.partners) {
      marker = L.marker(ll, { icon: clusterIcon(p.count), title: say('openList', { count: p.count }), keyboard: true }).bindPopup(spotPopup(p));
    } else if (p.cluster) {
      marker = L.marker(ll, { icon: clusterIcon(p.count), title: say('zoomIn', { count: p.count }), keyboard: true })
        .on('click', function () { map.fitBounds(toBounds(p.bounds), { padding: FIT.padding, maxZoom: p.expansion_zoom || 14 }); });
    } else {
      marker = L.marker(ll, { icon: pointIcon, title: p.name, keyboard: true }).bindPopup(popup(p));
    }
    marker.addTo(points);
    var ids = memberIds(p);
    var el = marker.getElement();
    // A cluster's text is its number; its name says what selecting it does.
    el.setAttribute('aria-label', marker.options.title);
    el.dataset.partners = ids.join(' ');
    function on() { lightItems(ids); light(lit.concat([el])); }
    el.addEventListener('mouseenter', on);
    el.addEventListener('focus', on);
    el.addEventListener('mouseleave', unlight);
    el.addEventListener('blur', unlight);
    return marker;
  }

  // An embedded map keeps its frame's address: the full page lives on the site.
  var embedded = 'embed' in element.dataset;
  function remember() {
    if (embedded) return;
    var c = map.getCenter();
    var view = 'lat=' + c.lat.toFixed(4) + '&lng=' + c.lng.toFixed(4) + '&zoom=' + map.getZoom();
    history.replaceState(null, '', withQuery('/map', view));
  }

  var drawn = {};
  function keyOf(f) {
    var p = f.properties;
    return [query, f.geometry.coordinates.join(','), p.count, p.partners ? 'list' : 'zoom', memberIds(p).join(' ')].join('|');
  }

  var pending = 0;
  function refresh() {
    var b = map.getBounds();
    var bbox = [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())].map(function (v) { return v.toFixed(4); }).join(',');
    var ticket = ++pending;
    element.setAttribute('aria-busy', 'true');
    json('/api/v1/map', 'bbox=' + bbox + '&zoom=' + map.getZoom()).then(function (data) {
      if (ticket !== pending) return;
      // Markers drawn already stay (an open popup with them); the rest go.
      var next = {};
      markersById = {};
      data.features.forEach(function (f) {
        var key = keyOf(f);
        var marker = next[key] = drawn[key] || addMarker(f);
        memberIds(f.properties).forEach(function (id) { markersById[id] = marker; });
      });
      Object.keys(drawn).forEach(function (key) { if (!next[key]) points.removeLayer(drawn[key]); });
      drawn = next;
      element.dataset.loaded = String(ticket);
      element.removeAttribute('aria-busy');
      if (focusId && markersById[focusId]) {
        markersById[focusId].openPopup();
        focusId = null;
      }
    }).catch(function () { /* keep the last points on a failed refresh */ });
    remember();
  }
  map.on('moveend', refresh);
  refresh();

  // ---- filters without a reload -------------------------------------------
  function formQuery() {
    var pairs = [];
    new FormData(form).forEach(function (value, key) {
      if (value) pairs.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
    });
    return pairs.join('&');
  }
  var applying = 0;
  // The server renders the list for the new filters (the same markup as a
  // plain submit) and tells the box that frames them; the map follows.
  function apply() {
    var next = formQuery();
    var ticket = ++applying;
    // In the page's own language, whatever the cookie says by now.
    var lang = document.documentElement.lang;
    var asked = [next, lang ? 'lang=' + encodeURIComponent(lang) : ''].filter(function (p) { return p; }).join('&');
    fetch('/map' + (asked ? '?' + asked : ''), { headers: { Accept: 'text/html' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        if (ticket !== applying) return;
        var page = new DOMParser().parseFromString(html, 'text/html');
        var list = page.getElementById('map-list');
        var count = page.getElementById('filter-count');
        var fresh = page.getElementById('map');
        if (!list || !fresh) throw new Error('unexpected page');
        query = next;
        listBox.innerHTML = list.innerHTML;
        listBox.scrollTop = 0;
        if (count) document.getElementById('filter-count').textContent = count.textContent;
        var heading = page.getElementById('list-h');
        if (status && heading) status.textContent = say('found', { result: heading.textContent.trim() });
        shadeCountries();
        frame(fresh.dataset.frame);
        refresh();
      })
      // Should the page not come, the plain form submit still works.
      .catch(function () { form.submit(); });
  }
  if (form) {
    form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
    form.addEventListener('change', apply);
    var reset = form.querySelector('.reset');
    if (reset) {
      reset.addEventListener('click', function (event) {
        event.preventDefault();
        Array.prototype.forEach.call(form.querySelectorAll('select'), function (s) { s.value = ''; });
        apply();
      });
    }
  }
})();
