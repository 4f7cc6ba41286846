// The map widget: an offline base map of country shapes (world-atlas), shaded
// by agreements, and partner points clustered by the server. The list beside
// the map is rendered by the server and works without this script.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') return;

  var query = element.dataset.query || '';
  var start = {
    lat: parseFloat(element.dataset.lat || '30'),
    lng: parseFloat(element.dataset.lng || '60'),
    zoom: parseInt(element.dataset.zoom || '2', 10)
  };
  // Without a tile layer Leaflet knows no zoom limits; clustering needs them.
  var map = L.map(element, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 1 })
    .setView([start.lat, start.lng], start.zoom);
  if (element.dataset.tileUrl) {
    L.tileLayer(element.dataset.tileUrl, { maxZoom: 14 }).addTo(map);
  }
  map.attributionControl.addAttribution('Country shapes: Natural Earth via world-atlas');

  function api(path, extra) {
    var parts = [query, extra].filter(function (p) { return p; });
    return fetch(path + (parts.length ? '?' + parts.join('&') : ''), { headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  // Rings that cross ±180° jump by ~360° between two points; unwrapping the
  // longitudes keeps Leaflet from drawing a band across the whole world.
  function unwrap(ring) {
    var out = [], offset = 0;
    for (var i = 0; i < ring.length; i++) {
      if (i > 0) {
        var delta = ring[i][0] - ring[i - 1][0];
        if (delta > 180) offset -= 360; else if (delta < -180) offset += 360;
      }
      out.push([ring[i][0] + offset, ring[i][1]]);
    }
    return out;
  }
  function unwrapGeometry(g) {
    if (g.type === 'Polygon') g.coordinates = g.coordinates.map(unwrap);
    if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(function (p) { return p.map(unwrap); });
    return g;
  }

  // world-atlas identifies countries by ISO 3166-1 numeric code; the API by
  // alpha-2. country-codes.json (generated from ISO 3166) maps one to the other.
  var shades = ['#eef2f7', '#cfe0f1', '#9fc2e3', '#6a9fd0', '#3b7bbd', '#1d5a9a'];
  function shade(n) { return shades[Math.min(shades.length - 1, n === 0 ? 0 : Math.ceil(Math.log2(n + 1)))]; }

  Promise.all([
    fetch('/assets/vendor/countries-110m.json').then(function (r) { return r.json(); }),
    fetch('/assets/country-codes.json').then(function (r) { return r.json(); }),
    api('/api/v1/map/countries')
  ]).then(function (results) {
    var world = results[0], numericToAlpha2 = results[1], counts = results[2];
    var shapes = topojson.feature(world, world.objects.countries);
    shapes.features.forEach(function (f) { unwrapGeometry(f.geometry); });
    L.geoJSON(shapes, {
      interactive: false,
      style: function (f) {
        var c = counts[numericToAlpha2[f.id]] || { active_agreements: 0 };
        return { color: '#8a99ab', weight: 0.6, fillColor: shade(c.active_agreements), fillOpacity: 1 };
      }
    }).addTo(map).bringToBack();
  }).catch(function () { /* the points still show without the base map */ });

  var points = L.layerGroup().addTo(map);
  function link(href, text) {
    var a = document.createElement('a');
    a.href = href; a.textContent = text;
    return a;
  }
  function popup(p) {
    var box = document.createElement('div');
    var h = document.createElement('strong');
    h.appendChild(link('/organisations/' + encodeURIComponent(p.id), p.name));
    box.appendChild(h);
    if (p.city) { var c = document.createElement('div'); c.textContent = p.city; box.appendChild(c); }
    var items = (p.agreements || []).map(function (a) { return link('/agreements/' + encodeURIComponent(a.id), a.title + ' (' + a.status + ')'); })
      .concat((p.programmes || []).map(function (x) { return link('/programmes/' + encodeURIComponent(x.id), x.title); }));
    if (items.length) {
      var ul = document.createElement('ul');
      items.forEach(function (a) { var li = document.createElement('li'); li.appendChild(a); ul.appendChild(li); });
      box.appendChild(ul);
    }
    return box;
  }
  function clusterIcon(count) {
    var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
    return L.divIcon({ html: '<div><span>' + count + '</span></div>', className: 'marker-cluster marker-cluster-' + size, iconSize: L.point(40, 40) });
  }
  var pointIcon = L.divIcon({ className: 'partner-dot', iconSize: L.point(14, 14) });

  function remember() {
    var c = map.getCenter();
    var view = 'lat=' + c.lat.toFixed(4) + '&lng=' + c.lng.toFixed(4) + '&zoom=' + map.getZoom();
    history.replaceState(null, '', '/map?' + [query, view].filter(function (p) { return p; }).join('&'));
  }

  var pending = 0;
  function refresh() {
    var b = map.getBounds();
    var bbox = [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())].map(function (v) { return v.toFixed(4); }).join(',');
    var ticket = ++pending;
    api('/api/v1/map', 'bbox=' + bbox + '&zoom=' + map.getZoom()).then(function (data) {
      if (ticket !== pending) return;
      points.clearLayers();
      data.features.forEach(function (f) {
        var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var p = f.properties;
        if (p.cluster && p.partners) {
          var box = document.createElement('div');
          p.partners.forEach(function (one) { box.appendChild(popup(one)); });
          if (p.count > p.partners.length) {
            var more = document.createElement('p');
            more.textContent = (p.count - p.partners.length) + ' more here: see the list beside the map.';
            box.appendChild(more);
          }
          L.marker(ll, { icon: clusterIcon(p.count), title: p.count + ' partners here', keyboard: true })
            .bindPopup(box)
            .addTo(points);
        } else if (p.cluster) {
          L.marker(ll, { icon: clusterIcon(p.count), title: p.count + ' partners: zoom in', keyboard: true })
            .on('click', function () { map.setView(ll, p.expansion_zoom); })
            .addTo(points);
        } else {
          L.marker(ll, { icon: pointIcon, title: p.name, alt: p.name, keyboard: true })
            .bindPopup(popup(p))
            .addTo(points);
        }
      });
    }).catch(function () { /* keep the last points on a failed refresh */ });
    remember();
  }
  map.on('moveend', refresh);
  refresh();
})();
