/**
 * The inline style sheet of the bilingual page (no external assets). The
 * language toggle is pure CSS (radio buttons), so the page needs no script
 * and can forbid all script in its Content-Security-Policy.
 */
export const pageStyle = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.7 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
pre { overflow-x: auto; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .9rem; }
header h1 .en { display: block; font-size: .6em; color: var(--muted); }
#view-en:checked ~ main header h1 .en { font-size: 1em; color: inherit; }
header .meta.en { display: none; }
.articles li { margin: 0 0 1rem; }
.articles .en { display: block; color: var(--muted); }
#view-en:checked ~ main header .meta.en { display: block; }
.toggle { position: sticky; top: 0; display: flex; gap: .5rem; padding: .5rem 1rem; background: Canvas; border-bottom: 1px solid var(--line); z-index: 1; }
.unit[id], [id^=user-content-fn-] { scroll-margin-top: 3.5rem; }
.toggle label { cursor: pointer; padding: .25rem .75rem; border: 1px solid var(--line); border-radius: 999px; }
.view { position: fixed; top: 0; left: 0; opacity: 0; pointer-events: none; }
#view-both:checked ~ .toggle label[for=view-both], #view-zh:checked ~ .toggle label[for=view-zh], #view-en:checked ~ .toggle label[for=view-en] { background: var(--accent); color: Canvas; border-color: var(--accent); }
.view:focus-visible ~ .toggle { outline: 2px solid var(--accent); }
.unit { margin: 0 0 1rem; }
.unit.pair, .unit.source-only { display: grid; grid-template-columns: 1fr; gap: .25rem 2rem; }
.unit .en { color: var(--muted); }
@media (min-width: 900px) { .unit.pair { grid-template-columns: 1fr 1fr; } }
#view-zh:checked ~ main .en, #view-en:checked ~ main .zh { display: none; }
#view-zh:checked ~ main .unit.pair, #view-en:checked ~ main .unit.pair { grid-template-columns: 1fr; }
#view-en:checked ~ main .unit .en { color: inherit; }
@media print { .toggle, .view { display: none; } }
.unit.stale-outdated, .unit.stale-new, .unit.stale-removed { border-left: 4px solid #d97706; padding-left: .75rem; }
.unit.stale-outdated::before, .unit.stale-new::before, .unit.stale-removed::before { grid-column: 1 / -1; font-size: .85em; font-weight: 600; color: #b45309; }
.unit.stale-outdated::before { content: "译文待更新：英文原文已修改 · The English changed since this was translated"; }
.unit.stale-new::before { content: "待翻译：英文原文新增 · New in the English source"; }
.unit.stale-removed::before { content: "英文原文已删除此段 · Removed from the English source"; }
.unit.stale-outdated .en, .unit.stale-new .en { color: inherit; }
#view-zh:checked ~ main .unit.stale-outdated .en, #view-zh:checked ~ main .unit.stale-new .en { display: block; }
`
