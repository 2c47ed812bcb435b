/* womenfund dashboard charts (ECharts from the webjar; data from the page's JSON, no inline script). */
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  var font = { fontFamily: 'Sarabun, Loma, Garuda, Tahoma, sans-serif' };
  function bar(id, names, values, opts) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return null; }
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    var series = { type: 'bar', data: values, name: opts.name, itemStyle: { color: opts.color || '#6a1b4d' },
      label: { show: true, position: 'top', formatter: opts.label || '{c}' } };
    if (opts.markLine) { series.markLine = opts.markLine; }
    chart.setOption({
      textStyle: font,
      title: { text: opts.title, textStyle: font, left: 'center' },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 30, top: 50, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 20 : 0 } },
      yAxis: { type: 'value', name: opts.unit },
      series: [series]
    });
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }
  ready(function () {
    var node = document.getElementById('dashboard-data');
    if (!node) { return; }
    var data = JSON.parse(node.textContent || '{}');
    var names = data.districts || [];
    if (data.overdue) {
      var target = Number(data.overdue.target);
      bar('chart-overdue', names, data.overdue.ratios.map(Number), {
        title: 'ร้อยละหนี้เกินกำหนดชำระรายอำเภอ', unit: '%', name: 'หนี้เกินกำหนด (%)', label: '{c}%',
        markLine: { symbol: 'none', lineStyle: { color: '#b00020', type: 'dashed', width: 2 },
          label: { position: 'insideEndTop', formatter: 'เป้าหมาย ' + target + '%' }, data: [{ yAxis: target }] }
      });
    }
    if (data.members) {
      var title = 'สมาชิกใหม่รายอำเภอ: รวม ' + data.members.total + ' คน' +
        (data.members.target ? ' จากเป้าหมาย ' + data.members.target.toLocaleString('en-US') + ' คน' : '');
      bar('chart-members', names, data.members.counts, { title: title, unit: 'คน', name: 'สมาชิก', color: '#00796b' });
    }
    if (data.allocation) {
      bar('chart-allocation', names, data.allocation.amounts.map(Number), {
        title: 'เงินอุดหนุนที่จัดสรรให้แต่ละอำเภอ (บาท)', unit: 'บาท', name: 'จัดสรร', color: '#1565c0' });
    }
    if (data.budget) {
      bar('chart-budget', names, data.budget.pct.map(Number), {
        title: 'ร้อยละการเบิกจ่ายงบบริหาร', unit: '%', name: 'เบิกจ่าย (%)', label: '{c}%', color: '#ef6c00' });
    }
  });
}());
