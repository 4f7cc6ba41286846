// The map's base layers: country shapes from world-atlas (offline), shaded by
// the number of partners, and country names at zooms where they fit. With a
// configured tile layer the tiles carry the place names, so the shading turns
// translucent and the labels stay off. Exposes window.KizunaMapBase.
(function () {
  'use strict';

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
  function outerRings(g) {
    if (g.type === 'Polygon') return [g.coordinates[0]];
    if (g.type === 'MultiPolygon') return g.coordinates.map(function (p) { return p[0]; });
    return [];
  }
  function unwrapGeometry(g) {
    if (g.type === 'Polygon') g.coordinates = g.coordinates.map(unwrap);
    if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(function (p) { return p.map(unwrap); });
    return g;
  }

  // Where a country's name goes: the centroid of its largest outer ring (the
  // mainland, not an overseas island), with that ring's size in degrees.
  function labelSpot(g) {
    var best = null;
    outerRings(g).forEach(function (ring) {
      var area = 0, x = 0, y = 0, west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
      for (var i = 0; i < ring.length - 1; i++) {
        var a = ring[i], b = ring[i + 1], cross = a[0] * b[1] - b[0] * a[1];
        area += cross; x += (a[0] + b[0]) * cross; y += (a[1] + b[1]) * cross;
        west = Math.min(west, a[0]); east = Math.max(east, a[0]);
        south = Math.min(south, a[1]); north = Math.max(north, a[1]);
      }
      if (area === 0) return;
      if (!best || Math.abs(area) > best.area) {
        best = { area: Math.abs(area), lng: x / (3 * area), lat: y / (3 * area), width: east - west, height: north - south };
      }
    });
    return best;
  }

  // One shade per doubling: 0, 1, 2–3, 4–7, 8–15, 16+ (the legend says so).
  var shades = ['#eef2f7', '#cfe0f1', '#9fc2e3', '#6a9fd0', '#3b7bbd', '#1d5a9a'];
  function shadeIndex(n) { return Math.min(shades.length - 1, n > 0 ? Math.ceil(Math.log2(n + 1)) : 0); }

  /** Draws the base map on `map`; `withTiles` when a tile layer lies beneath. */
  function create(map, withTiles) {
    var shapes = null, codes = {}, counts = {};
    var labels = L.layerGroup();
    var spots = [];
    map.createPane('labels');
    // Names repeat what the list and the country pages say in text; screen readers skip them.
    map.getPane('labels').setAttribute('aria-hidden', 'true');

    function style(f) {
      var c = counts[codes[f.id]] || { partners: 0 };
      var n = c.partners || 0;
      if (withTiles) {
        return { color: '#3b7bbd', weight: n ? 0.8 : 0, fillColor: shades[shadeIndex(n)], fillOpacity: n ? 0.35 : 0 };
      }
      return { color: '#8a99ab', weight: 0.6, fillColor: shades[shadeIndex(n)], fillOpacity: 1 };
    }

    // A name shows when its country is wide and tall enough on screen at this zoom.
    function showLabels() {
      var scale = 256 * Math.pow(2, map.getZoom()) / 360;
      spots.forEach(function (s) {
        var fits = s.spot.width * scale >= s.name.length * 6.5 + 10 && s.spot.height * scale >= 16;
        if (fits && !labels.hasLayer(s.marker)) labels.addLayer(s.marker);
        if (!fits && labels.hasLayer(s.marker)) labels.removeLayer(s.marker);
      });
    }

    var ready = Promise.all([
      fetch('/assets/vendor/countries-110m.json').then(function (r) { return r.json(); }),
      fetch('/assets/country-codes.json').then(function (r) { return r.json(); }),
      withTiles ? Promise.resolve({}) : fetch('/map/country-names.json?lang=' + encodeURIComponent(document.documentElement.lang || 'en')).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var world = results[0], names = results[2];
      codes = results[1];
      var features = topojson.feature(world, world.objects.countries);
      features.features.forEach(function (f) { unwrapGeometry(f.geometry); });
      shapes = L.geoJSON(features, { interactive: false, style: style }).addTo(map);
      shapes.bringToBack();
      if (withTiles) return;
      features.features.forEach(function (f) {
        var name = names[codes[f.id]];
        var spot = labelSpot(f.geometry);
        if (!name || !spot) return;
        var icon = L.divIcon({ className: 'country-label', html: '', iconSize: null });
        var marker = L.marker([spot.lat, spot.lng], { icon: icon, pane: 'labels', interactive: false, keyboard: false });
        marker.on('add', function () { marker.getElement().textContent = name; });
        spots.push({ name: name, spot: spot, marker: marker });
      });
      labels.addTo(map);
      showLabels();
      map.on('zoomend', showLabels);
    });

    return {
      ready: ready,
      /** Shades countries by the partners the filters select. */
      shade: function (next) {
        counts = next || {};
        if (shapes) shapes.setStyle(style);
      }
    };
  }

  window.KizunaMapBase = { create: create };
})();
