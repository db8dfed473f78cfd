"""JavaScript run in the reader's page, kept here so that the tests read as prose."""

# Horizontal overflow of the page and of every timeline, at the current viewport.
TIMELINE_GEOMETRY = """
() => {
  const width = window.innerWidth;
  const figures = [...document.querySelectorAll('figure.timeline')].map((figure, index) => {
    const box = figure.getBoundingClientRect();
    const style = getComputedStyle(figure);
    // Content inside a scrolling box (a wide code block, say) scrolls there and does
    // not widen the page, so it does not count as sticking out.
    const clipped = (el) => {
      for (let n = el.parentElement; n && n !== figure; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticking = [...figure.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)
          && !clipped(el);
      })
      .map((el) => el.tagName.toLowerCase()
        + (el.className ? '.' + [...el.classList].join('.') : ''));
    return {
      index,
      id: figure.id || figure.querySelector('figcaption')?.textContent.trim() || `#${index}`,
      left: box.left, right: box.right, width: box.width, height: box.height,
      visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
        && style.display !== 'none' && parseFloat(style.opacity) > 0,
      scrollWidth: figure.scrollWidth, clientWidth: figure.clientWidth,
      events: figure.querySelectorAll('li.timeline-event').length,
      sticking,
    };
  });
  return {
    viewport: width,
    documentScrollWidth: document.documentElement.scrollWidth,
    figures,
  };
}
"""

# Text colour and the background layers (innermost first) behind each piece of timeline
# text; the page's canvas colour closes the list so that it is composited last.
TIMELINE_TEXT_COLOURS = """
(selectors) => {
  const layers = (el) => {
    const found = [];
    for (let node = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') {
        found.push({image: style.backgroundImage, node: node.tagName});
      }
      found.push(style.backgroundColor);
    }
    return found;
  };
  const out = [];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(`figure.timeline ${selector}`)) {
      if (!el.textContent.trim()) continue;
      const style = getComputedStyle(el);
      out.push({
        selector,
        text: el.textContent.trim().slice(0, 60),
        color: style.color,
        fontSize: style.fontSize,
        fontWeight: style.fontWeight,
        layers: layers(el),
      });
    }
  }
  return out;
}
"""

# Mark every link inside a timeline and record each element that receives focus.
MARK_TIMELINE_LINKS = """
() => {
  window.__readerFocused = [];
  const links = [...document.querySelectorAll('figure.timeline a[href]')];
  links.forEach((a, i) => { a.dataset.readerLink = String(i); });
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    const style = getComputedStyle(el);
    window.__readerFocused.push({
      link: el.dataset ? el.dataset.readerLink ?? null : null,
      tag: el.tagName.toLowerCase(),
      text: (el.textContent || '').trim().slice(0, 40),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    });
  }, true);
  const focusable = document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'
  ).length;
  return {links: links.map((a) => ({href: a.getAttribute('href'), text: a.textContent.trim()})),
          focusable};
}
"""

# Cumulative Layout Shift as Chromium reports it, with the nodes that moved; installed
# before any of the page's own scripts run.
LAYOUT_SHIFT_OBSERVER = """
window.__readerShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__readerShifts.push({
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      startTime: entry.startTime,
      sources: (entry.sources || []).map((s) => {
        const n = s.node;
        if (!n || !n.nodeType) return {node: null, inTimeline: false};
        const el = n.nodeType === 1 ? n : n.parentElement;
        return {
          node: el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
            + (el.className && typeof el.className === 'string'
               ? '.' + el.className.trim().split(/\\s+/).join('.') : '') : String(n.nodeName),
          inTimeline: !!(el && el.closest('figure.timeline')),
        };
      }),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Width, in ems, of every curly quotation mark and apostrophe in the article's text.
PUNCTUATION_WIDTHS = """
() => {
  const marks = /[\\u2018\\u2019\\u201c\\u201d]/g;
  const article = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node && out.length < 200; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('pre, code, [lang|="zh"], [lang|="ja"]')) continue;
    for (const match of node.data.matchAll(marks)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + 1);
      const width = range.getBoundingClientRect().width;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (width > 0) {
        out.push({mark: match[0], em: width / size,
                  context: node.data.slice(Math.max(0, match.index - 20), match.index + 10)});
      }
    }
  }
  return out;
}
"""
