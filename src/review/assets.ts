/**
 * The style sheet and the script of the review pages, inlined so that a page
 * is self-contained (no CDN, no network).
 */
import {createHash} from 'node:crypto'

/** The style sheet shared by the article pages and the index. */
export const reviewCss = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--err:#cf222e;--err-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--info:#0969da;--info-bg:#ddf4ff;--fix:#8250df;--fix-bg:#fbefff;--focus:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--info)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.page{padding:12px 16px;border-bottom:1px solid var(--line)}
header.page h1{font-size:1.25rem;margin:0 0 4px}
header.page p{margin:0;color:var(--muted);font-size:.9rem}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--bg);padding:4px 8px;z-index:3}
.toolbar{position:sticky;top:0;z-index:2;background:#f6f8fa;border-bottom:1px solid var(--line);padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
.toolbar fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
.toolbar legend{float:left;font-weight:600;margin-right:6px;font-size:.85rem}
.toolbar label{font-size:.85rem;white-space:nowrap}
.toolbar button{font:inherit;font-size:.85rem;padding:4px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);cursor:pointer;min-height:32px}
.toolbar .status{font-size:.85rem;color:var(--muted)}
main{padding:8px 16px 48px}
.row{border:1px solid var(--line);border-radius:8px;margin:10px 0;overflow:hidden}
.row[hidden]{display:none}
.row.has-error{border-left:4px solid var(--err)}.row.has-warning{border-left:4px solid var(--warn)}
.row-head{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.8rem;color:var(--muted);padding:4px 10px;background:#f6f8fa;border-bottom:1px solid var(--line)}
.row-head .flag{color:var(--err);font-weight:600}
.sent{display:grid;grid-template-columns:1fr 1fr;border-top:1px dashed var(--line)}
.sent:first-child{border-top:0}
.en,.zh,.shared{padding:6px 10px;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.en{border-right:1px solid var(--line)}
.shared{grid-column:1/3;color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem}
.empty{color:var(--muted);font-style:italic}
mark{background:var(--info-bg);color:inherit;border-bottom:2px solid var(--info);cursor:pointer;padding:0}
mark.repair{background:none;border-bottom:1px dotted var(--fix);cursor:help}
mark.repair.uncertain{background:#ffd8b5;border-bottom:2px solid #bc4c00}
mark.sev-warning{background:var(--warn-bg);border-bottom-color:var(--warn)}
mark.sev-error{background:var(--err-bg);border-bottom-color:var(--err)}
mark.off{background:none;border-bottom-color:transparent}
mark.repair.off{background:none;border-bottom:1px dotted var(--fix)}
mark.repair.uncertain.off{background:#ffd8b5;border-bottom:2px solid #bc4c00}
mark.repair.uncertain.twin{background:#fff0e3;border-bottom:2px dashed #bc4c00;cursor:pointer}
ol.msgs{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.msg{padding:6px 10px;border-top:1px solid #eaeef2;font-size:.9rem}
.msg:first-child{border-top:0}
.msg[hidden]{display:none}
.msg:focus{background:#f0f6ff}
.sev{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;padding:0 6px;border-radius:10px;margin-right:6px}
.sev-error .sev,.sev.error{background:var(--err);color:#fff}.sev-warning .sev,.sev.warning{background:var(--warn);color:#fff}.sev-info .sev,.sev.info{background:var(--info);color:#fff}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem;margin-right:6px}
.where{color:var(--muted);font-size:.8rem;margin-left:6px}
.expected,.candidates,.twins,.settle,.note,.actual{margin:2px 0 0;font-size:.85rem;color:var(--muted)}
.expected code,.candidates code,.twins code,.settle code,.actual code{color:var(--fg);background:#eff1f3;padding:0 3px;border-radius:4px;white-space:pre-wrap}
table.summary{border-collapse:collapse;font-size:.9rem;margin:8px 0}
table.summary th,table.summary td{border:1px solid var(--line);padding:4px 8px;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left;min-width:16em}
.table-wrap{overflow-x:auto}
.msg,.rule-doc{overflow-wrap:anywhere}
.rule-doc{max-width:46rem}
.rule-doc pre{overflow-x:auto;background:#f6f8fa;padding:8px;border-radius:6px}
@media (max-width:700px){.sent{grid-template-columns:1fr}.en{border-right:0;border-bottom:1px dotted var(--line)}.shared{grid-column:1}.toolbar{position:static}
table.summary,table.summary tbody,table.summary tr,table.summary td{display:block}
table.summary thead{position:absolute;left:-9999px}
table.summary tr{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:4px 0}
table.summary td,table.summary td:first-child{border:0;padding:2px 10px;text-align:left;min-width:0;overflow-wrap:anywhere}
table.summary td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
table.summary td:empty{display:none}}
@media print{.toolbar,.skip{display:none}.row{break-inside:avoid;border-left-width:1px}mark{border-bottom-width:1px}a{color:inherit;text-decoration:none}body{font-size:11pt}}
`

/** The script of an article page: filters, counts, jump to next problem. */
export const reviewScript = `(() => {
  const all = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const boxes = all('input[data-filter]');
  const only = document.getElementById('only-problems');
  const status = document.getElementById('status');
  let current = -1;
  function apply() {
    const rules = new Set(boxes.filter((box) => box.dataset.filter === 'rule' && box.checked).map((box) => box.value));
    const severities = new Set(boxes.filter((box) => box.dataset.filter === 'severity' && box.checked).map((box) => box.value));
    const shown = new Set();
    for (const item of all('.msg')) {
      const on = rules.has(item.dataset.rule) && severities.has(item.dataset.severity);
      item.hidden = !on;
      if (on) shown.add(item.id);
    }
    for (const mark of all('mark[data-m]')) {
      mark.classList.toggle('off', !mark.dataset.m.split(' ').some((id) => shown.has(id)));
    }
    for (const row of all('.row')) {
      const visible = all('.msg', row).filter((item) => !item.hidden).length;
      row.hidden = only.checked && visible === 0;
    }
    status.textContent = shown.size + ' of ' + all('.msg').length + ' messages shown';
  }
  function visibleMessages() {
    return all('.msg').filter((item) => !item.hidden && !item.closest('.row').hidden);
  }
  function go(step) {
    const list = visibleMessages();
    if (list.length === 0) return;
    current = (current + step + list.length) % list.length;
    const item = list[current];
    item.focus();
    const mark = document.querySelector('mark[data-m~="' + item.id + '"]');
    (mark || item).scrollIntoView({block: 'center'});
  }
  for (const box of boxes.concat([only])) box.addEventListener('change', apply);
  document.getElementById('next').addEventListener('click', () => go(1));
  document.getElementById('prev').addEventListener('click', () => go(-1));
  document.addEventListener('focusin', (event) => {
    const item = event.target.closest && event.target.closest('.msg');
    if (item) current = visibleMessages().indexOf(item);
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.matches && event.target.matches('input[type=text],textarea')) return;
    if (event.key === 'j' || event.key === 'n') { event.preventDefault(); go(1); }
    if (event.key === 'k' || event.key === 'p') { event.preventDefault(); go(-1); }
  });
  function activate(mark) {
    const ids = mark.dataset.m.split(' ');
    const item = ids.map((id) => document.getElementById(id)).find((found) => found && !found.hidden);
    if (item) item.focus();
  }
  for (const mark of all('mark[data-m]')) {
    mark.addEventListener('click', () => activate(mark));
    mark.addEventListener('keydown', (event) => { if (event.key === 'Enter') activate(mark); });
  }
  apply();
})();`

/**
 * The Content-Security-Policy of a page: nothing from the network, only the
 * inlined style and, when given, the inlined script (by its hash).
 *
 * @param script The page's script, if any.
 * @returns The policy.
 */
export function contentSecurityPolicy(script?: string): string {
  const scriptSource = script === undefined ? "'none'" : `'sha256-${createHash('sha256').update(script).digest('base64')}'`
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptSource}; base-uri 'none'; form-action 'none'`
}
