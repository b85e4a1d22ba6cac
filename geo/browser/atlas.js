/* Karabakh Atlas: the map's constant code, the same for every map. The app serves it from its static folder under a
   name with its content's hash (geo.assets), so a browser may keep it; the exported HTML inlines it. Each map's own
   script holds only data and calls these functions with it (geo.mapping). Text from data is always set as text. */
window.atlas = {};

// The page's own constant styles (geo/browser/page.css, handed in by geo.assets at the end of this script), put into
// the page around the map once, before the map draws: so the page's first run needs no style element of its own,
// whose code the browser would fetch and run before it made the map's frame. Only in the app's map frame (same
// origin): an exported map is the page itself, or in a frame of another page.
atlas.dressPage = function (css) {
  var frame = window.frameElement;
  if (!frame || frame.title !== "streamlit_folium.st_folium") return;
  var page = frame.ownerDocument;
  if (page.getElementById("atlas-page-style")) return;
  var style = page.createElement("style");
  style.id = "atlas-page-style";
  style.textContent = css;
  page.head.appendChild(style);
};

// Geometry arrives packed (geo.mapping.compact_geometry, compact_collection): `atlas.unpacking(digits, depths)` says
// how, once per map, and `atlas.unpack(collection)` turns a FeatureCollection of packed geometries into GeoJSON.
atlas.unpacking = function (digits, depths) {
  var values = {};
  digits.split("").forEach(function (digit, value) { values[digit] = value; });
  // Zigzag-coded numbers of 5 bits a digit, the 6th bit saying more follow.
  function numbers(text) {
    var result = [], value = 0, factor = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = values[text.charAt(i)];
      value += (digit & 31) * factor;
      factor *= 32;
      if (!(digit & 32)) {
        result.push(value % 2 ? -(value + 1) / 2 : value / 2);
        value = 0;
        factor = 1;
      }
    }
    return result;
  }
  // Positions (degrees) from their steps, the first step taken from `from` (on the grid; left at the last position).
  function walk(text, from, scale) {
    var steps = numbers(text), result = [];
    for (var i = 0; i < steps.length; i += 2) {
      from[0] += steps[i];
      from[1] += steps[i + 1];
      result.push([from[0] / scale, from[1] / scale]);
    }
    return result;
  }
  function nest(packed, depth, line) {
    if (depth > 1) return packed.map(function (part) { return nest(part, depth - 1, line); });
    var positions = line(packed);
    return depth ? positions : positions[0];
  }
  atlas.unpack = function (collection) {
    // The shared arcs (a space between two), each begun where the one before it ended.
    var end = [0, 0], scale = Math.pow(10, collection.digits);
    var arcs = (collection.arcs || "").split(" ").map(function (text) { return walk(text, end, scale); });
    // A ring or line: its arcs end to end (~i: arc i backwards).
    function joined(refs) {
      var positions = [];
      numbers(refs).forEach(function (ref) {
        var arc = ref < 0 ? arcs[~ref].slice().reverse() : arcs[ref];
        positions = positions.concat(positions.length ? arc.slice(1) : arc);
      });
      return positions;
    }
    collection.features.forEach(function (feature) {
      var g = feature.geometry, depth = depths[g.type];
      feature.geometry = {type: g.type, coordinates: g.arcs ? nest(g.arcs, depth, joined) : nest(g.packed, depth,
        function (text) { return walk(text, [0, 0], Math.pow(10, g.digits)); })};
    });
    return collection;
  };
};

// The countries' outlines, inert: a backdrop the browser draws as one SVG path over their bounds (L.svgOverlay), the
// outlines projected here once (Leaflet's own Web Mercator, to metres) and scaled by the browser at every zoom. Drawn
// as Leaflet's vector layers they were projected, clipped and simplified point by point, then again at each zoom:
// ~20-30 ms of the first map's frame for 2,400 points. The stroke keeps its width at any zoom, as Leaflet's does
// (vector-effect). Returns the layer; its setStyle restyles the outlines (atlas.tileFallback).
atlas.countries = function (map, config) {
  var features = atlas.unpack(config.data).features, mercator = L.Projection.SphericalMercator;
  var rings = [], west = Infinity, east = -Infinity, south = Infinity, north = -Infinity;
  function ring(positions) {
    rings.push(positions.map(function (position) {
      var p = mercator.project({lat: position[1], lng: position[0]});
      west = Math.min(west, p.x); east = Math.max(east, p.x); south = Math.min(south, p.y); north = Math.max(north, p.y);
      return p;
    }));
  }
  features.forEach(function (feature) {
    var g = feature.geometry;
    (g.type === "Polygon" ? [g.coordinates] : g.coordinates).forEach(function (polygon) { polygon.forEach(ring); });
  });
  // In whole units (geo.mapping.COUNTRY_UNIT_M) from the north-west corner: at most a quarter of a pixel off.
  var unit = config.unit, d = rings.map(function (points) {
    return "M" + points.map(function (p) {
      return Math.round((p.x - west) / unit) + " " + Math.round((north - p.y) / unit);
    }).join("L") + "Z";
  }).join("");
  var svg = L.SVG.create("svg"), path = L.SVG.create("path");
  svg.setAttribute("viewBox", "0 0 " + Math.round((east - west) / unit) + " " + Math.round((north - south) / unit));
  svg.setAttribute("preserveAspectRatio", "none");
  path.setAttribute("d", d);
  // Leaflet's own attributes for a path (L.SVG._updateStyle), and a stroke of the same width at every zoom.
  [["fill-rule", "evenodd"], ["stroke-linecap", "round"], ["stroke-linejoin", "round"],
   ["vector-effect", "non-scaling-stroke"]].forEach(function (a) { path.setAttribute(a[0], a[1]); });
  svg.appendChild(path);
  // The corners of the rounded viewBox, so that the browser's scaling puts every point where Leaflet would.
  var corner = L.point(west + Math.round((east - west) / unit) * unit, north - Math.round((north - south) / unit) * unit);
  var bounds = L.latLngBounds(mercator.unproject(corner), mercator.unproject(L.point(west, north)));
  var layer = L.svgOverlay(svg, bounds, {interactive: false});
  layer.setStyle = function (style) {
    style = Object.assign({opacity: 1, fillOpacity: 0.2, fillColor: style.color}, style);
    [["stroke", style.color], ["stroke-opacity", style.opacity], ["stroke-width", style.weight],
     ["fill", style.fillColor], ["fill-opacity", style.fillOpacity]].forEach(function (a) {
      path.setAttribute(a[0], a[1]);
    });
    return layer;
  };
  layer.features = features;  // what it draws, as the page unpacked it
  return layer.setStyle(config.style).addTo(map);
};

// Rivers, lakes, the old Lachin road and the towns' names: under the places and inert. A town shows from its zoom on,
// named in the view's language where its name is known in it, else in English; names are set as text.
atlas.context = function (map, config) {
  var styles = config.styles, towns = config.towns;
  map.getContainer().style.setProperty("--atlas-town-dot", config.townDot);
  L.geoJSON(atlas.unpack(config.shapes), {
    interactive: false,
    style: function (feature) {
      var p = feature.properties;
      return Object.assign({className: "context-" + p.kind + " " + p.id}, styles[p.kind]);
    }
  }).addTo(map);
  var labels = towns.map(function (town) {
    var label = document.createElement("span");
    label.className = "atlas-town atlas-town-" + town[3];
    var marker = L.marker([town[0], town[1]], {
      interactive: false, keyboard: false,
      icon: L.divIcon({className: "atlas-town-icon", iconSize: [0, 0], html: label})
    });
    return {marker: marker, label: label, zoom: town[2], names: town[4]};
  });
  // A town is on the map from its zoom on: one that would not show is not laid out (its label, named, waits).
  function show() {
    var zoom = map.getZoom();
    labels.forEach(function (l) {
      if (zoom >= l.zoom) { if (!map.hasLayer(l.marker)) l.marker.addTo(map); } else { l.marker.remove(); }
    });
  }
  var named = null;  // the language the labels are in: a view in the same language renames nothing
  function rename(view) {
    if (view.lang === named) return;
    named = view.lang;
    labels.forEach(function (l) {
      var lang = l.names[view.lang] ? view.lang : "en";
      l.label.textContent = l.names[lang];
      l.label.lang = lang;
    });
  }
  rename({lang: "en"});  // before the labels are on the page: the page lays out each name once
  map.on("zoomend", show);
  show();
  (window.atlasViewListeners = window.atlasViewListeners || []).push(rename);
};

// The country names ([name as HTML text, lat, lon]), as non-interactive div markers.
atlas.countryLabels = function (map, labels) {
  labels.forEach(function (l) {
    L.marker([l[1], l[2]], {
      interactive: false,
      icon: L.divIcon({className: "empty", iconSize: [120, 20], html: '<div class="country-label">' + l[0] + "</div>"})
    }).addTo(map);
  });
};

// Every place, clickable (geo.mapping._Places says what it does and why).
atlas.places = function (map, config) {
  var view = {shown: null, selected: null, lang: "en", asof: null}, styles = {};
  // Each place's style, with a stable CSS hook on its SVG path: tests and embedders find a place by it.
  Object.keys(config.styleOf).forEach(function (id) {
    styles[id] = Object.assign({className: "place-" + id}, config.styles[config.styleOf[id]]);
  });
  var selectedStyle = config.selectedStyle, hoverStyle = config.hoverStyle;
  // Who held each place when ([from, status, until] periods, ISO dates) and when each place existed: the map
  // restyles itself for any date from these few kilobytes, with no geometry sent again.
  var control = config.control, exists = config.exists, controlStyles = config.controlStyles;
  var statuses = Object.keys(controlStyles);
  // The same rule as geo.query.control_on: the last period begun by the date, unless the place had ended.
  function statusOn(id, date) {
    var periods = control[id] || [], current = null;
    for (var i = 0; i < periods.length && periods[i][0] <= date; i++) current = periods[i];
    return current && !(current[2] && date > current[2]) ? current[1] : null;
  }
  function existsOn(id, date) {
    var span = exists[id];
    return !span || ((!span[0] || span[0] <= date) && (!span[1] || date <= span[1]));
  }
  // What each place was last styled for (styleKey: its status on the view's date, whether it is selected), and the
  // status its classes name (control-*): draw() rewrites a place's path only where that changed. The places are made
  // in the first view's style (add); a date step restyles the places whose side changed. A hover's style is none of
  // these: it clears the place's key.
  var styledFor = {}, classedFor = {};
  function styleKey(id, status) { return status + " " + (id === view.selected); }
  // Made empty: the places are added, and styled once, by the first view (see draw).
  var places = L.geoJSON(null, {
    // A point is a circle (a path, like the areas: it takes the same classes and styles); Leaflet's default
    // would be a marker image.
    pointToLayer: function (feature, latlng) { return L.circleMarker(latlng); },
    style: function (feature) {
      var id = feature.properties.id, status = view.asof ? statusOn(id, view.asof) : null;
      styledFor[id] = styleKey(id, status);
      var style = status ? Object.assign({}, styles[id], controlStyles[status]) : styles[id];
      return id === view.selected ? Object.assign({}, style, selectedStyle) : style;
    }
  });
  // One tooltip and one pair of hover handlers for the whole layer (Leaflet hands them the place under the pointer),
  // not one of each per place built before the first paint. Names are data: they reach the page as text, never HTML.
  places.bindTooltip(function (layer) {
    var names = layer.feature.properties.names, label = document.createElement("span");
    label.textContent = names[view.lang] || names.en;
    return label;
  }, {sticky: true});
  places.on({
    mouseover: function (event) {
      event.layer.setStyle(hoverStyle);
      delete styledFor[event.layer.feature.properties.id];
    },
    mouseout: function (event) { places.resetStyle(event.layer); }
  });
  // The places are drawn in the first view's style, not drawn in their plain style and at once restyled for the view
  // (the page's first view has a date: every place takes its side's colours). The view comes in the same task as the
  // map's own script (st_folium runs its layers right after it; the exported map has one script), before any paint.
  var added = false;
  function add() {
    added = true;
    places.addData(atlas.unpack(config.data)).addTo(map);
    // The hatch that fills a place split between the sides: stripes of both sides' colours.
    var svg = places.getLayers()[0].getElement().ownerSVGElement;
    svg.insertAdjacentHTML("afterbegin", config.hatch);
  }
  // A map given no view draws its places in their plain style, once its script has run.
  Promise.resolve().then(function () { if (!added) draw(); });
  function draw() {
    if (!added) add();
    places.eachLayer(function (layer) {
      var id = layer.feature.properties.id, path = layer.getElement();
      var shown = (!view.shown || view.shown.indexOf(id) >= 0) && (!view.asof || existsOn(id, view.asof));
      // Hidden rather than removed: a path added back would be drawn over the layers added after it.
      var display = shown ? "" : "none";
      if (path.style.display !== display) path.style.display = display;
      var status = view.asof ? statusOn(id, view.asof) : null;
      if (styledFor[id] !== styleKey(id, status)) places.resetStyle(layer);
      if (classedFor[id] === status) return;
      classedFor[id] = status;
      statuses.forEach(function (s) { path.classList.toggle("control-" + s, s === status); });
    });
    (window.atlasViewListeners || []).forEach(function (listener) { listener(view); });
    showPanel(view.selected);
  }
  // The page holds every place's panel and shows the one its <html> element names (geo.panel.panel_css): named here,
  // the clicked place's panel shows at once, before the click's run answers. An exported map has no page around it.
  function showPanel(id) {
    if (window.parent === window) return;
    try {
      window.parent.document.documentElement.setAttribute(config.selectedAttribute, id || "");
    } catch (e) {}
  }
  // The view Python gave; the play control (atlas.player) shows other dates over it, then returns to it.
  var given = view;
  window.atlasPlay = function (date) { view = date ? Object.assign({}, view, {asof: date}) : given; draw(); };
  function sendClick(id) {
    var data = window.__GLOBAL_DATA__, keys = config.returned;
    if (!window.Streamlit || !data || !data.returned_objects ||
        data.returned_objects.some(function (key) { return keys.indexOf(key) < 0; })) return;
    // Python needs the place's id, not its shape (up to 10 KB) sent back.
    data.last_active_drawing = {type: "Feature", properties: {id: id}};
    var value = {};
    keys.forEach(function (key) { if (data.returned_objects.indexOf(key) >= 0) value[key] = data[key]; });
    if (JSON.stringify(value) === JSON.stringify(data.previous_data)) return;
    data.previous_data = value;
    window.Streamlit.setComponentValue(value);
  }
  // A selection that did not come from a click here (a search, a link, the panel) flies the map to the place; a
  // click already selected it (view.selected), so its rerun's view does not move the map. The first view (the page
  // opening on a link) jumps there at once.
  var opened = false;
  function flyTo(id) {
    var layer = places.getLayers().find(function (l) { return l.feature.properties.id === id; });
    if (!layer) return;
    var bounds = layer.getBounds ? layer.getBounds() : L.latLngBounds([layer.getLatLng()]);
    var options = {maxZoom: config.flyMaxZoom, padding: [config.flyPadding, config.flyPadding]};
    if (opened) { map.flyToBounds(bounds, options); } else { map.fitBounds(bounds, options); }
  }
  window.atlasView = function (next) {
    // The newest view wins: one the page pushed (view_push_script) after the view this map's arguments hold is
    // still the page's view when the map is drawn anew (the numbers only grow, across sessions too).
    try {
      var pushed = window.parent.atlasPushedView;
      if (pushed && pushed.number > next.number) next = pushed;
    } catch (e) {}
    var fly = next.selected && next.selected !== view.selected;
    view = given = next;
    draw();
    if (fly) flyTo(next.selected);
    opened = true;
  };
  // The page draws what is below the map once the map is on screen (ui._page_complete): say so after the first
  // frame painted at the map's size. st_folium's own first value comes earlier, before the places are painted.
  function reportDrawn() {
    if (!map.getSize().y) { map.once("resize", reportDrawn); return; }
    requestAnimationFrame(function () { requestAnimationFrame(function () {
      var data = window.__GLOBAL_DATA__;
      if (!window.Streamlit || !data) return;
      var value = Object.assign({}, data.previous_data);
      value[config.drawnKey] = true;
      // st_folium's own value stays its last one: kept as this one, its next update after a move (the map's bounds,
      // which the server does not read) would differ by this key alone and rerun the page for nothing.
      window.Streamlit.setComponentValue(value);
    }); });
  }
  reportDrawn();
  places.on("click", function (event) {
    var id = event.layer.feature.properties.id;
    view.selected = id;  // drawn now; the rerun's view then confirms it
    draw();
    // After st_folium's own click handlers (they run after this one) have recorded the click.
    Promise.resolve().then(function () { sendClick(id); });
  });
};

// A legend for everything the map draws, in the view's language, redrawn when the view changes.
atlas.legend = function (map, config) {
  var texts = config.texts, items = config.items, box;
  var legend = L.control({position: "topright"});
  legend.onAdd = function (map) {
    box = L.DomUtil.create("details", "atlas-legend");
    // Open where there is room; on a narrow map (a phone, the page's map column) one click opens it.
    box.open = map.getSize().x >= config.openMinWidth;
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);
  function text(key, lang) { return texts[key][lang] || texts[key].en; }
  var drawnFor = null;  // the language and date the legend shows: a view that changes neither redraws nothing
  function render(view) {
    var showing = view.lang + " " + view.asof;
    if (showing === drawnFor) return;
    drawnFor = showing;
    var rows = [document.createElement("summary")];
    // The date stays in sight with the legend closed (while the map plays, too).
    rows[0].textContent = text("legend", view.lang) + (view.asof ? " \u00b7 " + view.asof : "");
    if (view.asof) {
      var heading = document.createElement("div");
      heading.className = "atlas-legend-date";
      heading.textContent = text("control_on", view.lang) + " " + view.asof;
      rows.push(heading);
    }
    items.forEach(function (item) {
      if (item.asof && !view.asof) return;
      var row = document.createElement("div"), label = document.createElement("span");
      row.className = "atlas-legend-row";
      row.innerHTML = item.swatch;  // the module's own constant SVG
      label.textContent = text(item.key, view.lang);
      row.appendChild(label);
      rows.push(row);
    });
    box.replaceChildren.apply(box, rows);
  }
  // Drawn by the first view (atlas.places draws one, given or not), in its language and at its date: not drawn
  // first in English without a date and at once again.
  (window.atlasViewListeners = window.atlasViewListeners || []).push(render);
};

// On a touch screen one finger scrolls the page and two move the map (geo.mapping._TouchGestures).
atlas.touchGestures = function (map) {
  if (!(L.Browser.mobile || window.matchMedia("(pointer: coarse)").matches)) return;
  map.dragging.disable();
  if (map.tap) map.tap.disable();
};

// A control's button: a link that acts on a click and neither follows its href nor reaches the map.
atlas.button = function (box, className, text, onClick) {
  var button = L.DomUtil.create("a", className, box);
  button.href = "#";
  button.setAttribute("role", "button");
  button.textContent = text;
  L.DomEvent.on(button, "click", function (event) {
    L.DomEvent.preventDefault(event);
    L.DomEvent.stopPropagation(event);
    onClick();
  });
  return button;
};

// The play control that plays the map's date through the years, and the home control that resets the view.
atlas.player = function (map, config) {
  var texts = config.texts, timer = null, button;
  var control = L.control({position: "topleft"});
  control.onAdd = function () {
    var box = L.DomUtil.create("div", "leaflet-bar atlas-play");
    // A press on a button is not the start of a drag of the map (which would swallow the click).
    L.DomEvent.disableClickPropagation(box);
    button = atlas.button(box, "atlas-play-button", "\u25b6", function () { if (timer) { stop(); } else { play(); } });
    button.title = texts.en;
    // Back to the first view of the map (its centre and zoom).
    var reset = atlas.button(box, "atlas-reset", "\u2302", function () {
      function home() { map.setView(config.center, config.zoom, {reset: true}); }
      // A zoom still animating (Leaflet's CSS transition, a quarter of a second after a zoom click) ends by setting
      // its own zoom, over this one: the view goes home once it has ended. (_animatingZoom: Leaflet 1.9's own flag.)
      if (map._animatingZoom) { map.once("zoomend", home); } else { home(); }
    });
    reset.title = "Reset view";
    return box;
  };
  control.addTo(map);
  function stop() {
    clearInterval(timer);
    timer = null;
    button.textContent = "\u25b6";
    window.atlasPlay(null);
  }
  function play() {
    var day = new Date(config.start + "T00:00:00Z"), end = new Date().toISOString().slice(0, 10);
    button.textContent = "\u25a0";
    timer = setInterval(function () {
      var iso = day.toISOString().slice(0, 10);
      if (iso > end) { stop(); return; }
      window.atlasPlay(iso);
      day.setUTCDate(day.getUTCDate() + config.stepDays);
    }, config.frameMs);
  }
  (window.atlasViewListeners = window.atlasViewListeners || []).push(function (view) {
    button.title = texts[view.lang] || texts.en;
  });
};

// The PNG control: the map as the user sees it, painted onto a canvas and downloaded (geo.mapping._Snapshot).
atlas.snapshot = function (map, config) {
  var texts = config.texts, view = {lang: "en", asof: null, selected: null}, button, origin;
  // What an SVG draws with; the rest of its computed style does not show in a picture.
  var svgProps = ["display", "visibility", "opacity", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-opacity",
    "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin"];
  // Boxes painted over the map, each with its background, borders, pictures and words.
  var boxes = config.boxes;
  var control = L.control({position: "topleft"});
  control.onAdd = function () {
    var box = L.DomUtil.create("div", "leaflet-bar atlas-snapshot");
    L.DomEvent.disableClickPropagation(box);
    button = atlas.button(box, "atlas-png", "PNG", save);
    return box;
  };
  control.addTo(map);
  function name(lang) {
    button.title = texts[lang] || texts.en;
    button.setAttribute("aria-label", button.title);
  }
  name("en");
  (window.atlasViewListeners = window.atlasViewListeners || []).push(function (next) { view = next; name(next.lang); });

  function rect(r) { return {x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height}; }
  // Laid out is not shown: a closed legend keeps its rows laid out, unpainted.
  function shown(el) {
    return el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : el.getClientRects().length > 0;
  }
  // An SVG as a picture: a copy with every element's computed style written on it, placed where the SVG is.
  function svgPaint(svg) {
    var at = rect(svg.getBoundingClientRect()), copy = svg.cloneNode(true);
    var from = svg.querySelectorAll("*"), to = copy.querySelectorAll("*"), used = {};
    for (var i = 0; i < from.length; i++) {
      var style = getComputedStyle(from[i]);
      to[i].setAttribute("style", svgProps.map(function (p) {
        // A pattern's address may come back absolute; in the picture it is the copy's own.
        return p + ":" + style.getPropertyValue(p).replace(/url\("?[^"#)]*#([^")]*)"?\)/, function (all, id) {
          used[id] = true;
          return "url(#" + id + ")";
        });
      }).join(";"));
    }
    // A legend's swatch fills with the map's hatch, defined in another SVG: the picture takes a copy along.
    var defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
    Object.keys(used).forEach(function (id) {
      var pattern = document.getElementById(id);
      if (pattern && !svg.contains(pattern)) defs.appendChild(pattern.cloneNode(true));
    });
    copy.insertBefore(defs, copy.firstChild);
    copy.removeAttribute("style");  // Leaflet's transform: the picture is placed at the SVG's box instead
    // Only the part over the map: the countries' SVG spans their bounds, tens of thousands of pixels at a close zoom.
    var box = svg.getAttribute("viewBox") && svg.viewBox.baseVal, size = map.getSize();
    if (box) {
      var left = Math.max(at.x, 0), top = Math.max(at.y, 0);
      var right = Math.min(at.x + at.w, size.x), bottom = Math.min(at.y + at.h, size.y);
      if (right <= left || bottom <= top) return function () {};
      var sx = box.width / at.w, sy = box.height / at.h;
      copy.setAttribute("viewBox", [box.x + (left - at.x) * sx, box.y + (top - at.y) * sy, (right - left) * sx,
        (bottom - top) * sy].join(" "));
      copy.setAttribute("preserveAspectRatio", "none");
      at = {x: left, y: top, w: right - left, h: bottom - top};
    }
    copy.setAttribute("width", at.w);
    copy.setAttribute("height", at.h);
    var xml = new XMLSerializer().serializeToString(copy);
    return new Promise(function (resolve) {
      var image = new Image();
      image.onload = function () { resolve(function (ctx) { ctx.drawImage(image, at.x, at.y, at.w, at.h); }); };
      image.onerror = function () { resolve(function () {}); };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml);
    });
  }
  // Every word under `root` where the page shows it, in its font and colour (a halo where it has a text shadow).
  function wordPaints(root) {
    var paints = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), range = document.createRange();
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement || !shown(node.parentElement)) continue;
      var style = getComputedStyle(node.parentElement), words = /\S+/g, match;
      var font = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(" ");
      var halo = style.textShadow !== "none" && style.textShadow.match(/rgba?\([^)]*\)/);
      while ((match = words.exec(node.data))) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        // A word the page broke over two lines (after a hyphen) is drawn a letter at a time.
        var whole = range.getClientRects().length === 1;
        for (var i = 0; i < match[0].length; i += whole ? match[0].length : 1) {
          range.setStart(node, match.index + i);
          range.setEnd(node, match.index + (whole ? match[0].length : i + 1));
          var at = range.getClientRects()[0], text = whole ? match[0] : match[0][i];
          if (at) paints.push(wordPaint(text, rect(at), font, style.color, halo && halo[0]));
        }
      }
    }
    return paints;
  }
  function wordPaint(word, at, font, color, halo) {
    return function (ctx) {
      ctx.font = font;
      var m = ctx.measureText(word);
      // On the alphabetic baseline, the font's box centred in the word's box as the page lays it out.
      var y = at.y + (at.h - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 + m.fontBoundingBoxAscent;
      if (halo) {
        ctx.strokeStyle = halo;
        ctx.lineWidth = 2;  // about the reach of the page's 2-3 px text shadow
        ctx.lineJoin = "round";
        ctx.strokeText(word, at.x, y);
      }
      ctx.fillStyle = color;
      ctx.fillText(word, at.x, y);
    };
  }
  // A box's background (rounded as on the page) and borders; a CSS dot (a town's ::before) the same way.
  function boxPaint(el, pseudo) {
    var style = getComputedStyle(el, pseudo), at = rect(el.getBoundingClientRect());
    if (pseudo) {
      if (style.content === "none") return function () {};
      at = {x: at.x + parseFloat(style.left), y: at.y + parseFloat(style.top),
            w: parseFloat(style.width), h: parseFloat(style.height)};
    }
    var radius = Math.min(parseFloat(style.borderTopLeftRadius) || 0, at.w / 2, at.h / 2);
    var background = style.backgroundColor, sides = ["Top", "Right", "Bottom", "Left"].map(function (side) {
      var none = style["border" + side + "Style"] === "none";
      return {width: none ? 0 : parseFloat(style["border" + side + "Width"]), color: style["border" + side + "Color"]};
    });
    return function (ctx) {
      ctx.fillStyle = background;
      ctx.beginPath();
      ctx.roundRect(at.x, at.y, at.w, at.h, radius);
      ctx.fill();
      var top = sides[0], right = sides[1], bottom = sides[2], left = sides[3];
      [[top, at.x, at.y, at.w, top.width], [right, at.x + at.w - right.width, at.y, right.width, at.h],
       [bottom, at.x, at.y + at.h - bottom.width, at.w, bottom.width], [left, at.x, at.y, left.width, at.h]]
        .forEach(function (s) { if (s[0].width) { ctx.fillStyle = s[0].color; ctx.fillRect(s[1], s[2], s[3], s[4]); } });
    };
  }
  function clip(el, paints) {
    var at = rect(el.getBoundingClientRect());
    return [function (ctx) { ctx.save(); ctx.beginPath(); ctx.rect(at.x, at.y, at.w, at.h); ctx.clip(); }]
      .concat(paints, [function (ctx) { ctx.restore(); }]);
  }
  function save() {
    var container = map.getContainer(), size = map.getSize(), ratio = window.devicePixelRatio || 1;
    origin = container.getBoundingClientRect();
    var background = getComputedStyle(container).backgroundColor;
    var paints = [function (ctx) { ctx.fillStyle = background; ctx.fillRect(0, 0, size.x, size.y); }];
    map.getPane("overlayPane").querySelectorAll("svg").forEach(function (svg) { paints.push(svgPaint(svg)); });
    var markers = map.getPane("markerPane");
    markers.querySelectorAll(".leaflet-marker-icon").forEach(function (icon) {
      if (shown(icon)) paints.push(boxPaint(icon, "::before"));
    });
    paints = paints.concat(wordPaints(markers));
    // The map's own boxes, and the exported map's title over it.
    [].slice.call(container.querySelectorAll(boxes.join(","))).concat([].slice.call(document.querySelectorAll(".atlas-title")))
      .filter(shown).forEach(function (el) {
        var inner = [boxPaint(el)];
        el.querySelectorAll("svg").forEach(function (svg) { if (shown(svg)) inner.push(svgPaint(svg)); });
        paints = paints.concat(clip(el, inner.concat(wordPaints(el))));
      });
    Promise.all(paints).then(function (ready) {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      var ctx = canvas.getContext("2d");
      ctx.scale(ratio, ratio);
      ready.forEach(function (paint) { paint(ctx); });
      canvas.toBlob(download, "image/png");
    });
  }
  function download(blob) {
    var link = document.createElement("a"), url = URL.createObjectURL(blob);
    // Says what it shows: karabakh-atlas-2020-11-20-kalbajar.png
    link.download = ["karabakh-atlas", view.asof, view.selected].filter(Boolean).join("-")
      .toLowerCase().replace(/[^a-z0-9-]+/g, "-") + ".png";
    link.href = url;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);  // once the browser has taken the file
  }
};

// When the online street map fails to load: a notice, and the offline countries filled again.
atlas.tileFallback = function (map, tiles, countries, config) {
  var texts = config.texts, notice = null, lang = "en";
  tiles.on("tileerror", function () {
    if (notice) return;
    countries.setStyle(config.filled);
    notice = L.control({position: "bottomleft"});
    notice.onAdd = function () {
      var box = L.DomUtil.create("div", "atlas-tiles-failed");
      box.setAttribute("role", "status");
      box.textContent = texts[lang] || texts.en;
      return box;
    };
    notice.addTo(map);
  });
  (window.atlasViewListeners = window.atlasViewListeners || []).push(function (view) {
    lang = view.lang;
    if (notice) notice.getContainer().textContent = texts[lang] || texts.en;
  });
};

// The exported map's answer to a click on a place: a box with its names ({id: {lang: name, spellings: [...]}}).
atlas.placeBox = function (map, names) {
  var box = null;
  var info = L.control({position: "bottomleft"});
  info.onAdd = function () {
    box = L.DomUtil.create("div", "atlas-place-box");
    box.setAttribute("role", "status");
    box.style.display = "none";
    return box;
  };
  info.addTo(map);
  (window.atlasViewListeners = window.atlasViewListeners || []).push(function (view) {
    var place = view.selected && names[view.selected];
    box.style.display = place ? "" : "none";
    if (!place) return;
    var name = document.createElement("strong"), others = document.createElement("div");
    name.textContent = place[view.lang] || place.en;
    others.textContent = place.spellings.filter(function (s) { return s !== name.textContent; }).join(" / ");
    box.replaceChildren(name, others);
  });
};

// Located events as circle markers on `group`; tooltips are set as text.
atlas.events = function (group, config) {
  L.geoJSON(config.data, {
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, Object.assign({radius: feature.properties.radius}, config.style));
    },
    onEachFeature: function (feature, layer) {
      layer.bindTooltip(function () {
        var label = document.createElement("span");
        label.textContent = feature.properties.label;
        return label;
      }, {sticky: true});
    }
  }).addTo(group);
};
