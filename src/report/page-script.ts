/**
 * The report page's own script, as text inlined into report.html: embeds every chart with vega-embed
 * (SVG renderer, its bundled tooltip handler) after fitting the spec to the width of its box — single
 * views fill the width, side-by-side panels stack and shrink, facet grids take fewer columns, legends move
 * below on narrow screens — and embeds again when the width changes. `fitSpec` is plain JavaScript so the
 * tests can evaluate it outside a browser.
 */

/** `fitSpec(spec, width)`: a copy of a vega-lite spec fitted to `width` CSS pixels (plain JavaScript). */
export const FIT_SPEC_JS = String.raw`
function fitSpec(spec, width) {
  var s = JSON.parse(JSON.stringify(spec));
  var narrow = width < 720;
  var labelLimit = narrow ? Math.max(70, Math.round(width * 0.34)) : 240;
  s.config = s.config || {};
  s.config.axis = Object.assign({}, s.config.axis, { labelLimit: labelLimit });
  if (narrow) {
    s.config.axisX = Object.assign({}, s.config.axisX, { titleAnchor: 'end', titleLimit: Math.max(120, width - 30) });
    s.config.legend = Object.assign({}, s.config.legend, { orient: 'bottom', direction: 'horizontal', columns: width < 480 ? 1 : 2, labelLimit: Math.max(120, width - 60) });
    if (s.hconcat) { s.vconcat = s.hconcat; delete s.hconcat; }
    if (s.title && typeof s.title === 'object') s.title = Object.assign({}, s.title, { fontSize: 13, subtitleFontSize: 11, limit: width - 10 });
  }
  var legendRight = narrow ? 0 : 190;
  // room for the y axis: scenario names on a nominal axis, numbers otherwise
  var nominalY = function (p) {
    var parts = [p].concat(p.layer || []).concat(p.spec ? [p.spec] : []);
    return parts.some(function (q) { return q.encoding && q.encoding.y && q.encoding.y.type === 'nominal'; });
  };
  var axisRoom = function (p) { return nominalY(p) ? labelLimit + 60 : 90; };
  var clamp = function (w, room) { return typeof w === 'number' ? Math.max(100, Math.min(w, room)) : w; };
  if (s.layer || s.mark) {
    s.width = Math.max(120, width - 8);
    s.autosize = { type: 'fit-x', contains: 'padding' };
  } else if (s.vconcat) {
    // stacked panels take the width of the box (up to 720 px, so a panel stays readable)
    s.vconcat.forEach(function (p) { if (typeof p.width === 'number') p.width = Math.max(100, Math.min(720, width - legendRight - axisRoom(p))); });
  } else if (s.hconcat) {
    var per = Math.floor((width - legendRight) / s.hconcat.length);
    s.hconcat.forEach(function (p) { p.width = clamp(p.width, per - 60); });
  } else if (s.facet && s.spec) {
    var w = s.spec.width;
    var cols = s.columns || 1;
    var room = width - legendRight - axisRoom(s.spec);
    var fit = Math.max(1, Math.floor(room / ((typeof w === 'number' ? w : 200) + 40)));
    if (fit < cols) s.columns = fit;
    if (s.columns === 1 || fit === 1) { s.columns = 1; s.spec.width = clamp(w, room); }
  }
  return s;
}`;

/** The embedding script: fits and embeds every chart, marks the body when all are drawn, re-embeds on resize. */
export function embedScript(specsJson: string, failedText: string): string {
  return `${FIT_SPEC_JS}
(function () {
  var specs = ${specsJson};
  var views = [];
  var widths = [];
  function boxWidth(el) { return Math.max(200, Math.floor(el.getBoundingClientRect().width)); }
  function draw(i) {
    var el = document.getElementById('chart-' + i);
    var w = boxWidth(el);
    widths[i] = w;
    if (views[i]) { views[i].finalize(); views[i] = undefined; }
    return vegaEmbed(el, fitSpec(specs[i], w), { actions: false, renderer: 'svg', tooltip: { theme: 'light' } })
      .then(function (r) { views[i] = r; })
      .catch(function (err) { el.textContent = ${JSON.stringify(failedText)} + err.message; console.error(err); });
  }
  Promise.all(specs.map(function (s, i) { return draw(i); })).then(function () { document.body.setAttribute('data-charts-ready', 'true'); });
  var timer;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      specs.forEach(function (s, i) {
        var el = document.getElementById('chart-' + i);
        if (Math.abs(boxWidth(el) - widths[i]) > 24) draw(i);
      });
    }, 200);
  });
})();`;
}
